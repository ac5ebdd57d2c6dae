/**
 * Proleptic Gregorian calendar arithmetic on plain numbers (H. Hinnant's algorithms), without Date
 * objects: validation, publicity windows and demo data run it millions of times. The one copy the
 * platform's date code builds on.
 */
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

export const daysInMonth = (y: number, m: number): number => (m === 2 && isLeapYear(y) ? 29 : (DAYS_IN_MONTH[m] ?? 0))

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n))
const pad4 = (n: number): string => (n < 10 ? `000${n}` : n < 100 ? `00${n}` : n < 1000 ? `0${n}` : String(n))

/** YYYY-MM-DD. */
export const formatDate = (y: number, m: number, d: number): string => `${pad4(y)}-${pad2(m)}-${pad2(d)}`

/** Days since 1970-01-01 of a civil date (days_from_civil). */
export const daysFromCivil = (y: number, m: number, d: number): number => {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const mp = m > 2 ? m - 3 : m + 9
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** The civil date of a day count since 1970-01-01 (civil_from_days). */
export const civilFromDays = (z: number): { y: number; m: number; d: number } => {
  const zz = z + 719468
  const era = Math.floor(zz / 146097)
  const doe = zz - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d }
}

/** Day count of a YYYY-MM-DD text (not validated). */
export const dayOfDate = (date: string): number => daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)))

/** YYYY-MM-DD of a day count. */
export const dateOfDayCount = (days: number): string => {
  const { y, m, d } = civilFromDays(days)
  return formatDate(y, m, d)
}
