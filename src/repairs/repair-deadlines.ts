/**
 * The deadlines of a repair application, in working days (工作日) on the working calendar, never on
 * calendar days. The answer to the applicant is due `feedbackWorkingDays` after the complete
 * application was received (the resubmission restarts it: the period runs from complete
 * materials); the decision is due `decisionWorkingDays` after the department accepted it. While the
 * department waits for the applicant's missing materials no deadline runs against it.
 */
import { addWorkingDays, dateOfDay, dayNumber, type WorkingCalendar } from '../calendar/working-days.ts'
import type { RepairRules, RepairState } from './repair-machine.ts'

export type RepairDeadlineKind = 'feedback' | 'decision'

export interface RepairDeadline {
  kind: RepairDeadlineKind
  /** The last day to act (YYYY-MM-DD). */
  dueOn: string
  /** The day a reminder goes out: the working day(s) before `dueOn`, never before the clock started. */
  remindOn: string
}

export interface RepairDeadlineStatus extends RepairDeadline {
  /** 'overdue' once the last day has passed; 'due_soon' from the reminder day. */
  status: 'running' | 'due_soon' | 'overdue'
}

export const feedbackDueOn = (cal: WorkingCalendar, rules: RepairRules, receivedOn: string) => addWorkingDays(cal, receivedOn, rules.feedbackWorkingDays)
export const decisionDueOn = (cal: WorkingCalendar, rules: RepairRules, acceptedOn: string) => addWorkingDays(cal, acceptedOn, rules.decisionWorkingDays)

/** The n-th working day before `date` (n = 0 gives `date`). */
export function workingDaysBefore(cal: WorkingCalendar, date: string, n: number): string {
  let day = dayNumber(date)
  for (let counted = 0; counted < n; ) {
    day -= 1
    if (cal.isWorkingDay(dateOfDay(day))) counted += 1
  }
  return dateOfDay(day)
}

const deadline = (cal: WorkingCalendar, rules: RepairRules, kind: RepairDeadlineKind, startedOn: string, dueOn: string): RepairDeadline => {
  const remindOn = workingDaysBefore(cal, dueOn, rules.reminderWorkingDays)
  return { kind, dueOn, remindOn: remindOn < startedOn ? startedOn : remindOn }
}

/** The stored dates of an application that the deadlines run from. */
export interface RepairClock {
  state: RepairState
  /** The day the application, or its resubmission, was received. */
  receivedOn: string
  feedbackDueOn: string
  acceptedOn: string | null
  decisionDueOn: string | null
}

/** The deadlines running against the department in this state, earliest first. */
export function runningDeadlines(cal: WorkingCalendar, rules: RepairRules, c: RepairClock): RepairDeadline[] {
  const out: RepairDeadline[] = []
  if (c.state === 'submitted' || c.state === 'resubmitted' || c.state === 'accepted') out.push(deadline(cal, rules, 'feedback', c.receivedOn, c.feedbackDueOn))
  if (c.state === 'accepted' && c.acceptedOn && c.decisionDueOn) out.push(deadline(cal, rules, 'decision', c.acceptedOn, c.decisionDueOn))
  return out.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0))
}

export function deadlineStatus(d: RepairDeadline, today: string): RepairDeadlineStatus {
  return { ...d, status: today > d.dueOn ? 'overdue' : today >= d.remindOn ? 'due_soon' : 'running' }
}

export const deadlineStatuses = (cal: WorkingCalendar, rules: RepairRules, c: RepairClock, today: string): RepairDeadlineStatus[] => runningDeadlines(cal, rules, c).map((d) => deadlineStatus(d, today))
