/**
 * 组织机构代码 — organisation code, GB 11714-1997: 8 body characters (digits or capital letters)
 * and a check character, written XXXXXXXX-C (the hyphen is dropped by normalisation).
 * Letter values are ASCII − 55 over the full alphabet (A=10 … Z=35), weights 3,7,9,10,5,8,4,2,
 * C9 = 11 − (Σ mod 11), with 10 → X and 11 → 0.
 */
import { identifierMessages, checksumError } from './identifier-errors.ts'
import type { CheckOutcome } from './identifier-types.ts'

const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const

/** Value of a body character (0–35), or −1. */
const bodyValue = (c: number): number => (c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : -1)

/**
 * The character code of the GB 11714 check character for the 8 body characters starting at
 * `start`, or −1 if one of them is not a digit or capital letter.
 */
export function orgCodeCheckCodeAt(s: string, start: number): number {
  let sum = 0
  for (let i = 0; i < 8; i++) {
    const v = bodyValue(s.charCodeAt(start + i))
    if (v < 0) return -1
    sum += v * (WEIGHTS[i] as number)
  }
  const c = 11 - (sum % 11)
  return c === 10 ? 88 : c === 11 ? 48 : 48 + c
}

/** The check character for the 8 body characters at `start`, or '' (see orgCodeCheckCodeAt). */
export function orgCodeCheckCharAt(s: string, start: number): string {
  const c = orgCodeCheckCodeAt(s, start)
  return c < 0 ? '' : String.fromCharCode(c)
}

/** The check character of an organisation code body (8 digits or capital letters). */
export function orgCodeCheckChar(body8: string): string {
  if (typeof body8 !== 'string' || body8.length !== 8) throw new RangeError('An organisation code body has 8 characters')
  const c = orgCodeCheckCharAt(body8, 0)
  if (c === '') throw new RangeError(`Organisation code body ${body8} must be digits and capital letters`)
  return c
}

/** A complete 9-character organisation code for the body (check character appended). */
export function makeOrgCode(body8: string): string {
  return body8 + orgCodeCheckChar(body8)
}

/** The written form XXXXXXXX-C of a 9-character code. */
export const formatOrgCode = (code9: string): string => `${code9.slice(0, 8)}-${code9.slice(8, 9)}`

/** Whether the body is in the self-defined PDY00001–PDY99999 range (internal use only). */
export const isInternalOrgCode = (code: string, start = 0): boolean =>
  code.charCodeAt(start) === 80 && code.charCodeAt(start + 1) === 68 && code.charCodeAt(start + 2) === 89

/** Validates a normalised string as a 9-character organisation code. */
export function checkOrgCode(s: string, withDetails: boolean): CheckOutcome {
  if (s.length !== 9) {
    return { kind: 'org_code', valid: false, error: identifierMessages.IDENTIFIER_LENGTH(s.length, 'org_code'), charsetOk: false, checksumOk: false, score: 0 }
  }
  for (let i = 0; i < 9; i++) {
    const c = s.charCodeAt(i)
    const ok = i < 8 ? bodyValue(c) >= 0 : (c >= 48 && c <= 57) || c === 88
    if (!ok) {
      return { kind: 'org_code', valid: false, error: identifierMessages.IDENTIFIER_CHARSET('org_code', s.charAt(i), i + 1), charsetOk: false, checksumOk: false, score: 0 }
    }
  }
  const expected = orgCodeCheckCodeAt(s, 0)
  if (expected !== s.charCodeAt(8)) {
    return { kind: 'org_code', valid: false, error: checksumError(String.fromCharCode(expected)), charsetOk: true, checksumOk: false, score: 1 }
  }
  const outcome: CheckOutcome = { kind: 'org_code', valid: true, charsetOk: true, checksumOk: true, score: 3 }
  if (withDetails) {
    const internal = isInternalOrgCode(s)
    outcome.details = internal
      ? { formatted: formatOrgCode(s), internal: true, warnings: [identifierMessages.IDENTIFIER_ORG_CODE_INTERNAL()] }
      : { formatted: formatOrgCode(s), internal: false }
  }
  return outcome
}
