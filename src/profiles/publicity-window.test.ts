import { describe, expect, it } from 'vitest'
import { addDays, addMonths, publicityWindow, type RecordDates } from './publicity-window.ts'

const dates = (o: Partial<RecordDates> = {}): RecordDates => ({ decisionDate: null, publicationDate: null, validFrom: null, validTo: null, publicityEnd: null, removalDate: null, tier: null, ...o })

describe('publicityWindow', () => {
  it.each([
    ['a penalty until the day after its provider’s end date within the period', { kind: 'tiered', start: 'publication_date', defaultTier: 'general', ceilingYears: 5 }, dates({ decisionDate: '2025-03-05', publicityEnd: '2025-12-31' }), '2025-03-05', '2026-01-01'],
    ['a penalty never past its tier’s maximum, whatever its provider says', { kind: 'tiered', start: 'publication_date', defaultTier: 'general', ceilingYears: 5 }, dates({ decisionDate: '2025-03-05', publicityEnd: '2026-03-05' }), '2025-03-05', '2026-03-05'],
    ['a penalty without an end date for its default tier', { kind: 'tiered', start: 'publication_date', defaultTier: 'general', ceilingYears: 5 }, dates({ decisionDate: '2025-03-05' }), '2025-03-05', '2026-03-05'],
    ['a serious penalty for three years', { kind: 'tiered', start: 'publication_date', defaultTier: 'general', ceilingYears: 5 }, dates({ decisionDate: '2025-03-05', tier: 'serious' }), '2025-03-05', '2028-03-05'],
    ['a penalty with a far end date only until its maximum', { kind: 'tiered', start: 'publication_date', defaultTier: 'general', ceilingYears: 5 }, dates({ decisionDate: '2020-01-10', publicityEnd: '2099-12-31' }), '2020-01-10', '2021-01-10'],
    ['a fixed-period entry never past the five-year ceiling', { kind: 'fixed', start: 'decision_date', months: 120 }, dates({ decisionDate: '2020-01-10' }), '2020-01-10', '2025-01-10'],
    ['a tax-violation entry for 36 months from publication', { kind: 'fixed', start: 'publication_date', months: 36 }, dates({ publicationDate: '2024-02-29' }), '2024-02-29', '2027-02-28'],
    ['a licence while it is valid', { kind: 'until_valid_to' }, dates({ decisionDate: '2024-01-01', validFrom: '2024-01-02', validTo: '2029-01-01' }), '2024-01-02', '2029-01-02'],
    ['a list entry until its removal', { kind: 'until_removed', ceilingYears: 5 }, dates({ decisionDate: '2024-01-01', removalDate: '2025-06-01' }), '2024-01-01', '2025-06-01'],
    ['a list entry not removed until its ceiling', { kind: 'until_removed', ceilingYears: 3 }, dates({ decisionDate: '2024-01-01' }), '2024-01-01', '2027-01-01'],
    ['a list entry without ceiling or removal open-ended', { kind: 'until_removed' }, dates({ decisionDate: '2024-01-01' }), '2024-01-01', null],
    ['an honour long-term', { kind: 'long_term' }, dates({ decisionDate: '2023-05-01' }), '2023-05-01', null],
  ] as const)('shows %s', (_, rule, d, start, end) => {
    expect(publicityWindow(rule, d)).toEqual({ start, end })
  })

  it('gives a not-public item and an unpublished minor penalty an empty window', () => {
    const w = publicityWindow({ kind: 'not_public' }, dates({ decisionDate: '2025-01-01' }))
    expect(w.start).toBe(w.end)
    const minor = publicityWindow({ kind: 'tiered', start: 'publication_date', defaultTier: 'general', ceilingYears: 5 }, dates({ decisionDate: '2025-01-01', tier: 'minor' }))
    expect(minor.start).toBe(minor.end)
  })

  it('adds calendar months and days', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2025-12-15', 3)).toBe('2026-03-15')
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01')
  })
})

describe('calendar arithmetic', () => {
  it('agrees with Date on every day of four centuries boundaries and leap years', () => {
    for (const start of ['1999-12-31', '2000-02-28', '2024-02-28', '2099-12-31', '2025-03-31']) {
      for (const n of [-400, -31, -1, 1, 2, 29, 365, 366, 1461]) {
        const expected = new Date(Date.parse(`${start}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
        expect(addDays(start, n), `${start} + ${n}`).toBe(expected)
      }
    }
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28')
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28')
    expect(addMonths('2025-01-15', -96)).toBe('2017-01-15')
  })
})
