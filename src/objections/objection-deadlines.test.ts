/** Objection limits across holidays and 调休, reminders, and overrides from settings. */
import { describe, expect, it } from 'vitest'
import { builtInCalendar } from '../calendar/holidays/index.ts'
import { workingCalendar } from '../calendar/working-days.ts'
import { limitsWith, objectionLimits, providerDueOn, receiptDeadlines, reminderOn, reviewDueOn } from './objection-deadlines.ts'

const cal = workingCalendar(builtInCalendar)

describe('receiptDeadlines', () => {
  it.each([
    // received, office (3 WD), total (7 WD)
    ['2026-03-02', '2026-03-05', '2026-03-11'],
    ['2026-02-12', '2026-02-24', '2026-02-28'], // 02-13, 02-14 (调休), 02-24 | 02-25, 26, 27, 28 (调休)
    ['2026-09-24', '2026-09-30', '2026-10-12'], // Mid-Autumn, then National Day; the 调休 Saturday 10-10 is day 6
    ['2025-01-24', '2025-02-05', '2025-02-10'], // 01-26 (调休), 01-27, 02-05 | 02-06, 02-07, 02-08 (调休), 02-10
    ['2025-09-30', '2025-10-11', '2025-10-16'], // 10-09, 10-10, 10-11 (调休 Saturday) | 10-13 … 10-16
    ['2027-04-30', '2027-05-05', '2027-05-11'], // statutory 05-01, 05-02 fall on the weekend
    ['2026-12-31', '2027-01-06', '2027-01-12'],
  ])('received %s: office due %s, total due %s', (receivedOn, office, total) => {
    expect(receiptDeadlines(cal, receivedOn, objectionLimits)).toEqual({ officeDueOn: office, finalDueOn: total })
  })
})

describe('providerDueOn', () => {
  it('runs 3 WD from forwarding, capped at the total', () => {
    expect(providerDueOn(cal, '2026-02-13', '2026-02-28', objectionLimits)).toBe('2026-02-25')
    expect(providerDueOn(cal, '2026-02-25', '2026-02-28', objectionLimits)).toBe('2026-02-28')
  })
})

describe('reminderOn', () => {
  it.each([
    ['2026-03-05', '2026-03-04'],
    ['2026-03-09', '2026-03-06'], // Monday → the Friday before
    ['2026-02-24', '2026-02-14'], // after Spring Festival → the 调休 Saturday
    ['2026-10-12', '2026-10-10'], // the 调休 Saturday before
    ['2026-10-08', '2026-09-30'],
  ])('due %s → reminder %s', (due, reminder) => {
    expect(reminderOn(cal, due, objectionLimits)).toBe(reminder)
  })
})

describe('limitsWith', () => {
  it('applies a stored override and keeps the rest of the defaults', () => {
    expect(limitsWith(undefined)).toEqual(objectionLimits)
    const shanghai = limitsWith(JSON.stringify({ officeDays: 5, providerDays: 5, totalDays: 12 }))
    expect(shanghai).toMatchObject({ officeDays: 5, providerDays: 5, totalDays: 12, reminderDays: 1 })
    expect(receiptDeadlines(cal, '2026-03-02', shanghai)).toEqual({ officeDueOn: '2026-03-09', finalDueOn: '2026-03-18' })
    expect(reviewDueOn(cal, '2026-03-02', limitsWith('{"reviewDecisionDays": 1}'))).toBe('2026-03-03')
  })

  it.each([['not json'], ['{"officeDays": -1}'], ['{"officeDays": 1.5}'], ['{"unknown": 3}']])('refuses the override %s', (value) => {
    expect(() => limitsWith(value)).toThrow(expect.objectContaining({ code: 'OBJECTION_LIMITS_INVALID' }))
  })
})
