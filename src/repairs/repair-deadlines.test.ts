/** Repair deadlines in working days across holidays and 调休 weekends, with reminders and overdue. */
import { describe, expect, it } from 'vitest'
import { builtInCalendar } from '../calendar/holidays/index.ts'
import { workingCalendar } from '../calendar/working-days.ts'
import { decisionDueOn, deadlineStatuses, feedbackDueOn, runningDeadlines, workingDaysBefore, type RepairClock } from './repair-deadlines.ts'
import { henanRepairRules, nationalRepairRules } from './repair-machine.ts'

const cal = workingCalendar(builtInCalendar)

describe('feedbackDueOn (10 working days, 国办发〔2025〕22号)', () => {
  it.each([
    ['an ordinary fortnight', '2026-03-02', '2026-03-16'],
    ['across National Day 2026 and the 调休 Saturday 2026-10-10', '2026-09-28', '2026-10-16'],
    ['an application on the Mid-Autumn holiday', '2026-09-25', '2026-10-15'],
    ['across Spring Festival 2026 and its 调休 Saturdays', '2026-02-13', '2026-03-05'],
    ['an application on the 调休 Sunday 2026-09-20', '2026-09-20', '2026-10-10'],
    ['an application on a Saturday', '2026-03-07', '2026-03-20'],
  ])('%s: %s → %s', (_, applied, due) => {
    expect(feedbackDueOn(cal, nationalRepairRules, applied)).toBe(due)
  })
})

describe('decisionDueOn', () => {
  it.each([
    ['national 3 working days, over a weekend', nationalRepairRules, '2026-03-05', '2026-03-10'],
    ['national 3 working days, across National Day', nationalRepairRules, '2026-09-30', '2026-10-10'],
    ['national, the 调休 Saturday counts', nationalRepairRules, '2026-10-08', '2026-10-12'],
    ['Henan Art. 43: 1 working day, across Qingming 2026', henanRepairRules, '2026-04-03', '2026-04-07'],
  ])('%s', (_, rules, accepted, due) => {
    expect(decisionDueOn(cal, rules, accepted)).toBe(due)
  })
})

describe('workingDaysBefore', () => {
  it.each([
    ['the Friday before a Monday', '2026-03-16', 1, '2026-03-13'],
    ['the 调休 Saturday before a Monday', '2026-10-12', 1, '2026-10-10'],
    ['the last day before National Day', '2026-10-08', 1, '2026-09-30'],
    ['itself for 0', '2026-10-08', 0, '2026-10-08'],
  ])('%s', (_, date, n, expected) => {
    expect(workingDaysBefore(cal, date, n)).toBe(expected)
  })
})

describe('running deadlines', () => {
  const clock = (state: RepairClock['state'], extra: Partial<RepairClock> = {}): RepairClock => ({ state, receivedOn: '2026-09-28', feedbackDueOn: '2026-10-16', acceptedOn: null, decisionDueOn: null, ...extra })

  it.each<[RepairClock['state'], string[]]>([
    ['submitted', ['feedback']],
    ['resubmitted', ['feedback']],
    ['materials_requested', []],
    ['approved', []],
    ['rejected', []],
    ['withdrawn', []],
  ])('in %s, run against the department: %j', (state, kinds) => {
    expect(runningDeadlines(cal, nationalRepairRules, clock(state)).map((d) => d.kind)).toEqual(kinds)
  })

  it('once accepted, the decision and the feedback deadlines both run, earliest first', () => {
    const ds = runningDeadlines(cal, nationalRepairRules, clock('accepted', { acceptedOn: '2026-10-08', decisionDueOn: '2026-10-12' }))
    expect(ds).toEqual([
      { kind: 'decision', dueOn: '2026-10-12', remindOn: '2026-10-10' },
      { kind: 'feedback', dueOn: '2026-10-16', remindOn: '2026-10-15' },
    ])
  })

  it.each([
    ['running before the reminder day', '2026-10-14', 'running'],
    ['due soon from the working day before', '2026-10-15', 'due_soon'],
    ['due soon on the last day', '2026-10-16', 'due_soon'],
    ['overdue the day after', '2026-10-17', 'overdue'],
  ])('a feedback deadline is %s', (_, today, status) => {
    expect(deadlineStatuses(cal, nationalRepairRules, clock('submitted'), today)[0]!.status).toBe(status)
  })

  it('never reminds before the clock started', () => {
    const [d] = runningDeadlines(cal, henanRepairRules, clock('accepted', { feedbackDueOn: '2026-10-30', acceptedOn: '2026-09-30', decisionDueOn: '2026-10-08' }))
    expect(d).toEqual({ kind: 'decision', dueOn: '2026-10-08', remindOn: '2026-09-30' })
  })
})
