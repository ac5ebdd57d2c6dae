/**
 * Calendar arithmetic on YYYY-MM-DD without Date objects (a profile assesses every record it shows).
 * Publicity periods are set in calendar months and years, not working days.
 */
import { dateOfDayCount, daysFromCivil, daysInMonth, formatDate } from '../calendar/civil-date.ts'

const parts = (date: string): [number, number, number] => [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))]

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date)
  if (days === 1 && d < daysInMonth(y, m)) return formatDate(y, m, d + 1)
  return dateOfDayCount(daysFromCivil(y, m, d) + days)
}

/** Calendar months; the 31st plus a month without one is its last day (2024-01-31 + 1 = 2024-02-29). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date)
  const total = y * 12 + (m - 1) + months
  const ny = Math.floor(total / 12)
  const nm = total - ny * 12 + 1
  return formatDate(ny, nm, Math.min(d, daysInMonth(ny, nm)))
}

export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12)
}

/** The earliest of the dates given; null when none is. */
export function earliestOf(...dates: Array<string | null | undefined>): string | null {
  let out: string | null = null
  for (const d of dates) if (d != null && (out === null || d < out)) out = d
  return out
}

/** The latest of the dates given; null when none is. */
export function latestOf(...dates: Array<string | null | undefined>): string | null {
  let out: string | null = null
  for (const d of dates) if (d != null && (out === null || d > out)) out = d
  return out
}

export const isCalendarDate = (s: unknown): s is string => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && addDays(s, 0) === s
