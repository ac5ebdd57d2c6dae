import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { baseCatalog } from '../catalog/base-catalog/index.ts'
import { assessPublicity, type PublicityRecord } from './assess-publicity.ts'
import { builtInRuleSet } from './built-in-rule-set.ts'
import { compilePublicityRules } from './compile-rules.ts'
import { addDays } from './dates.ts'
import type { PublicityRuleSet } from './rule-set.ts'

const rules = compilePublicityRules(builtInRuleSet, baseCatalog)
const itemCode = (kind: string, extra: (i: (typeof baseCatalog)[number]) => boolean = () => true) => baseCatalog.find((i) => i.publicityRule.kind === kind && extra(i))!.code
const LIST = itemCode('until_removed', (i) => i.publicityRule.kind === 'until_removed' && i.publicityRule.ceilingYears === undefined)
const HONOUR = itemCode('long_term')
const LICENCE = itemCode('until_valid_to', (i) => i.nature !== 'negative')
const TAX = baseCatalog.find((i) => i.publicityRule.kind === 'fixed')!.code

const record = (o: Partial<PublicityRecord> & { categories?: string[]; fine?: string } = {}): PublicityRecord => {
  const { categories, fine, ...rest } = o
  return {
    category: 'XZCF',
    departmentCode: 'SCJG',
    status: 'in_force',
    decisionDate: '2025-03-05',
    publicationDate: '2025-03-10',
    validFrom: null,
    validTo: null,
    publicityEnd: null,
    removalDate: null,
    tier: null,
    field: (key) => ({ CF_CFLB: categories ?? ['010103'], CF_NR_FK: fine ?? '3' })[key as 'CF_CFLB'] ?? null,
    decisions: [],
    ...rest,
  }
}
const on = (today: string) => ({ today, now: `${today}T04:00:00.000Z` })
const assess = (r: PublicityRecord, today: string, compiled = rules) => assessPublicity(compiled.ruleOf(r.category), r, on(today))

describe('assessPublicity: each tier’s window', () => {
  // Publication 2025-03-10: general 3–12 months, serious 12–36 months.
  it.each([
    ['general', ['010103'], '2025-03-09', 'not_started'],
    ['general', ['010103'], '2025-03-10', 'shown'],
    ['general', ['010103'], '2026-03-09', 'shown'],
    ['general', ['010103'], '2026-03-10', 'ended'],
    ['general (licence suspension)', ['010106'], '2026-03-10', 'ended'],
    ['serious', ['010108'], '2025-03-09', 'not_started'],
    ['serious', ['010108'], '2025-03-10', 'shown'],
    ['serious', ['010108', '010103'], '2028-03-09', 'shown'],
    ['serious', ['010110'], '2028-03-10', 'ended'],
    ['minor', ['010101'], '2025-03-10', 'not_public'],
    ['minor', ['010101', '010102'], '2025-06-10', 'not_public'],
  ] as const)('a %s penalty %j on %s is %s', (_, categories, today, state) => {
    expect(assess(record({ categories: [...categories] }), today).state).toBe(state)
  })

  it('gives tier, start, minimum and maximum end, ceiling and early end with reasons in both languages', () => {
    const a = assess(record({ categories: ['010103', '010106'] }), '2025-08-01')
    expect(a).toMatchObject({ tier: 'general', tierSource: 'default_table', start: '2025-03-10', startField: 'publication_date', minimumEnd: '2025-06-10', maximumEnd: '2026-03-10', end: '2026-03-10', ceiling: '2030-03-10', earlyEndAllowed: true, ruleSetVersion: 1, shown: true, withdrawn: false })
    expect(a.reasons.every((r) => r.zh && r.en)).toBe(true)
    expect(a.reasons.map((r) => r.zh).join()).toContain('一般失信')
  })

  it('never ends early the categories of SAMR order 45', () => {
    const a = assess(record({ categories: ['010108'] }), '2025-08-01')
    expect(a).toMatchObject({ tier: 'serious', minimumEnd: '2026-03-10', maximumEnd: '2028-03-10', earlyEndAllowed: false })
    expect(assess(record({ categories: ['010111'] }), '2025-08-01').earlyEndAllowed).toBe(true)
  })

  it('counts from the decision date when the publication date is missing', () => {
    expect(assess(record({ publicationDate: null }), '2025-08-01')).toMatchObject({ start: '2025-03-05', startField: 'decision_date', end: '2026-03-05' })
  })

  it('lets the provider’s valid tier win, and ignores an invalid one', () => {
    expect(assess(record({ tier: 'serious' }), '2025-08-01')).toMatchObject({ tier: 'serious', tierSource: 'provider', maximumEnd: '2028-03-10' })
    expect(assess(record({ tier: 'grave' }), '2025-08-01')).toMatchObject({ tier: 'general', tierSource: 'default_table' })
  })

  it('falls back to the item’s default tier when no rule matches', () => {
    expect(assess(record({ categories: [] }), '2025-08-01')).toMatchObject({ tier: 'general', tierSource: 'item_default' })
  })

  it('follows a department’s own table over the default', () => {
    const set: PublicityRuleSet = { ...builtInRuleSet, version: 2, departmentTierRules: { SCJG: [{ tier: 'serious', when: { anyOf: ['010103'], fineAtMost: 100 }, label: '罚款', labelEn: 'fine' }] } }
    const compiled = compilePublicityRules(set, baseCatalog)
    expect(assess(record(), '2025-08-01', compiled)).toMatchObject({ tier: 'serious', tierSource: 'department_table', ruleSetVersion: 2 })
    expect(assess(record({ fine: '500' }), '2025-08-01', compiled)).toMatchObject({ tier: 'general', tierSource: 'item_default' })
    expect(assess(record({ departmentCode: 'SWJ' }), '2025-08-01', compiled)).toMatchObject({ tier: 'general', tierSource: 'default_table' })
  })

  it('follows a provider’s end date within the period, never before the minimum or past the maximum', () => {
    expect(assess(record({ publicityEnd: '2025-10-31' }), '2025-08-01').end).toBe('2025-11-01')
    expect(assess(record({ publicityEnd: '2025-04-01' }), '2025-08-01').end).toBe('2026-03-10')
    expect(assess(record({ publicityEnd: '2099-12-31' }), '2025-08-01').end).toBe('2026-03-10')
  })
})

describe('assessPublicity: ceilings, lists and long-term information', () => {
  it('archives a fixed-period record at the five-year ceiling', () => {
    const set: PublicityRuleSet = { ...builtInRuleSet, items: { XZCF: { kind: 'fixed', start: 'publication_date', months: 120, legalBasis: '测试' } } }
    const r = record()
    const compiled = compilePublicityRules(set, baseCatalog)
    expect(assess(r, '2030-03-09', compiled)).toMatchObject({ state: 'shown', ceiling: '2030-03-10', end: '2030-03-10' })
    expect(assess(r, '2030-03-10', compiled)).toMatchObject({ state: 'archived', withdrawn: false, shown: false })
  })

  it('archives a penalty at the ceiling after its window ended', () => {
    expect(assess(record(), '2030-03-09').state).toBe('ended')
    expect(assess(record(), '2030-03-10').state).toBe('archived')
  })

  it.each([
    ['listed, before publication', { publicationDate: '2024-01-01' }, '2023-12-31', 'not_started', null],
    ['listed, first day', { publicationDate: '2024-01-01' }, '2024-01-01', 'shown', null],
    ['still listed past the five-year ceiling', { publicationDate: '2018-01-01' }, '2026-01-01', 'shown', null],
    ['last day before removal', { publicationDate: '2024-01-01', removalDate: '2025-06-01' }, '2025-05-31', 'shown', '2029-01-01'],
    ['the day of removal', { publicationDate: '2024-01-01', removalDate: '2025-06-01' }, '2025-06-01', 'ended', '2029-01-01'],
    ['removed after the ceiling: archived at removal', { publicationDate: '2018-01-01', removalDate: '2025-06-01' }, '2025-06-01', 'archived', '2025-06-01'],
  ] as const)('shows a list entry until removal: %s', (_, dates, today, state, ceiling) => {
    const a = assess(record({ category: LIST, decisionDate: null, ...dates }), today)
    expect(a).toMatchObject({ state, ceiling, ruleKind: 'until_removed' })
  })

  it('ends a list entry at the list’s own duration', () => {
    const wage = baseCatalog.find((i) => i.publicityRule.kind === 'until_removed' && i.publicityRule.ceilingYears === 3)!.code
    const a = assess(record({ category: wage, publicationDate: '2024-01-01' }), '2027-01-01')
    expect(a).toMatchObject({ state: 'ended', maximumEnd: '2027-01-01' })
  })

  it('shows red-list and honour information long-term, without ceiling', () => {
    const a = assess(record({ category: HONOUR, publicationDate: '2010-01-01' }), '2026-01-01')
    expect(a).toMatchObject({ state: 'shown', end: null, ceiling: null, ruleKind: 'long_term' })
  })

  it('shows a licence through its last valid day', () => {
    const r = record({ category: LICENCE, validFrom: '2024-01-02', validTo: '2029-01-01' })
    expect(assess(r, '2029-01-01').state).toBe('shown')
    expect(assess(r, '2029-01-02').state).toBe('ended')
  })

  it('counts a fixed period and follows a provider’s earlier stop', () => {
    const r = record({ category: TAX, publicationDate: '2024-02-29' })
    expect(assess(r, '2027-02-27')).toMatchObject({ state: 'shown', end: '2027-02-28' })
    expect(assess(r, '2027-02-28').state).toBe('ended')
    expect(assess({ ...r, publicityEnd: '2025-01-31' }, '2025-02-01').state).toBe('ended')
  })

  it('does not publish a not-public item or a retired one', () => {
    expect(assess(record({ category: 'GONE' }), '2025-08-01')).toMatchObject({ state: 'not_public', shown: false })
  })
})

describe('assessPublicity: decisions and status', () => {
  it.each([
    ['repaired', 'repaired'],
    ['archived', 'archived'],
    ['deleted', 'deleted'],
  ] as const)('ends publicity at the instant of a %s decision', (kind, state) => {
    const r = record({ decisions: [{ kind, effectiveAt: '2025-08-01T03:00:00.000Z' }] })
    expect(assessPublicity(rules.ruleOf('XZCF'), r, { today: '2025-08-01', now: '2025-08-01T02:59:59.999Z' }).state).toBe('shown')
    expect(assessPublicity(rules.ruleOf('XZCF'), r, { today: '2025-08-01', now: '2025-08-01T03:00:00.000Z' })).toMatchObject({ state, shown: false, withdrawn: true })
  })

  it('lets a deletion outrank a repair', () => {
    const r = record({ decisions: [{ kind: 'repaired', effectiveAt: '2025-05-01T00:00:00.000Z' }, { kind: 'deleted', effectiveAt: '2025-06-01T00:00:00.000Z' }] })
    expect(assess(r, '2025-08-01').state).toBe('deleted')
  })

  it('withdraws a revoked record at once and leaves a superseded version as history', () => {
    expect(assess(record({ status: 'revoked' }), '2025-08-01')).toMatchObject({ state: 'revoked', withdrawn: true, shown: false })
    expect(assess(record({ status: 'superseded' }), '2025-08-01')).toMatchObject({ state: 'superseded', shown: false })
    expect(assess(record({ status: 'archived' }), '2025-08-01')).toMatchObject({ state: 'archived', withdrawn: true })
  })
})

describe('assessPublicity: older regimes as data', () => {
  it('expresses NDRC order 58 (2023): general 3 months–1 year, serious 1–3 years, from the decision date', () => {
    const ndrc58: PublicityRuleSet = {
      ...builtInRuleSet,
      version: 7,
      name: 'NDRC令第58号',
      legalBasis: '《失信行为纠正后的信用信息修复管理办法（试行）》（国家发展改革委令第58号）',
      tiers: {
        minor: { published: true, minimumMonths: 0, maximumMonths: 3, earlyEnd: true },
        general: { published: true, minimumMonths: 3, maximumMonths: 12, earlyEnd: true },
        serious: { published: true, minimumMonths: 12, maximumMonths: 36, earlyEnd: true },
      },
      items: { XZCF: { kind: 'tiered', start: 'decision_date', defaultTier: 'general', legalBasis: 'NDRC令第58号' } },
    }
    const compiled = compilePublicityRules(ndrc58, baseCatalog)
    expect(assess(record({ categories: ['010101'] }), '2025-06-04', compiled)).toMatchObject({ state: 'shown', tier: 'minor', end: '2025-06-05', startField: 'decision_date', ruleSource: 'rule_set' })
    expect(assess(record({ categories: ['010101'] }), '2025-06-05', compiled).state).toBe('ended')
  })
})

describe('assessPublicity: no record is shown on or after its end', () => {
  const day = fc.integer({ min: 0, max: 4000 }).map((n) => addDays('2018-01-01', n))
  // Any record of any kind, on any day: dates, tier, penalty categories, status and a decision.
  const anyRecordOnADay = fc
    .record({
      category: fc.constantFrom('XZCF', LIST, HONOUR, LICENCE, TAX, 'GONE'),
      decisionDate: fc.option(day),
      publicationDate: fc.option(day),
      validTo: fc.option(day),
      publicityEnd: fc.option(day),
      removalDate: fc.option(day),
      tier: fc.option(fc.constantFrom('minor', 'general', 'serious', 'x')),
      categories: fc.subarray(['010101', '010102', '010103', '010106', '010108', '010110']),
      today: day,
      status: fc.constantFrom<PublicityRecord['status']>('in_force', 'revoked', 'superseded', 'archived'),
      decided: fc.option(fc.constantFrom('repaired', 'deleted', 'archived') as fc.Arbitrary<'repaired' | 'deleted' | 'archived'>),
    })
    .map(({ today, decided, ...fields }) => ({ today, status: fields.status, r: record({ ...fields, decisions: decided ? [{ kind: decided, effectiveAt: `${today}T00:00:00.000Z` }] : [] }) }))

  it('holds for any dates, categories, tiers and decisions', () => {
    fc.assert(
      fc.property(anyRecordOnADay, ({ r, today, status }) => {
        const a = assess(r, today)
        if (!a.shown) return
        expect(a.state).toBe('shown')
        expect(status).toBe('in_force')
        expect(a.start !== null && a.start <= today).toBe(true)
        expect(a.end === null || today < a.end).toBe(true)
        expect(a.ceiling === null || today < a.ceiling).toBe(true)
        if (a.maximumEnd !== null && a.ruleKind !== 'until_removed') expect(today < a.maximumEnd).toBe(true)
      }),
      { numRuns: 3000 },
    )
  })

  it('decides the same unexplained (a profile, a credit check), only without the reasons', () => {
    fc.assert(
      fc.property(anyRecordOnADay, ({ r, today }) => {
        const explained = assess(r, today)
        const unexplained = assessPublicity(rules.ruleOf(r.category), r, on(today), { explain: false })
        expect(explained.reasons.length).toBeGreaterThan(0)
        expect(unexplained).toEqual({ ...explained, reasons: [] })
      }),
      { numRuns: 2000 },
    )
  })
})
