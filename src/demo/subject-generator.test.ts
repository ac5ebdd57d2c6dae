import { beforeAll, describe, expect, it } from 'vitest'
import { identify, usccSubjectKind } from '../identifiers/index.ts'
import type { SubjectKind } from '../subjects/subject-kind.ts'
import { cityDepartments } from './city-departments.ts'
import { CHANGYUAN_HISTORICAL, demoDivisionCodes } from './city-divisions.ts'
import { DEMO_AS_OF } from './dates.ts'
import { femaleGivenNames, maleGivenNames } from './person-names.ts'
import {
  DEMO_BLOCK_SIZE,
  demoKindMix,
  DemoSubjectFactory,
  generateSubjectBatch,
  generateSubjects,
  type DemoSubject,
} from './subject-generator.ts'

const take = (seed: number | string, count: number, startIndex = 0) => [...generateSubjects({ seed, count, startIndex })]

/** USCC authority + category expected for each kind. */
const usccPrefixes: Record<SubjectKind, readonly string[]> = {
  enterprise: ['91'],
  individual_business: ['92'],
  farmer_cooperative: ['93'],
  public_institution: ['12'],
  social_organisation: ['51', '52'],
  government_body: ['11'],
  rural_collective: ['N2'],
  other_organisation: [],
  natural_person: [],
}

describe('generateSubjects: determinism', () => {
  it('gives identical first 1,000 subjects for the same seed', () => {
    expect(take(20250630, 1000)).toEqual(take(20250630, 1000))
  })

  it('gives different subjects for a different seed', () => {
    const a = take(1, 1000)
    const b = take(2, 1000)
    const same = a.filter((s, i) => s.name === b[i]?.name).length
    expect(same).toBeLessThan(10)
    expect(a.map((s) => s.uscc)).not.toEqual(b.map((s) => s.uscc))
  })

  it('gives subject i the same whatever startIndex, count or access order', () => {
    const all = take('demo', 5000)
    expect(take('demo', 700, 4300)).toEqual(all.slice(4300))
    expect(generateSubjectBatch({ seed: 'demo', count: 2500, startIndex: 1234 })).toEqual(all.slice(1234, 3734))
    const factory = new DemoSubjectFactory('demo')
    for (const i of [4999, 0, 2001, 1999, 3]) expect(factory.at(i)).toEqual(all[i])
    expect(all.map((s) => s.index)).toEqual(all.map((_, i) => i))
  })

  it('pins a few values so that a change of data is a visible decision', () => {
    const pinned = take(42, 20)
      .filter((_, i) => i % 5 === 0)
      .map((s) => `${s.kind} ${s.name} ${s.uscc ?? s.residentId}`)
    expect(pinned).toMatchInlineSnapshot(`
      [
        "enterprise 新乡丰正环保科技股份有限公司 91410700MA5C6W883F",
        "rural_collective 封丘县陈固镇前何坡村经济合作社 N2410727MA92PDAJ68",
        "individual_business 获嘉县美越百货商店 92410724MA3UQF0E72",
        "individual_business 封丘县欣益化肥经营部 92410727MA42765P74",
      ]
    `)
  })

  it('keeps names unique past a kind’s name space with a suffix (第二分公司 for firms, （2） for the rest)', () => {
    const factory = new DemoSubjectFactory(3)
    const capacity = new Map(factory.nameCapacity().map((c) => [c.kind, c.subjects]))
    const firstOfKindFrom = (kind: SubjectKind, from: number) => {
      for (let i = from; ; i++) if (factory.kindAt(i) === kind) return factory.at(i)
    }
    const government = firstOfKindFrom('government_body', (capacity.get('government_body') as number) + DEMO_BLOCK_SIZE)
    expect(government.name).toMatch(/（2）$/u)
    expect(identify(government.uscc as string).valid).toBe(true)
    const firm = firstOfKindFrom('enterprise', (capacity.get('enterprise') as number) + DEMO_BLOCK_SIZE)
    expect(firm.name).toMatch(/有限(责任)?公司第二分公司$/u)
    for (const { subjects } of factory.nameCapacity()) expect(subjects).toBeGreaterThan(1_500_000)
  })

  it('rejects bad options', () => {
    expect(() => take(1, -1)).toThrow(RangeError)
    expect(() => take(1, 1, 1.5)).toThrow(RangeError)
    expect(() => new DemoSubjectFactory(1).at(-1)).toThrow(RangeError)
  })
})

describe('generateSubjects: identifiers', () => {
  let sample: DemoSubject[]
  beforeAll(() => {
    sample = generateSubjectBatch({ seed: 7, count: 100_000 })
  })

  it('gives every USCC, resident ID and registration number a valid, warning-free reading by identify', () => {
    let checked = 0
    for (const s of sample) {
      for (const [value, kind] of [
        [s.uscc, 'uscc'],
        [s.residentId, 'resident_id'],
        [s.registrationNumber, 'registration_number'],
      ] as const) {
        if (value === undefined) continue
        const result = identify(value, { registrationChecksumStrict: true })
        if (!result.valid || result.kind !== kind || result.details?.warnings !== undefined) {
          expect.fail(`${s.index} ${s.name}: ${value} → ${JSON.stringify(result)}`)
        }
        checked++
      }
    }
    expect(checked).toBeGreaterThan(100_000)
  })

  it('matches each kind with its USCC authority and category, and gives USCCs to organisations only', () => {
    const wrong: string[] = []
    for (const s of sample) {
      if (s.kind === 'natural_person') {
        if (s.uscc !== undefined || s.residentId === undefined || s.legalRepresentative !== undefined) wrong.push(s.name)
        continue
      }
      const uscc = s.uscc ?? ''
      if (s.residentId !== undefined || !usccPrefixes[s.kind].includes(uscc.slice(0, 2)) || usccSubjectKind(uscc) !== s.kind) {
        wrong.push(`${s.kind} ${s.name} ${uscc}`)
      }
    }
    expect(wrong.slice(0, 10)).toEqual([])
  })

  it('never repeats a USCC, organisation code, resident ID or registration number, nor a department’s', () => {
    const seen = new Set(cityDepartments.map((d) => d.uscc.slice(8, 17)))
    let n = seen.size
    for (const s of sample) {
      for (const v of [s.uscc?.slice(8, 17), s.residentId, s.registrationNumber]) {
        if (v === undefined) continue
        seen.add(v)
        n++
      }
    }
    expect(seen.size).toBe(n)
  })

  it('uses old all-digit organisation codes before the USCC (2015-10-01) and MA… after, for enterprises', () => {
    const wrong: string[] = []
    for (const s of sample) {
      const established = s.establishedOn ?? ''
      const reg = s.registrationNumber
      if (reg !== undefined && !(established < '2015-10-01' && /[0-3]/.test(reg[6] as string) === (s.kind === 'enterprise'))) {
        wrong.push(`${s.name} ${established} ${reg}`)
      }
      if (s.kind !== 'enterprise') continue
      const body = (s.uscc as string).slice(8, 16)
      if (!(established < '2015-10-01' ? /^[1-9]\d{7}$/.test(body) : body.startsWith('MA'))) wrong.push(`${s.name} ${established} ${body}`)
    }
    expect(wrong.slice(0, 10)).toEqual([])
  })

  it('gives people IDs from 新乡 born 1940–2006 whose sex matches the given name', () => {
    const male = new Set(maleGivenNames)
    const female = new Set(femaleGivenNames)
    const wrong: string[] = []
    let people = 0
    for (const s of sample) {
      if (s.kind !== 'natural_person') continue
      people++
      const id = s.residentId as string
      const year = Number(id.slice(6, 10))
      const given = s.name.slice(1)
      const isMale = Number(id[16]) % 2 === 1
      if (
        !id.startsWith('4107') ||
        !(year >= 1940 && year <= 2006) ||
        !(isMale ? male.has(given) : female.has(given)) ||
        (id.startsWith(CHANGYUAN_HISTORICAL) && s.division !== '410783')
      ) {
        wrong.push(`${s.name} ${id} ${s.division}`)
      }
    }
    expect(people).toBe(10_000)
    expect(wrong.slice(0, 10)).toEqual([])
  })
})

describe('generateSubjects: a million subjects', () => {
  const COUNT = 1_000_000
  const stats = {
    names: 0,
    duplicateNames: [] as string[],
    kinds: new Map<SubjectKind, number>(),
    badDivisions: [] as string[],
    changyuanPre2019: 0,
    changyuanPre2019Old: 0,
    enterprises: 0,
    withRegistrationNumber: 0,
    withFormerName: 0,
    badFormerNames: [] as string[],
    badDates: [] as string[],
    active: 0,
    containsFood: 0,
    containsXinxiang: 0,
  }

  beforeAll(() => {
    const names = new Set<string>()
    const addName = (name: string) => {
      stats.names++
      if (names.has(name)) stats.duplicateNames.push(name)
      else names.add(name)
    }
    const factory = new DemoSubjectFactory('benchmark')
    for (let i = 0; i < COUNT; i++) {
      const s = factory.at(i)
      addName(s.name)
      for (const f of s.formerNames) addName(f.name)
      stats.kinds.set(s.kind, (stats.kinds.get(s.kind) ?? 0) + 1)
      if (!/^4107\d\d$/.test(s.division) || !demoDivisionCodes.has(s.division) || s.division === CHANGYUAN_HISTORICAL) {
        stats.badDivisions.push(`${s.name} ${s.division}`)
      }
      if (s.uscc && !demoDivisionCodes.has(s.uscc.slice(2, 8))) stats.badDivisions.push(`${s.name} ${s.uscc}`)
      if (s.establishedOn !== undefined && !(s.establishedOn >= '1949-01-01' && s.establishedOn <= DEMO_AS_OF)) {
        stats.badDates.push(`${s.name} ${s.establishedOn}`)
      }
      if (s.uscc && s.division === '410783' && (s.establishedOn as string) < '2019-08-01') {
        stats.changyuanPre2019++
        if (s.uscc.slice(2, 8) === CHANGYUAN_HISTORICAL) stats.changyuanPre2019Old++
      }
      if (s.uscc && s.uscc.slice(2, 8) === CHANGYUAN_HISTORICAL && (s.establishedOn as string) >= '2019-08-01') {
        stats.badDates.push(`${s.name} ${s.uscc} ${s.establishedOn}`)
      }
      if (s.name.startsWith('长垣县') && (s.establishedOn as string) >= '2019-08-01') stats.badDates.push(`${s.name} ${s.establishedOn}`)
      if (s.kind === 'enterprise') {
        stats.enterprises++
        if (s.registrationNumber) stats.withRegistrationNumber++
        if (s.formerNames.length > 0) {
          stats.withFormerName++
          let from = s.establishedOn as string
          for (const f of s.formerNames) {
            if (f.validFrom !== from || !(f.validTo >= f.validFrom) || f.validTo >= DEMO_AS_OF || f.name === s.name) {
              stats.badFormerNames.push(`${s.name} ${JSON.stringify(s.formerNames)}`)
            }
            from = nextDay(f.validTo) // the next name starts the day after
          }
        }
      }
      if (s.status === 'active') stats.active++
      if (s.name.includes('食品')) stats.containsFood++
      if (s.name.includes('新乡')) stats.containsXinxiang++
    }
  })

  it('never repeats a name, current or former, across 1,000,000 subjects', () => {
    expect(stats.duplicateNames.slice(0, 10)).toEqual([])
    expect(stats.names).toBeGreaterThan(COUNT)
  })

  it('keeps the demo mix exactly (within a few percent is all that is promised)', () => {
    for (const [kind, perBlock] of Object.entries(demoKindMix)) {
      const share = (stats.kinds.get(kind as SubjectKind) ?? 0) / COUNT
      expect(Math.abs(share - (perBlock as number) / DEMO_BLOCK_SIZE), kind).toBeLessThan(0.005)
    }
    const share = (k: SubjectKind) => (stats.kinds.get(k) ?? 0) / COUNT
    expect(share('enterprise')).toBeCloseTo(0.7, 2)
    expect(share('individual_business')).toBeCloseTo(0.15, 2)
    expect(share('farmer_cooperative')).toBeCloseTo(0.03, 2)
    expect(share('natural_person')).toBeCloseTo(0.1, 2)
    expect(share('public_institution') + share('social_organisation') + share('government_body') + share('rural_collective')).toBeCloseTo(0.02, 2)
  })

  it('places every subject and every USCC in 新乡 (4107xx)', () => {
    expect(stats.badDivisions.slice(0, 10)).toEqual([])
  })

  it('keeps dates in range and 长垣县 (410728) for registrations before the 2019 rename only, about a third of them', () => {
    expect(stats.badDates.slice(0, 10)).toEqual([])
    const share = stats.changyuanPre2019Old / stats.changyuanPre2019
    expect(share).toBeGreaterThan(0.28)
    expect(share).toBeLessThan(0.39)
  })

  it('gives about 20 % of enterprises a registration number and about 10 % a former name, with consistent dates', () => {
    expect(stats.withRegistrationNumber / stats.enterprises).toBeCloseTo(0.2, 1)
    expect(Math.abs(stats.withRegistrationNumber / stats.enterprises - 0.2)).toBeLessThan(0.02)
    expect(Math.abs(stats.withFormerName / stats.enterprises - 0.1)).toBeLessThan(0.02)
    expect(stats.badFormerNames.slice(0, 5)).toEqual([])
  })

  it('is mostly active and searchable by common words', () => {
    expect(stats.active / COUNT).toBeGreaterThan(0.85)
    expect(stats.containsFood).toBeGreaterThan(10_000)
    expect(stats.containsXinxiang).toBeGreaterThan(250_000)
  })
})

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}
