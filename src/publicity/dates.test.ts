import { describe, expect, it } from 'vitest'
import { addDays, addMonths, addYears, earliestOf, isCalendarDate, latestOf } from './dates.ts'

describe('calendar arithmetic', () => {
  it('adds calendar months: the 31st plus a month without one is its last day', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2025-12-15', 3)).toBe('2026-03-15')
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28')
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28')
    expect(addMonths('2025-01-15', -96)).toBe('2017-01-15')
    expect(addYears('2024-02-29', 5)).toBe('2029-02-28')
  })

  it('agrees with Date on days across centuries, boundaries and leap years', () => {
    for (const start of ['1999-12-31', '2000-02-28', '2024-02-28', '2099-12-31', '2025-03-31']) {
      for (const n of [-400, -31, -1, 0, 1, 2, 29, 365, 366, 1461]) {
        const expected = new Date(Date.parse(`${start}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
        expect(addDays(start, n), `${start} + ${n}`).toBe(expected)
      }
    }
  })

  it('picks the earliest and latest of dates, ignoring absent ones, and checks calendar dates', () => {
    expect(earliestOf(null, '2026-01-02', undefined, '2025-12-31')).toBe('2025-12-31')
    expect(latestOf(null, '2026-01-02', '2025-12-31')).toBe('2026-01-02')
    expect(earliestOf(null)).toBeNull()
    expect(isCalendarDate('2024-02-29')).toBe(true)
    expect(isCalendarDate('2025-02-29')).toBe(false)
    expect(isCalendarDate('2025-2-1')).toBe(false)
    expect(isCalendarDate(20250201)).toBe(false)
  })
})
