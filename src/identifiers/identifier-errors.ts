/**
 * Every message the identifier validators can produce, errors and warnings, in one table.
 * Codes are stable (clients match on them); messages name what is wrong.
 */
import { AppError } from '../errors.ts'
import type { IdentifierMessage } from './identifier-types.ts'

export type IdentifierErrorCode =
  | 'IDENTIFIER_EMPTY'
  | 'IDENTIFIER_LENGTH'
  | 'IDENTIFIER_CHARSET'
  | 'IDENTIFIER_AUTHORITY'
  | 'IDENTIFIER_DIVISION'
  | 'IDENTIFIER_ORG_CODE_CHECKSUM'
  | 'IDENTIFIER_CHECKSUM'
  | 'IDENTIFIER_BIRTH_DATE'
  | 'IDENTIFIER_AREA'

/** Warnings never make a result invalid; they travel in `details.warnings`. */
export type IdentifierWarningCode =
  | 'IDENTIFIER_DIVISION_UNKNOWN'
  | 'IDENTIFIER_ORG_CODE_CHECKSUM'
  | 'IDENTIFIER_CHECKSUM'
  | 'IDENTIFIER_ORG_CODE_INTERNAL'
  | 'IDENTIFIER_AMBIGUOUS'

/** Names of the kinds, for messages. */
export const identifierKindNames = {
  uscc: { zh: '统一社会信用代码', en: 'a USCC' },
  org_code: { zh: '组织机构代码', en: 'an organisation code' },
  resident_id: { zh: '居民身份证号码', en: 'a resident ID number' },
  registration_number: { zh: '工商注册号', en: 'a business registration number' },
} as const

type KindKey = keyof typeof identifierKindNames

/** Shows a character safely: printable ASCII as itself, anything else as U+XXXX. */
export const describeChar = (ch: string): { zh: string; en: string } => {
  const c = ch.charCodeAt(0)
  if (c > 0x20 && c < 0x7f) return { zh: `“${ch}”`, en: `'${ch}'` }
  const hex = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`
  return { zh: hex, en: hex }
}

const msg = (code: string, zh: string, en: string): IdentifierMessage => Object.freeze({ code, zh, en })

/** The message table. Each entry builds the message for its parameters. */
export const identifierMessages = {
  IDENTIFIER_EMPTY: () => msg('IDENTIFIER_EMPTY', '标识码为空', 'The identifier is empty'),

  IDENTIFIER_LENGTH: (length: number, expected?: KindKey) =>
    expected === undefined
      ? msg(
          'IDENTIFIER_LENGTH',
          `长度为 ${length} 位，不是可识别的标识码（统一社会信用代码和身份证号码 18 位，工商注册号 15 位，组织机构代码 9 位）`,
          `Length is ${length}; expected 18 characters (USCC, resident ID), 15 (registration number, first-generation ID) or 9 (organisation code)`,
        )
      : msg(
          'IDENTIFIER_LENGTH',
          `长度为 ${length} 位，${identifierKindNames[expected].zh}应为 ${expectedLengths[expected].zh} 位`,
          `Length is ${length}; ${identifierKindNames[expected].en} has ${expectedLengths[expected].en} characters`,
        ),

  IDENTIFIER_CHARSET: (kind: KindKey, char: string, position: number) => {
    const c = describeChar(char)
    return msg(
      'IDENTIFIER_CHARSET',
      `第 ${position} 位的字符 ${c.zh} 不能出现在${identifierKindNames[kind].zh}中（${charsetRules[kind].zh}）`,
      `Character ${c.en} at position ${position} is not allowed in ${identifierKindNames[kind].en} (${charsetRules[kind].en})`,
    )
  },

  IDENTIFIER_AUTHORITY_UNKNOWN: (authority: string) =>
    msg(
      'IDENTIFIER_AUTHORITY',
      `登记管理部门代码 ${describeChar(authority).zh} 不存在`,
      `Registration authority code ${describeChar(authority).en} does not exist`,
    ),

  IDENTIFIER_CATEGORY_UNKNOWN: (authority: string, authorityZh: string, authorityEn: string, category: string) =>
    msg(
      'IDENTIFIER_AUTHORITY',
      `登记管理部门 ${authority}（${authorityZh}）下没有机构类别代码 ${describeChar(category).zh}`,
      `Registration authority ${authority} (${authorityEn}) has no organisation category ${describeChar(category).en}`,
    ),

  IDENTIFIER_REGISTRATION_AUTHORITY: (code: string) =>
    msg(
      'IDENTIFIER_AUTHORITY',
      `登记机关代码 ${code} 既不是 100000（国家级）也不属于任何省级行政区`,
      `Registration authority code ${code} is neither 100000 (national) nor in any province`,
    ),

  IDENTIFIER_DIVISION: (division: string) =>
    msg(
      'IDENTIFIER_DIVISION',
      `登记管理机关行政区划码“${division}”应为 6 位数字`,
      `Division code '${division}' (positions 3–8) must be 6 digits`,
    ),

  IDENTIFIER_ORG_CODE_CHECKSUM: (orgCode: string, expected: string) =>
    msg(
      'IDENTIFIER_ORG_CODE_CHECKSUM',
      `第 9–17 位的组织机构代码 ${orgCode} 校验码错误，应为 ${expected}`,
      `Organisation code ${orgCode} (positions 9–17) has a wrong check character; expected ${expected}`,
    ),

  IDENTIFIER_CHECKSUM: (expected: string) =>
    msg('IDENTIFIER_CHECKSUM', `校验码错误，应为 ${expected}`, `Check character is wrong; expected ${expected}`),

  IDENTIFIER_BIRTH_DATE_INVALID: (date: string) =>
    msg('IDENTIFIER_BIRTH_DATE', `出生日期 ${date} 不存在`, `Birth date ${date} does not exist`),

  IDENTIFIER_BIRTH_DATE_FUTURE: (date: string) =>
    msg('IDENTIFIER_BIRTH_DATE', `出生日期 ${date} 晚于今天`, `Birth date ${date} is in the future`),

  IDENTIFIER_BIRTH_DATE_TOO_EARLY: (date: string) =>
    msg('IDENTIFIER_BIRTH_DATE', `出生日期 ${date} 早于 1850 年`, `Birth date ${date} is before 1850`),

  IDENTIFIER_AREA: (province: string) =>
    msg(
      'IDENTIFIER_AREA',
      `地址码的省级代码 ${province} 不存在`,
      `Province code ${province} in the address code does not exist`,
    ),

  IDENTIFIER_AREA_FOREIGN: (province: string) =>
    msg(
      'IDENTIFIER_AREA',
      `第 2–3 位的受理地省级代码 ${province} 不存在（以 9 开头的是外国人永久居留身份证号码）`,
      `Province code ${province} at positions 2–3 does not exist (numbers starting with 9 are foreign permanent residence ID numbers)`,
    ),

  IDENTIFIER_UNREADABLE: () =>
    msg('IDENTIFIER_CHARSET', '输入无法作为文本读取', 'The input cannot be read as text'),

  // Warnings.
  IDENTIFIER_DIVISION_UNKNOWN: (division: string) =>
    msg(
      'IDENTIFIER_DIVISION_UNKNOWN',
      `行政区划码 ${division} 不在已知的现行或历史代码中`,
      `Division code ${division} is not a known current or historical GB/T 2260 code`,
    ),

  IDENTIFIER_ORG_CODE_INTERNAL: () =>
    msg(
      'IDENTIFIER_ORG_CODE_INTERNAL',
      'PDY 开头的组织机构代码是内部自定义代码，不用于系统间交换',
      'Organisation codes starting with PDY are self-defined for internal use, not for exchange between systems',
    ),

  IDENTIFIER_REGISTRATION_CHECKSUM: (expected: string) =>
    msg(
      'IDENTIFIER_CHECKSUM',
      `工商注册号校验位错误，应为 ${expected}（GS 15-2006，ISO 7064 MOD 11,10）`,
      `Registration number check digit is wrong; expected ${expected} (GS 15-2006, ISO 7064 MOD 11,10)`,
    ),

  IDENTIFIER_AMBIGUOUS_LEGACY_ID: () =>
    msg(
      'IDENTIFIER_AMBIGUOUS',
      '也符合 15 位第一代居民身份证号码的结构；如来自身份证号码列，请以 resident_id 重新校验',
      'Also fits a 15-digit first-generation resident ID number; if the value comes from an ID column, check it again expecting resident_id',
    ),
} as const

const expectedLengths: Record<KindKey, { zh: string; en: string }> = {
  uscc: { zh: '18', en: '18' },
  org_code: { zh: '9', en: '9' },
  resident_id: { zh: '18（或第一代 15）', en: '18 (or, first generation, 15)' },
  registration_number: { zh: '15', en: '15' },
}

const charsetRules: Record<KindKey, { zh: string; en: string }> = {
  uscc: { zh: '只能使用数字和除 I、O、S、V、Z 以外的大写字母', en: 'digits and capital letters except I, O, S, V, Z' },
  org_code: { zh: '本体代码为数字或大写字母，校验码为数字或 X', en: 'digits or capital letters, then a digit or X' },
  resident_id: { zh: '前 17 位为数字，第 18 位为数字或 X', en: '17 digits, then a digit or X' },
  registration_number: { zh: '只能使用数字', en: 'digits only' },
}

// Check-character messages are the common case among invalid inputs: build each one once.
const checksumCache = new Map<string, IdentifierMessage>()
export const checksumError = (expected: string): IdentifierMessage => {
  let m = checksumCache.get(expected)
  if (m === undefined) {
    m = identifierMessages.IDENTIFIER_CHECKSUM(expected)
    checksumCache.set(expected, m)
  }
  return m
}

/** Turns an identifier error into the platform's AppError (kind 'invalid'), e.g. for HTTP. */
export const identifierAppError = (error: IdentifierMessage, details?: unknown): AppError =>
  new AppError(error.code, error.zh, error.en, { kind: 'invalid', details })
