/**
 * Dates as departments really send them, read into 'YYYY-MM-DD' (pure; no clock: "today" is a parameter).
 *
 * Accepted forms (full-width digits and separators fold to ASCII first; surrounding whitespace ignored):
 *
 * - 2024-03-05, 2024-3-5, 2024/3/5, 2024.3.5 — the same separator twice, a 4-digit year;
 * - 2024年3月5日, 2024年3月5号, 2024年3月5 — anything after 日/号 (a time) is ignored;
 * - 20240305 — exactly 8 digits are always YYYYMMDD;
 * - an Excel serial number (1900 date system) of 1–7 digits, optionally with a fraction (the time
 *   of day, ignored): 45356 → 2024-03-05. Serial 60 is Excel's fictitious 1900-02-29 (the Lotus
 *   1-2-3 leap-year bug) and is rejected; serials 1–59 count from 1900-01-01, serials from 61 on
 *   are off by one because of that phantom day. 0 and serials past 2958465 (9999-12-31) are rejected;
 * - any of the separated forms or YYYYMMDD followed by a space or 'T' and a time ('2024-03-05 00:00:00',
 *   '2024-03-05T08:00:00+08:00'): the time is ignored, the date part is the date.
 *
 * Impossible dates (2024-02-30, 2023-02-29, month 13, day 0) are rejected as such.
 * DD/MM/YYYY and MM/DD/YYYY are ambiguous and rejected as malformed.
 *
 * Range checks (checkDateRange) are separate: the validator applies 1949-10-01 … today + 50 years
 * to ordinary dates and lets end dates (valid_to, publicity_end) run to 9999-12-31.
 */
import { foldWidth, isDigit } from './chars.ts'

export type DateFailureReason = 'format' | 'impossible' | 'excel_fake_leap_day' | 'excel_serial_range'

export type DateParseResult =
  | { ok: true; date: string; /** Set when the value was read as an Excel serial number. */ excelSerial?: number }
  | { ok: false; reason: DateFailureReason; /** The impossible date as read, e.g. '2024-02-30'. */ date?: string }

export { isLeapYear, daysInMonth, formatDate, daysFromCivil, civilFromDays } from '../../calendar/civil-date.ts'
import { isLeapYear, daysInMonth, formatDate, daysFromCivil, civilFromDays } from '../../calendar/civil-date.ts'

export const MAX_EXCEL_SERIAL = 2958465 // 9999-12-31
const EXCEL_DAY_1 = daysFromCivil(1900, 1, 1)

/** The date an Excel (1900 system) serial number stands for, or why it stands for none. */
export const excelSerialToDate = (serial: number): DateParseResult => {
  if (!Number.isInteger(serial) || serial < 1 || serial > MAX_EXCEL_SERIAL) return { ok: false, reason: 'excel_serial_range' }
  if (serial === 60) return { ok: false, reason: 'excel_fake_leap_day' }
  const { y, m, d } = civilFromDays(EXCEL_DAY_1 + serial - (serial < 60 ? 1 : 2))
  return { ok: true, date: formatDate(y, m, d), excelSerial: serial }
}

const FORMAT: DateParseResult = Object.freeze({ ok: false, reason: 'format' }) as DateParseResult

const YEAR = 0x5e74 // 年
const MONTH = 0x6708 // 月
const DAY = 0x65e5 // 日
const HAO = 0x53f7 // 号

/** Reads a date; see the module comment for the forms. Never throws. */
export function parseDate(input: string): DateParseResult {
  const s = input
  let i = 0
  let n = s.length
  while (i < n && isBlank(s.charCodeAt(i))) i++
  while (n > i && isBlank(s.charCodeAt(n - 1))) n--
  if (i >= n || n - i > 64) return FORMAT

  // First group of digits.
  const g1Start = i
  let g1 = 0
  while (i < n) {
    const c = foldWidth(s.charCodeAt(i))
    if (!isDigit(c)) break
    if (i - g1Start < 9) g1 = g1 * 10 + (c - 48)
    i++
  }
  const len1 = i - g1Start
  if (len1 === 0) return FORMAT

  if (i === n || isTimeStart(foldWidth(s.charCodeAt(i)))) {
    if (len1 === 8) return ymd(Math.floor(g1 / 10000), Math.floor(g1 / 100) % 100, g1 % 100)
    if (len1 <= 7 && i === n) return excelSerialToDate(g1)
    return FORMAT
  }

  const sep1 = foldWidth(s.charCodeAt(i))
  // An Excel serial with a time fraction: 45356.5 (a 4-digit first group may also be 2024.3.5).
  if (sep1 === 46 && len1 <= 7 && allDigitsFrom(s, i + 1, n)) {
    if (len1 !== 4 || i + 1 === n) return excelSerialToDate(g1)
  }
  if (len1 !== 4) return FORMAT
  let sep2: number
  if (sep1 === 45 || sep1 === 47 || sep1 === 46) sep2 = sep1
  else if (sep1 === YEAR) sep2 = MONTH
  else return FORMAT
  i++

  const g2Start = i
  let g2 = 0
  while (i < n && i - g2Start < 3) {
    const c = foldWidth(s.charCodeAt(i))
    if (!isDigit(c)) break
    g2 = g2 * 10 + (c - 48)
    i++
  }
  if (i === g2Start || i - g2Start > 2 || i >= n || foldWidth(s.charCodeAt(i)) !== sep2) return FORMAT
  i++

  const g3Start = i
  let g3 = 0
  while (i < n && i - g3Start < 3) {
    const c = foldWidth(s.charCodeAt(i))
    if (!isDigit(c)) break
    g3 = g3 * 10 + (c - 48)
    i++
  }
  if (i === g3Start || i - g3Start > 2) return FORMAT

  if (i < n) {
    const c = foldWidth(s.charCodeAt(i))
    if (sep1 === YEAR && (c === DAY || c === HAO)) {
      // Anything may follow 日/号 (a time such as 10时30分).
    } else if (!isTimeStart(c)) {
      return FORMAT
    }
  }
  return ymd(g1, g2, g3)
}

function ymd(y: number, m: number, d: number): DateParseResult {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    return { ok: false, reason: 'impossible', date: formatDate(y, m, d) }
  }
  return { ok: true, date: formatDate(y, m, d) }
}

const isBlank = (c: number): boolean => c === 32 || c === 0x3000 || c === 0xa0 || c === 0xfeff || (c >= 9 && c <= 13)

/** A space or 'T' before a time part. */
const isTimeStart = (c: number): boolean => c === 32 || c === 84 || c === 116 || c === 0xa0 || c === 9

function allDigitsFrom(s: string, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (!isDigit(foldWidth(s.charCodeAt(j)))) return false
  return true
}

/** Words providers use for "no end date" in a valid-to column (长期有效). */
export const OPEN_ENDED_WORDS: ReadonlySet<string> = new Set([
  '长期',
  '长期有效',
  '永久',
  '永久有效',
  '无期限',
  '无固定期限',
  '无限期',
  '不限期',
  '不限期限',
  '长久',
])

/**
 * Dates that stand for "no end date" in data standards: 9999-12-31, and 2099-12-31, which the
 * 双公示 penalty standard prescribes for penalties without a definite term (CF_YXQ).
 */
export const OPEN_ENDED_DATES: ReadonlySet<string> = new Set(['9999-12-31', '2099-12-31'])

/** Whether a valid-to value means "open-ended" (a word such as 长期, or a sentinel date). */
export const isOpenEndedValidTo = (raw: string, parsed?: DateParseResult): boolean => {
  if (OPEN_ENDED_WORDS.has(raw.trim())) return true
  const p = parsed ?? parseDate(raw)
  return p.ok && OPEN_ENDED_DATES.has(p.date)
}

/** The earliest plausible date of a public credit record (founding of the PRC). */
export const MIN_PLAUSIBLE_DATE = '1949-10-01'
export const MAX_DATE = '9999-12-31'

/** A 'YYYY-MM-DD' date plus whole years (29 February becomes 28 February in common years). */
export const addYears = (date: string, years: number): string => {
  const y = Number(date.slice(0, 4)) + years
  const m = Number(date.slice(5, 7))
  const d = Math.min(Number(date.slice(8, 10)), daysInMonth(y, m))
  return formatDate(y, m, d)
}

/** Whether s is exactly a real 'YYYY-MM-DD' date. */
export const isIsoDate = (s: string): boolean => {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false
  for (const j of [0, 1, 2, 3, 5, 6, 8, 9]) if (!isDigit(s.charCodeAt(j))) return false
  const y = Number(s.slice(0, 4))
  const m = Number(s.slice(5, 7))
  const d = Number(s.slice(8, 10))
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
}

/** Whether a 'YYYY-MM-DD' date lies within [min, max] (text comparison is date order). */
export const isDateInRange = (date: string, min: string, max: string): boolean => date >= min && date <= max
