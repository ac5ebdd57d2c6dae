import { describe, expect, it } from 'vitest'
import { baseCatalog } from '../catalog/base-catalog/index.ts'
import { builtInMatters } from './matters.ts'
import { builtInMeasures } from './measures.ts'

describe('the built-in measure catalog', () => {
  const matterCodes = new Set(builtInMatters.map((m) => m.code))

  it('has unique codes', () => {
    expect(new Set(builtInMeasures.map((m) => m.code)).size).toBe(builtInMeasures.length)
    expect(matterCodes.size).toBe(builtInMatters.length)
  })

  it.each(builtInMeasures.map((m) => [m.code, m] as const))('%s names known matters, a trigger and its legal basis', (_, m) => {
    expect(m.matters.length).toBeGreaterThan(0)
    for (const code of m.matters) expect(matterCodes).toContain(code)
    expect(m.trigger.lists?.length || m.trigger.negativeTiers?.length).toBeTruthy()
    expect(m.legalBasis).toMatch(/《.+》/)
  })

  it('triggers only from catalog items that exist and are lists of the named kind', () => {
    for (const m of builtInMeasures) {
      for (const code of m.trigger.items ?? []) {
        const item = baseCatalog.find((i) => i.code === code)
        expect(item?.listKind, `${m.code} → ${code}`).toBeDefined()
        expect(m.trigger.lists).toContain(item!.listKind)
      }
    }
  })

  it('rewards only from red lists and punishes only from focus or black lists and negative records', () => {
    for (const m of builtInMeasures) {
      if (m.effect === 'incentive') expect(m.trigger).toEqual({ lists: ['red'] })
      else expect(m.trigger.lists ?? []).not.toContain('red')
    }
  })

  it('covers every matter with at least one measure', () => {
    for (const code of matterCodes) expect(builtInMeasures.some((m) => m.matters.includes(code)), code).toBe(true)
  })
})
