/** Deadlines in working days across the built-in 2025–2027 holidays and 调休 weekends. */
import { describe, expect, it } from 'vitest'
import { builtInCalendar } from './holidays/index.ts'
import { addWorkingDays, workingCalendar, workingDaysBetween, type CalendarEntry } from './working-days.ts'

const cal = workingCalendar(builtInCalendar)

describe('isWorkingDay', () => {
  it.each([
    ['an ordinary Monday', '2026-03-02', true],
    ['an ordinary Saturday', '2026-03-07', false],
    ['New Year 2025', '2025-01-01', false],
    ['a Spring Festival weekday 2025', '2025-01-30', false],
    ['the 调休 Sunday before Spring Festival 2025', '2025-01-26', true],
    ['the 调休 Saturday after Spring Festival 2025', '2025-02-08', true],
    ['the 调休 Sunday before Labour Day 2025', '2025-04-27', true],
    ['the 8th day of the 2025 National Day week', '2025-10-08', false],
    ['the 调休 Saturday after National Day 2025', '2025-10-11', true],
    ['New Year 2026 falling on a Friday', '2026-01-02', false],
    ['the 调休 Sunday 2026-01-04', '2026-01-04', true],
    ['Spring Festival eve 2026 (Monday)', '2026-02-16', false],
    ['the 调休 Saturday 2026-02-14', '2026-02-14', true],
    ['the 调休 Saturday 2026-02-28', '2026-02-28', true],
    ['Qingming Monday 2026', '2026-04-06', false],
    ['the 调休 Saturday 2026-05-09', '2026-05-09', true],
    ['Dragon Boat Friday 2026', '2026-06-19', false],
    ['Mid-Autumn Friday 2026', '2026-09-25', false],
    ['the 调休 Sunday 2026-09-20', '2026-09-20', true],
    ['the 调休 Saturday 2026-10-10', '2026-10-10', true],
    ['Spring Festival 2027 (除夕, Friday)', '2027-02-05', false],
    ['Dragon Boat 2027 (Wednesday)', '2027-06-09', false],
    ['Mid-Autumn 2027 (Wednesday)', '2027-09-15', false],
    ['a weekday in 2028 (no data: weekends only)', '2028-01-03', true],
    ['a Saturday in 2028', '2028-01-01', false],
  ])('%s (%s) → %s', (_, date, working) => {
    expect(cal.isWorkingDay(date)).toBe(working)
  })
})

describe('addWorkingDays', () => {
  it.each([
    // from, n, last day of the deadline, why
    ['2026-03-02', 3, '2026-03-05', 'an ordinary week'],
    ['2026-03-05', 3, '2026-03-10', 'across a weekend'],
    ['2026-09-30', 3, '2026-10-10', 'across National Day, ending on the 调休 Saturday 10-10'],
    ['2026-09-29', 3, '2026-10-09', '09-30, then 10-08 and 10-09 after the holiday'],
    ['2026-02-13', 3, '2026-02-25', 'the 调休 Saturday 02-14 counts, then 02-24 and 02-25'],
    ['2026-02-14', 3, '2026-02-26', 'from the 调休 Saturday itself, which does not count'],
    ['2026-02-15', 1, '2026-02-24', 'received on a holiday: the next working day is day 1'],
    ['2026-09-18', 1, '2026-09-20', 'the 调休 Sunday 09-20 is day 1'],
    ['2026-09-24', 7, '2026-10-12', 'Mid-Autumn and National Day back to back'],
    ['2025-09-26', 3, '2025-09-30', 'the 调休 Sunday 2025-09-28 counts, then 09-29 and 09-30'],
    ['2025-01-24', 3, '2025-02-05', 'Spring Festival 2025: 01-26 (调休), 01-27, then 02-05'],
    ['2025-12-31', 1, '2026-01-04', 'across the year end: after New Year 2026, the 调休 Sunday 01-04'],
    ['2025-10-09', 2, '2025-10-11', 'the 调休 Saturday 2025-10-11 is day 2'],
    ['2027-02-04', 2, '2027-02-10', 'Spring Festival 2027 (statutory days only)'],
    ['2026-03-02', 0, '2026-03-02', 'zero days is the day itself'],
  ])('from %s, %i WD ends %s (%s)', (from, n, due) => {
    expect(addWorkingDays(cal, from, n)).toBe(due)
    // The due day is a working day and exactly n working days lie in (from, due].
    if (n > 0) expect(cal.isWorkingDay(due)).toBe(true)
    expect(workingDaysBetween(cal, from, due)).toBe(n)
  })

  it.each([[-1], [1.5], [Number.NaN]])('refuses %s working days', (n) => {
    expect(() => addWorkingDays(cal, '2026-03-02', n)).toThrow(expect.objectContaining({ code: 'CALENDAR_DAYS_INVALID' }))
  })

  it.each([['2026-02-30'], ['2026-2-3'], ['yesterday']])('refuses the date %s', (date) => {
    expect(() => addWorkingDays(cal, date, 1)).toThrow(expect.objectContaining({ code: 'CALENDAR_DATE_INVALID' }))
  })
})

describe('workingDaysBetween', () => {
  it.each([
    ['2026-09-30', '2026-10-10', 3],
    ['2026-02-13', '2026-02-28', 6], // 02-14 调休, 02-24..02-27, 02-28 调休
    ['2026-03-02', '2026-03-02', 0],
    ['2026-03-05', '2026-03-02', 0],
    // 2025: 261 weekdays − 18 weekday holidays + 5 调休 weekend days (01-01 itself is a holiday).
    ['2025-01-01', '2025-12-31', 248],
  ])('(%s, %s] holds %i working days', (from, to, n) => {
    expect(workingDaysBetween(cal, from, to)).toBe(n)
  })
})

describe('workingCalendar', () => {
  const office: CalendarEntry[] = [
    { date: '2027-02-07', kind: 'workday', name: '春节调休上班', source: 'office' },
    { date: '2027-02-09', kind: 'holiday', name: '春节', source: 'office' },
  ]

  it('lets later (office) entries override the built-in ones', () => {
    const withOffice = workingCalendar([...builtInCalendar, ...office])
    expect(cal.isWorkingDay('2027-02-07')).toBe(false)
    expect(withOffice.isWorkingDay('2027-02-07')).toBe(true)
    expect(withOffice.isWorkingDay('2027-02-09')).toBe(false)
    expect(addWorkingDays(withOffice, '2027-02-04', 2)).toBe('2027-02-10')
  })

  it('covers exactly the years that have data', () => {
    expect(cal.covers('2025-06-01')).toBe(true)
    expect(cal.covers('2027-12-31')).toBe(true)
    expect(cal.covers('2028-01-03')).toBe(false)
    expect(workingCalendar([]).covers('2026-01-01')).toBe(false)
  })

  it('gives each built-in entry its notice as source, once per date', () => {
    const dates = builtInCalendar.map((e) => e.date)
    expect(new Set(dates).size).toBe(dates.length)
    expect(builtInCalendar.every((e) => e.source.length > 0)).toBe(true)
    expect(builtInCalendar.filter((e) => e.date.startsWith('2026') && e.kind === 'workday').map((e) => e.date)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'])
    // Every 调休 day is a weekend and every listed holiday of 2025/2026 is a day off.
    for (const e of builtInCalendar) if (e.kind === 'workday') expect([0, 6]).toContain(new Date(`${e.date}T00:00:00Z`).getUTCDay())
  })
})
