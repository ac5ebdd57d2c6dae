/**
 * Calendar arithmetic on YYYY-MM-DD without Date objects (a profile assesses every record it shows).
 * Publicity periods are set in calendar months and years, not working days.
 */
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n))
const formatYmd = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
const daysIn = (y: number, m: number) => (m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31)

/** Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil). */
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468
}

function civil(z: number): [number, number, number] {
  z += 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d]
}

const parts = (date: string): [number, number, number] => [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))]

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date)
  if (days === 1 && d < daysIn(y, m)) return formatYmd(y, m, d + 1)
  return formatYmd(...civil(dayNumber(y, m, d) + days))
}

/** Calendar months; the 31st plus a month without one is its last day (2024-01-31 + 1 = 2024-02-29). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date)
  const total = y * 12 + (m - 1) + months
  const ny = Math.floor(total / 12)
  const nm = total - ny * 12 + 1
  return formatYmd(ny, nm, Math.min(d, daysIn(ny, nm)))
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
