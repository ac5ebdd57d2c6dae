/**
 * Working-day (工作日) arithmetic over China's public holidays and adjusted working weekends (调休).
 * Pure: the calendar is built from entries (the built-in notices plus what the platform office
 * entered); the law's deadlines "within n working days" are computed here and nowhere else.
 */
import { AppError } from '../errors.ts'

export interface CalendarEntry {
  /** YYYY-MM-DD */
  date: string
  /** 'holiday' = a day off; 'workday' = an adjusted working weekend day (调休上班). */
  kind: 'holiday' | 'workday'
  name: string
  /** The notice it comes from, e.g. 国办发明电〔2025〕7号. */
  source: string
}

export interface WorkingCalendar {
  isWorkingDay(date: string): boolean
  /** The date's year has holiday data; outside covered years only weekends are non-working. */
  covers(date: string): boolean
}

const DAY_MS = 86_400_000
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/

const invalidDate = (value: string) =>
  new AppError('CALENDAR_DATE_INVALID', `日期 ${value} 不是有效的 YYYY-MM-DD 日期`, `${value} is not a valid YYYY-MM-DD date`, { details: { value } })

/** Days since the epoch of a YYYY-MM-DD date (UTC, so no time zone or DST shifts a day). */
export function dayNumber(date: string): number {
  const m = datePattern.exec(date)
  if (!m) throw invalidDate(date)
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  // Date.UTC rolls 02-30 over to 03-02; a round trip catches it.
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw invalidDate(date)
  return ms / DAY_MS
}

export const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10)

export const isValidDate = (date: string): boolean => {
  try {
    dayNumber(date)
    return true
  } catch {
    return false
  }
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
const weekday = (day: number) => (((day + 4) % 7) + 7) % 7

export function workingCalendar(entries: readonly CalendarEntry[]): WorkingCalendar {
  // Later entries for the same date win: office entries are passed after the built-in ones.
  const kinds = new Map<number, CalendarEntry['kind']>()
  const years = new Set<string>()
  for (const e of entries) {
    kinds.set(dayNumber(e.date), e.kind)
    years.add(e.date.slice(0, 4))
  }
  const workingOn = (day: number) => {
    const kind = kinds.get(day)
    if (kind) return kind === 'workday'
    const w = weekday(day)
    return w !== 0 && w !== 6
  }
  return {
    isWorkingDay: (date) => workingOn(dayNumber(date)),
    covers: (date) => {
      dayNumber(date)
      return years.has(date.slice(0, 4))
    },
  }
}

function checkCount(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > 3660) {
    throw new AppError('CALENDAR_DAYS_INVALID', `工作日数 ${n} 必须是 0 至 3660 之间的整数`, `The number of working days (${n}) must be a whole number from 0 to 3660`, { details: { value: n } })
  }
}

/**
 * The n-th working day after `from` (`from` itself never counts, whatever it is): the last day of
 * a deadline "within n working days of receipt". n = 0 gives `from`.
 */
export function addWorkingDays(cal: WorkingCalendar, from: string, n: number): string {
  checkCount(n)
  let day = dayNumber(from)
  for (let counted = 0; counted < n; ) {
    day += 1
    if (cal.isWorkingDay(dateOfDay(day))) counted += 1
  }
  return dateOfDay(day)
}

/** Working days in (from, to]; 0 when `to` is not after `from`. */
export function workingDaysBetween(cal: WorkingCalendar, from: string, to: string): number {
  const start = dayNumber(from)
  const end = dayNumber(to)
  let count = 0
  for (let day = start + 1; day <= end; day += 1) if (cal.isWorkingDay(dateOfDay(day))) count += 1
  return count
}
