/**
 * The time limits of an objection (河南条例 Art. 41), in working days: the platform office settles
 * it within 3 of receipt, or forwards it to the providing department, which has 3, 7 in all.
 * The review (复核) limits are the platform's own policy (no statute fixes them here). Every
 * limit is configurable: defaults below, overrides from the `objection_limits` setting.
 */
import { z } from 'zod'
import { AppError } from '../errors.ts'
import { addWorkingDays, dateOfDay, dayNumber, type WorkingCalendar } from '../calendar/working-days.ts'

export interface ObjectionLimits {
  /** The office settles it itself: from receipt. */
  officeDays: number
  /** The provider verifies and answers: from forwarding. */
  providerDays: number
  /** The whole case when forwarded: from receipt. */
  totalDays: number
  /** The applicant may ask for a review (复核): from the outcome. */
  reviewRequestDays: number
  /** The office decides a review: from the request. */
  reviewDecisionDays: number
  /** A reminder goes out this many working days before a due date. */
  reminderDays: number
}

export const objectionLimits: Readonly<ObjectionLimits> = Object.freeze({ officeDays: 3, providerDays: 3, totalDays: 7, reviewRequestDays: 15, reviewDecisionDays: 7, reminderDays: 1 })

/** The settings key whose JSON value overrides some of the defaults. */
export const OBJECTION_LIMITS_SETTING = 'objection_limits'

const days = z.number().int().min(0).max(366)
const overridesSchema = z.object({ officeDays: days, providerDays: days, totalDays: days, reviewRequestDays: days, reviewDecisionDays: days, reminderDays: days }).partial().strict()

/** The defaults with a stored override applied; a broken override is an error, not silently ignored. */
export function limitsWith(override: string | undefined): ObjectionLimits {
  if (override === undefined) return { ...objectionLimits }
  let parsed: unknown
  try {
    parsed = JSON.parse(override)
  } catch {
    parsed = undefined
  }
  const checked = overridesSchema.safeParse(parsed)
  if (!checked.success) throw new AppError('OBJECTION_LIMITS_INVALID', `设置 ${OBJECTION_LIMITS_SETTING} 不是有效的期限配置`, `The ${OBJECTION_LIMITS_SETTING} setting is not a valid set of limits`, { details: { value: override } })
  return { ...objectionLimits, ...checked.data }
}

export function receiptDeadlines(cal: WorkingCalendar, receivedOn: string, limits: ObjectionLimits): { officeDueOn: string; finalDueOn: string } {
  return { officeDueOn: addWorkingDays(cal, receivedOn, limits.officeDays), finalDueOn: addWorkingDays(cal, receivedOn, limits.totalDays) }
}

/** The provider's limit runs from forwarding but never past the case's total. */
export function providerDueOn(cal: WorkingCalendar, forwardedOn: string, finalDueOn: string, limits: ObjectionLimits): string {
  const own = addWorkingDays(cal, forwardedOn, limits.providerDays)
  return own < finalDueOn ? own : finalDueOn
}

export const reviewRequestBy = (cal: WorkingCalendar, decidedOn: string, limits: ObjectionLimits) => addWorkingDays(cal, decidedOn, limits.reviewRequestDays)

export const reviewDueOn = (cal: WorkingCalendar, requestedOn: string, limits: ObjectionLimits) => addWorkingDays(cal, requestedOn, limits.reviewDecisionDays)

/** The working day `reminderDays` working days before the due date (the due date itself with 0). */
export function reminderOn(cal: WorkingCalendar, dueOn: string, limits: ObjectionLimits): string {
  let day = dayNumber(dueOn)
  for (let counted = 0; counted < limits.reminderDays; ) {
    day -= 1
    if (cal.isWorkingDay(dateOfDay(day))) counted += 1
  }
  return dateOfDay(day)
}

/** A running due date pushed by the working days a suspension took (Art. 41: not counted). */
export const pushedBy = (cal: WorkingCalendar, dueOn: string, suspendedDays: number) => addWorkingDays(cal, dueOn, suspendedDays)
