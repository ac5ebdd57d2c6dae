/**
 * 工商注册号 — the 15-digit business registration number of GS 15-2006, replaced by the USCC
 * from 2015-10-01 and kept as a legacy alias:
 *
 *   pos 1–6    first registration authority: 100000 (national) or its GB/T 2260 code
 *   pos 7–14   sequence; first digit 0–3 domestic, 4–5 foreign-invested, 6–9 individual business
 *   pos 15     check digit, ISO 7064 MOD 11,10 (GB/T 17710)
 *
 * Numbers in the wild often fail the check digit (it was not enforced everywhere), so by default a
 * failure is a warning (details.warnings), not an error — `registrationChecksumStrict` changes that.
 */
import { NATIONAL_DIVISION, divisionInfo, isKnownDivision, isProvinceNumber, sixDigits } from './divisions.ts'
import { identifierMessages } from './identifier-errors.ts'
import type { CheckOutcome, IdentifierMessage } from './identifier-types.ts'
import { formatOrgCode, orgCodeCheckCharAt } from './org-code.ts'

/** The ISO 7064 MOD 11,10 check digit for the first 14 digits at `s` (all known to be digits). */
function mod1110(s: string, length: number): number {
  let p = 10
  for (let i = 0; i < length; i++) {
    let t = (p + (s.charCodeAt(i) - 48)) % 10
    if (t === 0) t = 10
    p = (t * 2) % 11
  }
  return (11 - p) % 10
}

/** The check digit of a registration number's first 14 digits. */
export function registrationNumberCheckDigit(first14: string): string {
  if (typeof first14 !== 'string' || first14.length < 14 || !/^\d{14}/.test(first14)) {
    throw new RangeError('registrationNumberCheckDigit needs the first 14 digits')
  }
  return String(mod1110(first14, 14))
}

/** Builds a 15-digit registration number: 6-digit authority + 8-digit sequence + check digit. */
export function makeRegistrationNumber(authority: string, sequence: string): string {
  const first14 = `${authority}${sequence}`
  if (!/^\d{14}$/.test(first14) || authority.length !== 6) throw new RangeError('Authority has 6 digits and sequence 8')
  return first14 + registrationNumberCheckDigit(first14)
}

export type RegisteredEntityType = 'domestic' | 'foreign_invested' | 'individual_business'

const entityTypeOf = (digit: number): RegisteredEntityType =>
  digit <= 3 ? 'domestic' : digit <= 5 ? 'foreign_invested' : 'individual_business'

export interface RegistrationCheckOptions {
  registrationChecksumStrict: boolean
}

/** Validates a normalised string as a 15-digit registration number. */
export function checkRegistrationNumber(s: string, options: RegistrationCheckOptions, withDetails: boolean): CheckOutcome {
  if (s.length !== 15) {
    return { kind: 'registration_number', valid: false, error: identifierMessages.IDENTIFIER_LENGTH(s.length, 'registration_number'), charsetOk: false, checksumOk: false, score: 0 }
  }
  for (let i = 0; i < 15; i++) {
    const c = s.charCodeAt(i)
    if (c < 48 || c > 57) {
      const outcome: CheckOutcome = { kind: 'registration_number', valid: false, error: identifierMessages.IDENTIFIER_CHARSET('registration_number', s.charAt(i), i + 1), charsetOk: false, checksumOk: false, score: 0 }
      // A 15-character 税务登记号 (6-digit region + 9-character organisation code) looks like this.
      const region = sixDigits(s, 0)
      const org = orgCodeCheckCharAt(s, 6)
      if (withDetails && region >= 0 && org !== '' && org.charCodeAt(0) === s.charCodeAt(14)) {
        outcome.details = { possibleTaxRegistrationNumber: true, division: divisionInfo(region), orgCode: formatOrgCode(s.slice(6, 15)) }
      }
      return outcome
    }
  }
  const authority = sixDigits(s, 0)
  const national = authority === 100000
  const expected = mod1110(s, 14)
  const checksumOk = expected === s.charCodeAt(14) - 48
  const known = national || isKnownDivision(authority)
  const score = (known ? 2 : 0) + (checksumOk ? 2 : 0)
  let error: IdentifierMessage | undefined
  if (!national && !isProvinceNumber(Math.floor(authority / 10000))) {
    error = identifierMessages.IDENTIFIER_REGISTRATION_AUTHORITY(s.slice(0, 6))
  } else if (!checksumOk && options.registrationChecksumStrict) {
    error = identifierMessages.IDENTIFIER_REGISTRATION_CHECKSUM(String(expected))
  }
  if (error !== undefined) return { kind: 'registration_number', valid: false, error, charsetOk: true, checksumOk, score }

  const outcome: CheckOutcome = { kind: 'registration_number', valid: true, charsetOk: true, checksumOk, score }
  if (withDetails) {
    let warnings: IdentifierMessage[] | undefined
    if (!known) (warnings ??= []).push(identifierMessages.IDENTIFIER_DIVISION_UNKNOWN(s.slice(0, 6)))
    if (!checksumOk) (warnings ??= []).push(identifierMessages.IDENTIFIER_REGISTRATION_CHECKSUM(String(expected)))
    const details: Record<string, unknown> = {
      authority: national ? NATIONAL_DIVISION : divisionInfo(authority),
      sequence: s.slice(6, 14),
      entityType: entityTypeOf(s.charCodeAt(6) - 48),
      checksumOk,
    }
    if (warnings !== undefined) details.warnings = warnings
    outcome.details = details
  }
  return outcome
}
