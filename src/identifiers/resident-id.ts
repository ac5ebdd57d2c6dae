/**
 * 公民身份号码 — resident ID number, GB 11643-1999, and the numbers built the same way.
 *
 *   pos 1–6    address code (GB/T 2260 as of issue; a number keeps it for life, so abolished
 *              codes such as 410728 stay valid — only the province part must exist)
 *   pos 7–14   birth date YYYYMMDD
 *   pos 15–17  sequence; odd = male, even = female
 *   pos 18     check character "10X98765432"[Σ vᵢ·Wᵢ mod 11], Wᵢ = 2^(18−i) mod 11
 *
 * Same structure, different document (details.documentKind):
 * - 810000 / 820000 prefix: 港澳居民居住证 (hk_macao_residence_permit)
 * - 830000 prefix: 台湾居民居住证 (taiwan_residence_permit)
 * - first digit 9: 2023 外国人永久居留身份证 (foreign_permanent_residence): 9, 2-digit province
 *   code of the issuing place, 3-digit nationality code, birth date, 3-digit sequence, and the
 *   same MOD 11-2 check character (国家移民管理局, 新版永居证机读信息规则, 2023-12-01).
 * First-generation numbers have 15 digits (6 address, YYMMDD, 3 sequence, no check character)
 * and are upgraded by inserting "19" and appending the check character.
 *
 * Where published validators disagree with the standard this module follows it: python-stdnum
 * rejects a number whose address code was not in force in the birth year (e.g.
 * 110111198012010078), but the address code is assigned at first registration, which can be
 * years after birth, and then kept — such numbers are valid.
 */
import { divisionInfo, isProvinceNumber, sixDigits } from './divisions.ts'
import { checksumError, identifierMessages } from './identifier-errors.ts'
import type { CheckOutcome, IdentifierMessage } from './identifier-types.ts'
import { normalizeCode } from './normalize.ts'

export const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
const CHECK_CHARS = '10X98765432'

export type ResidentDocumentKind =
  | 'resident_id'
  | 'hk_macao_residence_permit'
  | 'taiwan_residence_permit'
  | 'foreign_permanent_residence'

/** Σ vᵢ·Wᵢ over the first 17 characters, or −1 if one of them is not a digit. */
function weightedSum(s: string): number {
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const d = s.charCodeAt(i) - 48
    if (!(d >= 0 && d <= 9)) return -1
    sum += d * (RESIDENT_ID_WEIGHTS[i] as number)
  }
  return sum
}

/** The check character for the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  if (typeof first17 !== 'string' || first17.length < 17) throw new RangeError('residentIdCheckChar needs the first 17 digits')
  const sum = weightedSum(first17)
  if (sum < 0) throw new RangeError(`The first 17 characters of ${first17} must be digits`)
  return CHECK_CHARS.charAt(sum % 11)
}

export interface MakeResidentIdParts {
  /** 6-digit address code, e.g. '410702'. */
  area: string
  /** 'YYYYMMDD'. Not checked against the calendar, so tests can build impossible dates. */
  birthDate: string
  /** 0–999; odd = male, even = female. */
  sequence: number
}

/** Builds an 18-character number with the right check character. */
export function makeResidentId(parts: MakeResidentIdParts): string {
  const { area, birthDate, sequence } = parts
  if (typeof area !== 'string' || area.length !== 6 || sixDigits(area, 0) < 0) throw new RangeError(`Area ${area} must be 6 digits`)
  if (typeof birthDate !== 'string' || !/^\d{8}$/.test(birthDate)) throw new RangeError(`Birth date ${birthDate} must be YYYYMMDD`)
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) throw new RangeError(`Sequence ${sequence} must be 0–999`)
  const first17 = area + birthDate + String(sequence).padStart(3, '0')
  return first17 + residentIdCheckChar(first17)
}

/** The 18-digit form of a 15-digit first-generation number ("19" inserted, check appended). */
export function upgradeResidentId15(id15: string): string {
  const s = normalizeCode(String(id15))
  if (s.length !== 15 || !/^\d{15}$/.test(s)) throw new RangeError('A first-generation resident ID number has 15 digits')
  const first17 = `${s.slice(0, 6)}19${s.slice(6)}`
  return first17 + residentIdCheckChar(first17)
}

export interface MaskOptions {
  keepStart?: number
  keepEnd?: number
}

/**
 * Masks a resident ID number for display, keeping its length: '410702********123X'.
 * The input is normalised first. Numbers too short to keep both ends are masked entirely.
 */
export function maskResidentId(id: string, { keepStart = 6, keepEnd = 4 }: MaskOptions = {}): string {
  const s = normalizeCode(String(id))
  const start = Number.isInteger(keepStart) && keepStart > 0 ? keepStart : 0
  const end = Number.isInteger(keepEnd) && keepEnd > 0 ? keepEnd : 0
  if (s.length <= start + end) return '*'.repeat(s.length)
  return s.slice(0, start) + '*'.repeat(s.length - start - end) + s.slice(s.length - end)
}

// ——— dates ———

// The clock is read only when a birth date is later than the last "today" seen: every number
// validated since then with an earlier date needs no clock at all (today only moves forward).
let lastToday = 0

/** Today as a YYYYMMDD number (local time). */
export function currentDateNumber(): number {
  const d = new Date()
  lastToday = d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate()
  return lastToday
}

/**
 * The YYYYMMDD number for an injected "today", or 0 for "use the clock" (no date, or an
 * invalid Date).
 */
export function todayOverride(today?: Date): number {
  if (!(today instanceof Date)) return 0
  const t = today.getTime()
  return t === t ? today.getFullYear() * 10000 + (today.getMonth() + 1) * 100 + today.getDate() : 0
}

/** Whether a YYYYMMDD number is after today (`override` 0 = the clock's today). */
function isAfterToday(date: number, override: number): boolean {
  if (override > 0) return date > override
  return date > lastToday && date > currentDateNumber()
}

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

/** Reads `length` ASCII digits at `start` (all known to be digits). */
function digitsAt(s: string, start: number, length: number): number {
  let n = 0
  for (let i = start; i < start + length; i++) n = n * 10 + (s.charCodeAt(i) - 48)
  return n
}

const DATE_OK = 0
const DATE_INVALID = 1
const DATE_FUTURE = 2
const DATE_TOO_EARLY = 3

function checkDate(y: number, m: number, d: number, today: number): number {
  if (m < 1 || m > 12 || d < 1) return DATE_INVALID
  const max = m === 2 && isLeap(y) ? 29 : (DAYS_IN_MONTH[m] as number)
  if (d > max) return DATE_INVALID
  if (y < 1850) return DATE_TOO_EARLY
  if (isAfterToday(y * 10000 + m * 100 + d, today)) return DATE_FUTURE
  return DATE_OK
}

function dateError(result: number, text: string): IdentifierMessage {
  if (result === DATE_FUTURE) return identifierMessages.IDENTIFIER_BIRTH_DATE_FUTURE(text)
  if (result === DATE_TOO_EARLY) return identifierMessages.IDENTIFIER_BIRTH_DATE_TOO_EARLY(text)
  return identifierMessages.IDENTIFIER_BIRTH_DATE_INVALID(text)
}

const documentKindOf = (s: string): ResidentDocumentKind => {
  if (s.charCodeAt(0) === 57) return 'foreign_permanent_residence'
  if (s.charCodeAt(2) === 48 && s.charCodeAt(3) === 48 && s.charCodeAt(4) === 48 && s.charCodeAt(5) === 48) {
    const p = (s.charCodeAt(0) - 48) * 10 + (s.charCodeAt(1) - 48)
    if (p === 81 || p === 82) return 'hk_macao_residence_permit'
    if (p === 83) return 'taiwan_residence_permit'
  }
  // Taiwan residence permits are numbered 830000…; any other 83 prefix is read the same way.
  if (s.charCodeAt(0) === 56 && s.charCodeAt(1) === 51) return 'taiwan_residence_permit'
  return 'resident_id'
}

/**
 * Validates a normalised 18-character string as a resident ID number (or a number like it).
 * `today`: YYYYMMDD of an injected today, or 0 for the clock's (see todayOverride).
 */
export function checkResidentId18(s: string, today: number, withDetails: boolean): CheckOutcome {
  if (s.length !== 18) {
    return { kind: 'resident_id', valid: false, error: identifierMessages.IDENTIFIER_LENGTH(s.length, 'resident_id'), charsetOk: false, checksumOk: false, score: 0 }
  }
  const sum = weightedSum(s)
  const last = s.charCodeAt(17)
  if (sum < 0 || !((last >= 48 && last <= 57) || last === 88)) {
    let at = 0
    while (at < 17 && s.charCodeAt(at) >= 48 && s.charCodeAt(at) <= 57) at++
    return { kind: 'resident_id', valid: false, error: identifierMessages.IDENTIFIER_CHARSET('resident_id', s.charAt(at), at + 1), charsetOk: false, checksumOk: false, score: 0 }
  }
  const expected = CHECK_CHARS.charCodeAt(sum % 11)
  const checksumOk = expected === last
  const foreign = s.charCodeAt(0) === 57 // '9': foreign permanent residence ID card (2023)
  const p = foreign ? digitsAt(s, 1, 2) : digitsAt(s, 0, 2)
  const provinceOk = isProvinceNumber(p)
  const y = digitsAt(s, 6, 4)
  const m = digitsAt(s, 10, 2)
  const d = digitsAt(s, 12, 2)
  const date = checkDate(y, m, d, today)
  const yearPlausible = date === DATE_OK || (y >= 1850 && !isAfterToday(y * 10000 + 101, today))
  // Evidence for reading the input as an ID number (compared with reading it as a USCC).
  const score = (provinceOk ? 1 : 0) + (date === DATE_OK ? 3 : yearPlausible ? 1.5 : 0) + (checksumOk ? 2 : 0)

  let error: IdentifierMessage | undefined
  if (!provinceOk) error = (foreign ? identifierMessages.IDENTIFIER_AREA_FOREIGN : identifierMessages.IDENTIFIER_AREA)(String(p).padStart(2, '0'))
  else if (date !== DATE_OK) error = dateError(date, `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`)
  else if (!checksumOk) error = checksumError(CHECK_CHARS.charAt(sum % 11))
  if (error !== undefined) return { kind: 'resident_id', valid: false, error, charsetOk: true, checksumOk, score }

  const outcome: CheckOutcome = { kind: 'resident_id', valid: true, charsetOk: true, checksumOk: true, score }
  if (withDetails) {
    const documentKind = documentKindOf(s)
    const birthDate = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`
    const sex = (s.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female'
    if (foreign) {
      outcome.details = {
        documentKind,
        birthDate,
        sex,
        area: divisionInfo(p * 10000),
        nationalityCode: s.slice(3, 6),
      }
    } else {
      outcome.details = { documentKind, birthDate, sex, area: divisionInfo(sixDigits(s, 0)) }
    }
  }
  return outcome
}

/** Validates a normalised 15-character string as a first-generation resident ID number. */
export function checkResidentId15(s: string, today: number, withDetails: boolean): CheckOutcome {
  if (s.length !== 15) {
    return { kind: 'resident_id', valid: false, error: identifierMessages.IDENTIFIER_LENGTH(s.length, 'resident_id'), charsetOk: false, checksumOk: false, score: 0 }
  }
  for (let i = 0; i < 15; i++) {
    const c = s.charCodeAt(i)
    if (c < 48 || c > 57) {
      return { kind: 'resident_id', valid: false, error: identifierMessages.IDENTIFIER_CHARSET('resident_id', s.charAt(i), i + 1), charsetOk: false, checksumOk: false, score: 0 }
    }
  }
  const p = digitsAt(s, 0, 2)
  const provinceOk = isProvinceNumber(p)
  const y = 1900 + digitsAt(s, 6, 2)
  const date = checkDate(y, digitsAt(s, 8, 2), digitsAt(s, 10, 2), today)
  // No check character: the score is the date and province evidence only.
  const score = (provinceOk ? 1 : 0) + (date === DATE_OK ? 3 : 0)
  let error: IdentifierMessage | undefined
  if (!provinceOk) error = identifierMessages.IDENTIFIER_AREA(s.slice(0, 2))
  else if (date !== DATE_OK) error = dateError(date, `${y}-${s.slice(8, 10)}-${s.slice(10, 12)}`)
  if (error !== undefined) return { kind: 'resident_id', valid: false, error, charsetOk: true, checksumOk: false, score }

  const outcome: CheckOutcome = { kind: 'resident_id', valid: true, charsetOk: true, checksumOk: false, score }
  if (withDetails) {
    const first17 = `${s.slice(0, 6)}19${s.slice(6)}`
    outcome.details = {
      documentKind: documentKindOf(s),
      birthDate: `${y}-${s.slice(8, 10)}-${s.slice(10, 12)}`,
      sex: (s.charCodeAt(14) - 48) % 2 === 1 ? 'male' : 'female',
      area: divisionInfo(sixDigits(s, 0)),
      generation: 1,
      upgraded: first17 + residentIdCheckChar(first17),
    }
  }
  return outcome
}
