import { describe, expect, it } from 'vitest'
import { checkCredit, type NegativeRecord, type SubjectStanding } from './credit-check.ts'
import type { ListEntry } from './list-entry.ts'
import { builtInMatters } from './matters.ts'
import { builtInMeasures } from './measures.ts'

const matter = (code: string) => builtInMatters.find((m) => m.code === code)!
const today = '2026-06-01'

const entry = (over: Partial<ListEntry>): ListEntry => ({
  recordId: 1,
  subjectId: 7,
  category: 'YZSXZT',
  listKind: 'black',
  listName: '严重失信主体名单',
  authority: null,
  reason: null,
  legalBasis: null,
  decisionNumber: null,
  listingDate: '2026-01-10',
  startDate: null,
  endDate: '2029-01-09',
  removalDate: null,
  withdrawn: false,
  preNoticeRequired: true,
  preNoticeServedOn: '2025-12-20',
  ...over,
})
const negative = (over: Partial<NegativeRecord>): NegativeRecord => ({ recordId: 9, category: 'XZCF', tier: 'general', inForce: true, ...over })
const standing = (listEntries: ListEntry[], negativeRecords: NegativeRecord[] = []): SubjectStanding => ({ subjectId: 7, listEntries, negativeRecords })
const codes = (ms: { measure: { code: string } }[]) => ms.map((m) => m.measure.code).sort()

describe('checkCredit', () => {
  it('bars a subject on a serious-dishonesty list from procurement, naming the entry that triggered it', () => {
    const out = checkCredit(standing([entry({})]), matter('ZFCG'), builtInMeasures, today)
    expect(out.hit).toBe(true)
    expect(codes(out.punishments)).toEqual(['LC01'])
    expect(out.punishments[0]!.triggeredBy).toEqual([{ kind: 'list_entry', recordId: 1, category: 'YZSXZT', listName: '严重失信主体名单' }])
    expect(out.punishments[0]!.measure.legalBasis).toContain('第三十四条')
  })

  it('does not apply the procurement ban to a matter the measure does not cover', () => {
    const out = checkCredit(standing([entry({})]), matter('JDJC'), builtInMeasures, today)
    expect(codes(out.punishments)).not.toContain('LC01')
    expect(out.hit).toBe(false)
  })

  it.each([
    ['an expired entry', { endDate: '2026-05-31' }],
    ['a removed entry', { removalDate: '2026-05-01' }],
    ['a withdrawn entry', { withdrawn: true }],
    ['an entry without its pre-notice', { preNoticeServedOn: null }],
    ['an entry not yet in force', { listingDate: '2026-07-01' }],
  ] as const)('lets %s trigger nothing', (_, over) => {
    const out = checkCredit(standing([entry(over)]), matter('ZFCG'), builtInMeasures, today)
    expect(out).toMatchObject({ hit: false, punishments: [], activeEntries: [] })
  })

  it('gives a red-list subject its incentives for the matter', () => {
    const out = checkCredit(standing([entry({ category: 'NSXYAJ', listKind: 'red', listName: '纳税信用A级纳税人', preNoticeRequired: false })]), matter('ZTB'), builtInMeasures, today)
    expect(codes(out.incentives)).toEqual(['JL03'])
    expect(out.hit).toBe(false)
  })

  it('withholds incentives while the subject is under joint punishment', () => {
    const red = entry({ recordId: 2, category: 'NSXYAJ', listKind: 'red', listName: '纳税信用A级纳税人', preNoticeRequired: false })
    const out = checkCredit(standing([red, entry({})]), matter('ZTB'), builtInMeasures, today)
    expect(out.incentives).toEqual([])
    expect(codes(out.punishments)).toEqual(['LC02'])
  })

  it('applies Art. 32 measures for negative records in force of a general or serious tier, and not for minor ones or ended ones', () => {
    const inForce = checkCredit(standing([], [negative({})]), matter('GZCN'), builtInMeasures, today)
    expect(codes(inForce.punishments)).toEqual(['SX02'])
    expect(inForce.negativeRecords.map((r) => r.recordId)).toEqual([9])
    expect(checkCredit(standing([], [negative({ tier: 'minor' })]), matter('GZCN'), builtInMeasures, today).hit).toBe(false)
    expect(checkCredit(standing([], [negative({ inForce: false })]), matter('GZCN'), builtInMeasures, today).hit).toBe(false)
  })

  it('keeps high-consumption limits to court defaulters', () => {
    const serious = checkCredit(standing([entry({})]), matter('JRFW'), builtInMeasures, today)
    expect(codes(serious.punishments)).toEqual(['LC07'])
    const defaulter = checkCredit(standing([entry({ category: 'SXBZXR', listName: '失信被执行人', preNoticeRequired: false })]), matter('JRFW'), builtInMeasures, today)
    expect(codes(defaulter.punishments)).toEqual(['LC06', 'LC07'])
  })
})
