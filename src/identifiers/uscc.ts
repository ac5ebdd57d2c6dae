/**
 * 统一社会信用代码 — Unified Social Credit Code, GB 32100-2015 (+ XG1-2016).
 *
 *   pos 1      registration authority (登记管理部门)        see USCC_REGISTRATION_AUTHORITIES
 *   pos 2      organisation category for that authority (机构类别)
 *   pos 3–8    GB/T 2260 code of the registering authority (may be historical, e.g. 410728)
 *   pos 9–17   the 9-character GB 11714 organisation code, incl. its own check character
 *   pos 18     check character: charset[(31 − Σ vᵢ·3^(i−1) mod 31) mod 31]
 *
 * Charset: 0–9 and A–Z without I O S V Z (31 characters, value = index).
 *
 * Where published validators disagree with the standard this module follows the standard:
 * - A check value of 0 is the character '0'. Validators computing `31 − Σ mod 31` without the
 *   outer `mod 31` produce "31" (an index past the charset) and reject these codes.
 * - Registration authorities A (军队), N (农业) and Y (其他) are valid first characters; some
 *   validators (python-stdnum among them) require positions 1–8 to be digits.
 * - Early pilot codes from 厦门/福州 such as 91350211M0000XUF46 fail the mod-31 check. They were
 *   issued, but do not conform to GB 32100; like hutool and IDCheck, we reject them.
 */
import type { SubjectKind } from '../subjects/subject-kind.ts'
import { NATIONAL_DIVISION, divisionInfo, isKnownDivision, sixDigits } from './divisions.ts'
import { checksumError, identifierMessages } from './identifier-errors.ts'
import type { CheckOutcome, IdentifierMessage } from './identifier-types.ts'
import { formatOrgCode, isInternalOrgCode, orgCodeCheckChar, orgCodeCheckCodeAt } from './org-code.ts'

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const

/** Character code → value in the USCC charset, −1 when not in it. */
const VALUE = new Int8Array(128).fill(-1)
for (let i = 0; i < USCC_CHARSET.length; i++) VALUE[USCC_CHARSET.charCodeAt(i)] = i

/** Value of a character in the USCC charset (0–30), or −1. */
export const usccCharValue = (c: number): number => (c < 128 ? (VALUE[c] as number) : -1)

export interface UsccCategory {
  readonly code: string
  readonly zh: string
  readonly en: string
  readonly subjectKind: SubjectKind
}

export interface RegistrationAuthority {
  readonly code: string
  readonly zh: string
  readonly en: string
  readonly categories: readonly UsccCategory[]
}

const cat = (code: string, zh: string, en: string, subjectKind: SubjectKind): UsccCategory =>
  Object.freeze({ code, zh, en, subjectKind })
const auth = (code: string, zh: string, en: string, categories: UsccCategory[]): RegistrationAuthority =>
  Object.freeze({ code, zh, en, categories: Object.freeze(categories) })
const OTHER = 'other_organisation'

/** GB 32100-2015 registration authorities (pos. 1) and their organisation categories (pos. 2). */
export const USCC_REGISTRATION_AUTHORITIES: readonly RegistrationAuthority[] = Object.freeze([
  auth('1', '机构编制', 'Staffing offices', [
    cat('1', '机关', 'State organ', 'government_body'),
    cat('2', '事业单位', 'Public institution', 'public_institution'),
    cat('3', '中央编办直接管理机构编制的群众团体', 'Mass organisation staffed by the central staffing office', 'social_organisation'),
    cat('9', '其他', 'Other', OTHER),
  ]),
  auth('2', '外交', 'Foreign affairs', [
    cat('1', '外国常驻新闻机构', 'Resident foreign news agency', OTHER),
    cat('9', '其他', 'Other', OTHER),
  ]),
  auth('3', '司法行政', 'Justice administration', [
    cat('1', '律师执业机构', 'Law firm', OTHER),
    cat('2', '公证处', 'Notary office', OTHER),
    cat('3', '基层法律服务所', 'Grassroots legal service office', OTHER),
    cat('4', '司法鉴定机构', 'Forensic appraisal institution', OTHER),
    cat('5', '仲裁委员会', 'Arbitration commission', OTHER),
    cat('9', '其他', 'Other', OTHER),
  ]),
  auth('4', '文化', 'Culture', [
    cat('1', '外国在华文化中心', 'Foreign cultural centre in China', OTHER),
    cat('9', '其他', 'Other', OTHER),
  ]),
  auth('5', '民政', 'Civil affairs', [
    cat('1', '社会团体', 'Social organisation', 'social_organisation'),
    cat('2', '民办非企业单位', 'Private non-enterprise unit', 'social_organisation'),
    cat('3', '基金会', 'Foundation', 'social_organisation'),
    cat('9', '其他', 'Other', 'social_organisation'),
  ]),
  auth('6', '旅游', 'Tourism', [
    cat('1', '外国旅游部门常驻代表机构', 'Resident office of a foreign tourism authority', OTHER),
    cat('2', '港澳台地区旅游部门常驻内地（大陆）代表机构', 'Mainland office of a Hong Kong, Macao or Taiwan tourism authority', OTHER),
    cat('9', '其他', 'Other', OTHER),
  ]),
  auth('7', '宗教', 'Religious affairs', [
    cat('1', '宗教活动场所', 'Place of worship', OTHER),
    cat('2', '宗教院校', 'Religious school', OTHER),
    cat('9', '其他', 'Other', OTHER),
  ]),
  auth('8', '工会', 'Trade unions', [
    cat('1', '基层工会', 'Grassroots trade union', 'social_organisation'),
    cat('9', '其他', 'Other', 'social_organisation'),
  ]),
  auth('9', '工商（市场监管）', 'Market regulation', [
    cat('1', '企业', 'Enterprise', 'enterprise'),
    cat('2', '个体工商户', 'Individual business', 'individual_business'),
    cat('3', '农民专业合作社', "Farmers' specialised cooperative", 'farmer_cooperative'),
  ]),
  auth('A', '中央军委改革和编制办公室', 'Central Military Commission reform and staffing office', [
    cat('1', '军队事业单位', 'Military public institution', 'public_institution'),
    cat('9', '其他', 'Other', OTHER),
  ]),
  auth('N', '农业', 'Agriculture', [
    cat('1', '组级集体经济组织', 'Group-level collective economic organisation', 'rural_collective'),
    cat('2', '村级集体经济组织', 'Village-level collective economic organisation', 'rural_collective'),
    cat('3', '乡镇级集体经济组织', 'Township-level collective economic organisation', 'rural_collective'),
    cat('9', '其他', 'Other', 'rural_collective'),
  ]),
  auth('Y', '其他', 'Other', [cat('1', '其他', 'Other', OTHER)]),
])

// authority char code → authority; (authority index * 128 + category char code) → category.
const AUTHORITY_BY_CHAR: (RegistrationAuthority | undefined)[] = new Array(128)
const CATEGORY_BY_CHAR: (UsccCategory | undefined)[] = new Array(128 * 128)
for (const a of USCC_REGISTRATION_AUTHORITIES) {
  const ac = a.code.charCodeAt(0)
  AUTHORITY_BY_CHAR[ac] = a
  for (const c of a.categories) CATEGORY_BY_CHAR[ac * 128 + c.code.charCodeAt(0)] = c
}
// Details objects shared between results (frozen, so safe to share).
const AUTHORITY_DETAILS = new Map<RegistrationAuthority, Readonly<{ code: string; zh: string; en: string }>>()
for (const a of USCC_REGISTRATION_AUTHORITIES) AUTHORITY_DETAILS.set(a, Object.freeze({ code: a.code, zh: a.zh, en: a.en }))
const CATEGORY_DETAILS = new Map<UsccCategory, Readonly<{ code: string; zh: string; en: string }>>()
for (const a of USCC_REGISTRATION_AUTHORITIES) {
  for (const c of a.categories) CATEGORY_DETAILS.set(c, Object.freeze({ code: c.code, zh: c.zh, en: c.en }))
}

/** The authority for a first character, if it is one. */
export const findRegistrationAuthority = (code: string): RegistrationAuthority | undefined => {
  const c = typeof code === 'string' && code.length === 1 ? code.charCodeAt(0) : 128
  return c < 128 ? AUTHORITY_BY_CHAR[c] : undefined
}

/** The category for an authority and category character, if the pair exists. */
export const findUsccCategory = (authority: string, category: string): UsccCategory | undefined => {
  if (typeof authority !== 'string' || typeof category !== 'string' || authority.length !== 1 || category.length !== 1) return undefined
  const a = authority.charCodeAt(0)
  const c = category.charCodeAt(0)
  return a < 128 && c < 128 ? CATEGORY_BY_CHAR[a * 128 + c] : undefined
}

/** The SubjectKind a USCC's first two characters imply, if they are a known pair. */
export const usccSubjectKind = (uscc: string): SubjectKind | undefined =>
  findUsccCategory(uscc.charAt(0), uscc.charAt(1))?.subjectKind

/** The check character for the first 17 characters (all in the USCC charset). */
export function usccCheckChar(first17: string): string {
  if (typeof first17 !== 'string' || first17.length < 17) throw new RangeError('usccCheckChar needs the first 17 characters')
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const v = usccCharValue(first17.charCodeAt(i))
    if (v < 0) throw new RangeError(`Character '${first17.charAt(i)}' at position ${i + 1} is not in the USCC charset`)
    sum += v * (USCC_WEIGHTS[i] as number)
  }
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31)
}

export interface MakeUsccParts {
  /** Registration authority, e.g. '9'. */
  authority: string
  /** Organisation category for that authority, e.g. '1'. */
  category: string
  /** 6-digit GB/T 2260 code of the registering authority, e.g. '410702'. */
  division: string
  /** The 8 body characters of the organisation code (USCC charset); its check char is computed. */
  orgCodeBody8: string
}

/** Builds a valid USCC from its parts, computing both check characters. */
export function makeUscc(parts: MakeUsccParts): string {
  const { authority, category, division, orgCodeBody8 } = parts
  if (findUsccCategory(authority, category) === undefined) {
    throw new RangeError(`No organisation category '${category}' for registration authority '${authority}'`)
  }
  if (typeof division !== 'string' || division.length !== 6 || sixDigits(division, 0) < 0) {
    throw new RangeError(`Division ${division} must be 6 digits`)
  }
  let bodyOk = typeof orgCodeBody8 === 'string' && orgCodeBody8.length === 8
  for (let i = 0; bodyOk && i < 8; i++) bodyOk = usccCharValue(orgCodeBody8.charCodeAt(i)) >= 0
  if (!bodyOk) throw new RangeError(`Organisation code body ${orgCodeBody8} must be 8 characters of the USCC charset`)
  const first17 = authority + category + division + orgCodeBody8 + orgCodeCheckChar(orgCodeBody8)
  return first17 + usccCheckChar(first17)
}

export interface UsccCheckOptions {
  orgCodeStrict: boolean
}

/**
 * Validates a normalised string as a USCC. Order of checks: length, charset, authority and
 * category, division digits, GB 11714 check of positions 9–17, final check character.
 */
export function checkUscc(s: string, options: UsccCheckOptions, withDetails: boolean): CheckOutcome {
  if (s.length !== 18) {
    return { kind: 'uscc', valid: false, error: identifierMessages.IDENTIFIER_LENGTH(s.length, 'uscc'), charsetOk: false, checksumOk: false, score: 0 }
  }
  let sum = 0
  let badAt = -1
  for (let i = 0; i < 17; i++) {
    const v = usccCharValue(s.charCodeAt(i))
    if (v < 0) {
      badAt = i
      break
    }
    sum += v * (USCC_WEIGHTS[i] as number)
  }
  if (badAt < 0 && usccCharValue(s.charCodeAt(17)) < 0) badAt = 17
  if (badAt >= 0) {
    return { kind: 'uscc', valid: false, error: identifierMessages.IDENTIFIER_CHARSET('uscc', s.charAt(badAt), badAt + 1), charsetOk: false, checksumOk: false, score: 0 }
  }
  const expected = USCC_CHARSET.charCodeAt((31 - (sum % 31)) % 31)
  const checksumOk = expected === s.charCodeAt(17)
  const a = s.charCodeAt(0)
  const authority = AUTHORITY_BY_CHAR[a]
  const category = CATEGORY_BY_CHAR[a * 128 + s.charCodeAt(1)]
  const divisionNumber = sixDigits(s, 2)
  const divisionKnown = divisionNumber === 100000 || (divisionNumber >= 0 && isKnownDivision(divisionNumber))
  // Evidence for reading the input as a USCC (compared with reading it as a resident ID).
  const score = (category === undefined ? 0 : 1) + (divisionKnown ? 2 : 0) + (checksumOk ? 2 : 0)

  let error: IdentifierMessage | undefined
  let orgExpected = -1
  if (authority === undefined) error = identifierMessages.IDENTIFIER_AUTHORITY_UNKNOWN(s.charAt(0))
  else if (category === undefined) {
    error = identifierMessages.IDENTIFIER_CATEGORY_UNKNOWN(authority.code, authority.zh, authority.en, s.charAt(1))
  } else if (divisionNumber < 0) error = identifierMessages.IDENTIFIER_DIVISION(s.slice(2, 8))
  else {
    orgExpected = orgCodeCheckCodeAt(s, 8)
    if (orgExpected !== s.charCodeAt(16) && options.orgCodeStrict) {
      error = identifierMessages.IDENTIFIER_ORG_CODE_CHECKSUM(formatOrgCode(s.slice(8, 17)), String.fromCharCode(orgExpected))
    } else if (!checksumOk) error = checksumError(USCC_CHARSET.charAt((31 - (sum % 31)) % 31))
  }
  if (error !== undefined) return { kind: 'uscc', valid: false, error, charsetOk: true, checksumOk, score }

  const outcome: CheckOutcome = { kind: 'uscc', valid: true, charsetOk: true, checksumOk: true, score }
  if (withDetails && authority !== undefined && category !== undefined) {
    let warnings: IdentifierMessage[] | undefined
    if (!divisionKnown) (warnings ??= []).push(identifierMessages.IDENTIFIER_DIVISION_UNKNOWN(s.slice(2, 8)))
    if (orgExpected !== s.charCodeAt(16)) {
      ;(warnings ??= []).push(identifierMessages.IDENTIFIER_ORG_CODE_CHECKSUM(formatOrgCode(s.slice(8, 17)), String.fromCharCode(orgExpected)))
    }
    if (isInternalOrgCode(s, 8)) (warnings ??= []).push(identifierMessages.IDENTIFIER_ORG_CODE_INTERNAL())
    const details: Record<string, unknown> = {
      authority: AUTHORITY_DETAILS.get(authority),
      category: CATEGORY_DETAILS.get(category),
      subjectKind: category.subjectKind,
      division: divisionNumber === 100000 ? NATIONAL_DIVISION : divisionInfo(divisionNumber),
      orgCode: formatOrgCode(s.slice(8, 17)),
      taxNumber15: s.slice(2, 17),
    }
    if (warnings !== undefined) details.warnings = warnings
    outcome.details = details
  }
  return outcome
}
