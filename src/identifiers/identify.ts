/**
 * identify(input) — what kind of identifier a string is, whether it is valid, and what it says.
 * The result is the JSON object `xinyong id check CODE…` prints, one per line.
 *
 * Deciding the kind (after normalisation; `options.expect` overrides all of this):
 *
 * - 18 characters: a USCC or an ID-like number (resident ID, residence permit, 2023 foreign
 *   permanent residence card). Each reading is checked and scored on its own evidence — for the
 *   ID: province part exists (1), real birth date (3; year in range only: 1.5), check character
 *   (2); for the USCC: authority + category exist (1), division code known (2), check character
 *   (2). A valid reading beats an invalid one; if both are valid (both check characters pass, a
 *   ~1/341 coincidence) the first character decides: '9' → USCC (far more common than foreign
 *   permanent residence cards), 1–8 → resident ID. If neither is valid the higher score wins,
 *   ties going to the USCC, and its error is reported. Letters anywhere but the last position
 *   rule out the ID reading.
 * - 15 characters: a business registration number or a first-generation resident ID number.
 *   A failing MOD 11,10 check digit with an ID shape — existing province part, positions 9–10 a
 *   month 01–12 — → resident ID: valid when positions 7–12 are a real 19YYMMDD date, else an
 *   IDENTIFIER_BIRTH_DATE error (so 610104620932690, 32 September, is a bad ID number, as other
 *   validators say, not a registration number with a bad check digit). Otherwise a registration
 *   number, whose failing check digit is only a warning. When both readings are valid the
 *   registration number is reported with an IDENTIFIER_AMBIGUOUS warning and
 *   details.alternativeKind — pass `expect: 'resident_id'` for values from an ID column.
 * - 9 characters: an organisation code.
 * - anything else: unknown, IDENTIFIER_LENGTH.
 *
 * Never throws. Inputs longer than MAX_INPUT_LENGTH UTF-16 units are rejected with
 * IDENTIFIER_LENGTH before any normalisation; their `input` is cut to its first 64 units + '…'
 * (details.inputLength has the real length), so a 10 MB string costs no more than a short one.
 */
import { isProvinceNumber } from './divisions.ts'
import { checkOrgCode } from './org-code.ts'
import { identifierMessages } from './identifier-errors.ts'
import type { CheckOutcome, ExpectedIdentifierKind, IdentifierResult, IdentifyOptions } from './identifier-types.ts'
import { normalizeCode } from './normalize.ts'
import { checkRegistrationNumber } from './registration-number.ts'
import { checkResidentId15, checkResidentId18, todayOverride } from './resident-id.ts'
import { checkUscc } from './uscc.ts'

/** Raw inputs longer than this (UTF-16 units) are rejected unread. */
export const MAX_INPUT_LENGTH = 1024
/** Normalised content longer than this cannot be any identifier (the longest is 18). */
const MAX_CONTENT_LENGTH = 64

const STRICT_ORG = { orgCodeStrict: true }
const LENIENT_ORG = { orgCodeStrict: false }
const STRICT_REG = { registrationChecksumStrict: true }
const LENIENT_REG = { registrationChecksumStrict: false }

export function identify(input: string, options?: IdentifyOptions): IdentifierResult {
  let raw: string
  try {
    raw = typeof input === 'string' ? input : String(input)
  } catch {
    return { input: '', normalized: '', kind: 'unknown', valid: false, error: identifierMessages.IDENTIFIER_UNREADABLE() }
  }
  try {
    return identifyString(raw, options)
  } catch {
    // Unreachable by design; the promise is that no input makes identify throw.
    return { input: clip(raw), normalized: '', kind: 'unknown', valid: false, error: identifierMessages.IDENTIFIER_UNREADABLE() }
  }
}

const clip = (s: string): string => (s.length > MAX_CONTENT_LENGTH ? `${s.slice(0, MAX_CONTENT_LENGTH)}…` : s)

function identifyString(input: string, options: IdentifyOptions | undefined): IdentifierResult {
  const expect = options?.expect
  const expectKey = expect === 'uscc' || expect === 'org_code' || expect === 'resident_id' || expect === 'registration_number' ? expect : undefined
  if (input.length > MAX_INPUT_LENGTH) {
    return {
      input: clip(input),
      normalized: '',
      kind: expectKey ?? 'unknown',
      valid: false,
      error: identifierMessages.IDENTIFIER_LENGTH(input.length, expectKey),
      details: { inputLength: input.length },
    }
  }
  const normalized = normalizeCode(input)
  const length = normalized.length
  if (length === 0) {
    return { input, normalized, kind: expectKey ?? 'unknown', valid: false, error: identifierMessages.IDENTIFIER_EMPTY() }
  }
  const withDetails = options?.details !== false
  let outcome: CheckOutcome | undefined
  if (length <= MAX_CONTENT_LENGTH) {
    outcome =
      expectKey !== undefined
        ? checkAs(expectKey, normalized, options, withDetails)
        : length === 18
          ? check18(normalized, options, withDetails)
          : length === 15
            ? check15(normalized, options, withDetails)
            : length === 9
              ? checkOrgCode(normalized, withDetails)
              : undefined
  }
  if (outcome === undefined) {
    return { input, normalized, kind: expectKey ?? 'unknown', valid: false, error: identifierMessages.IDENTIFIER_LENGTH(length, expectKey) }
  }
  const result: IdentifierResult = { input, normalized, kind: outcome.kind, valid: outcome.valid }
  if (outcome.error !== undefined) result.error = outcome.error
  if (outcome.details !== undefined) result.details = outcome.details
  return result
}

function checkAs(kind: ExpectedIdentifierKind, s: string, options: IdentifyOptions | undefined, withDetails: boolean): CheckOutcome {
  switch (kind) {
    case 'uscc':
      return checkUscc(s, options?.orgCodeStrict === false ? LENIENT_ORG : STRICT_ORG, withDetails)
    case 'org_code':
      return checkOrgCode(s, withDetails)
    case 'registration_number':
      return checkRegistrationNumber(s, options?.registrationChecksumStrict === true ? STRICT_REG : LENIENT_REG, withDetails)
    case 'resident_id':
      return s.length === 15 ? checkResidentId15(s, todayOverride(options?.today), withDetails) : checkResidentId18(s, todayOverride(options?.today), withDetails)
  }
}

/** 18 characters: USCC or ID-like number (see the module comment for the rule). */
function check18(s: string, options: IdentifyOptions | undefined, withDetails: boolean): CheckOutcome {
  const orgOptions = options?.orgCodeStrict === false ? LENIENT_ORG : STRICT_ORG
  const first = s.charCodeAt(0)
  // Most inputs are valid and unambiguous: try the likelier reading first and stop if it holds.
  // A valid USCC starting with '9' wins a tie with a valid foreign residence number, and a valid
  // ID number starting with 1–8 wins a tie with a valid USCC, so these early returns are final.
  let uscc: CheckOutcome | undefined
  let id: CheckOutcome | undefined
  if (first === 57 || !allDigitsBeforeLast(s)) {
    uscc = checkUscc(s, orgOptions, withDetails)
    if (uscc.valid) return uscc
    if (!allDigitsBeforeLast(s)) return uscc // letters inside: cannot be an ID number
    id = checkResidentId18(s, todayOverride(options?.today), withDetails)
  } else {
    id = checkResidentId18(s, todayOverride(options?.today), withDetails)
    if (id.valid) return id
    uscc = checkUscc(s, orgOptions, withDetails)
  }
  if (id.valid) return id
  if (uscc.valid) return uscc
  // 17 digits and a last character that fits neither reading: report it as an ID number's.
  if (!id.charsetOk && !uscc.charsetOk) return id
  if (!id.charsetOk) return uscc
  if (!uscc.charsetOk) return id
  return id.score > uscc.score ? id : uscc
}

/** The first 17 characters are ASCII digits. */
function allDigitsBeforeLast(s: string): boolean {
  for (let i = 0; i < 17; i++) {
    const c = s.charCodeAt(i)
    if (c < 48 || c > 57) return false
  }
  return true
}

/** 15 characters: registration number or first-generation ID number (see the module comment). */
function check15(s: string, options: IdentifyOptions | undefined, withDetails: boolean): CheckOutcome {
  const regOptions = options?.registrationChecksumStrict === true ? STRICT_REG : LENIENT_REG
  const reg = checkRegistrationNumber(s, regOptions, withDetails)
  if (!reg.charsetOk) return reg
  const legacy = checkResidentId15(s, todayOverride(options?.today), withDetails)
  // ID-shaped: the province part exists and positions 9–10 are a month (01–12).
  const month = (s.charCodeAt(8) - 48) * 10 + (s.charCodeAt(9) - 48)
  const idShaped = isProvinceNumber((s.charCodeAt(0) - 48) * 10 + (s.charCodeAt(1) - 48)) && month >= 1 && month <= 12
  if (idShaped && !reg.checksumOk) return legacy
  if (legacy.valid && reg.valid && reg.details !== undefined) {
    const warnings = (reg.details.warnings as unknown[] | undefined) ?? []
    reg.details.warnings = [...warnings, identifierMessages.IDENTIFIER_AMBIGUOUS_LEGACY_ID()]
    reg.details.alternativeKind = 'resident_id'
  }
  return reg
}
