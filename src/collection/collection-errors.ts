/**
 * Every issue collection can report about a row or a header, in one table: a stable code, its
 * severity and builders of the Chinese and English messages. Codes are what clients match on;
 * messages name the field in Chinese and by key — '处罚决定日期（CF_JDRQ）不是有效日期：2024-02-30' /
 * 'CF_JDRQ (decision date) is not a valid date: 2024-02-30' — and quote the value.
 *
 * Errors reject the row; warnings travel with the record (or the header) and never reject.
 */
import type { CatalogField } from '../catalog/catalog.ts'
import type { IdentifierMessage } from '../identifiers/index.ts'
import type { IssueSeverity, RowIssue } from './collection.ts'
import { clipForMessage } from './values/chars.ts'

export const collectionErrorCodes = [
  'COLLECTION_REQUIRED',
  'COLLECTION_DATE_INVALID',
  'COLLECTION_DATE_OUT_OF_RANGE',
  'COLLECTION_AMOUNT_INVALID',
  'COLLECTION_AMOUNT_CHINESE_NUMERAL',
  'COLLECTION_CODE_UNKNOWN',
  'COLLECTION_IDENTIFIER_MASKED',
  'COLLECTION_IDENTIFIER_INVALID',
  'COLLECTION_TOO_LONG',
  'COLLECTION_PATTERN',
  'COLLECTION_TYPE',
  'COLLECTION_LEGAL_REPRESENTATIVE_REQUIRED',
  'COLLECTION_DATE_ORDER',
  'COLLECTION_EXCLUDED_SIMPLE_PROCEDURE',
  'COLLECTION_SUBJECT_CATEGORY',
  'COLLECTION_EXTRA_VALUES',
  'COLLECTION_MISSING_COLUMN',
  'COLLECTION_CONFLICTING_VALUES',
  'COLLECTION_ROW_UNREADABLE',
  'COLLECTION_CONTROL_CHARACTER',
] as const

export const collectionWarningCodes = [
  'COLLECTION_UNKNOWN_COLUMN',
  'COLLECTION_DUPLICATE_COLUMN',
  'COLLECTION_FINE_LOOKS_LIKE_YUAN',
  'COLLECTION_UNIT_CONVERTED',
  'COLLECTION_DIVISION_UNKNOWN',
  'COLLECTION_NAME_DIFFERS',
  'COLLECTION_DUPLICATE_IN_BATCH',
] as const

/** Codes raised around the validator — by the pipeline (control characters) and the writer (linking, duplicates). */
export const pipelineIssueCodes: readonly string[] = ['COLLECTION_CONTROL_CHARACTER', 'COLLECTION_NAME_DIFFERS', 'COLLECTION_DUPLICATE_IN_BATCH']

export type CollectionErrorCode = (typeof collectionErrorCodes)[number]
export type CollectionWarningCode = (typeof collectionWarningCodes)[number]
export type CollectionIssueCode = CollectionErrorCode | CollectionWarningCode

/** A built message: code, severity and both texts; toIssue places it at a row and column. */
export interface CollectionMessage {
  readonly code: CollectionIssueCode
  readonly severity: IssueSeverity
  readonly zh: string
  readonly en: string
}

/** What messages need of a field. */
export type FieldLabel = Pick<CatalogField, 'key' | 'name' | 'nameEn'> & Partial<Pick<CatalogField, 'unit'>>

/** '处罚决定日期（CF_JDRQ）'. */
export const zhLabel = (f: FieldLabel): string => `${f.name}（${f.key}）`

/** 'CF_JDRQ (decision date)': the English name in running text, acronyms kept. */
export const enLabel = (f: FieldLabel): string => {
  const n = f.nameEn
  const lower = n.length > 1 && n.charCodeAt(1) >= 97 && n.charCodeAt(1) <= 122 ? n.charAt(0).toLowerCase() + n.slice(1) : n
  return `${f.key} (${lower})`
}

const error = (code: CollectionErrorCode, zh: string, en: string): CollectionMessage => ({ code, severity: 'error', zh, en })
const warning = (code: CollectionWarningCode, zh: string, en: string): CollectionMessage => ({ code, severity: 'warning', zh, en })
const q = (v: string, max = 60): string => clipForMessage(v, max)

/** Why a field was required, for REQUIRED messages. */
export type RequiredReason =
  | { kind: 'always' }
  | { kind: 'organisation' }
  | { kind: 'person' }
  | { kind: 'when'; field: FieldLabel; labels: string[]; codes: string[] }

export type DateProblem = 'format' | 'impossible' | 'excel_fake_leap_day' | 'excel_serial_range' | 'placeholder'
export type AmountProblem = 'format' | 'negative' | 'too_many_decimals' | 'too_large' | 'unit' | 'placeholder'

const DATE_FORMS_ZH = '可用格式：2024-03-05、2024/3/5、2024.3.5、20240305、2024年3月5日或 Excel 日期'
const DATE_FORMS_EN = 'write e.g. 2024-03-05, 2024/3/5, 2024.3.5, 20240305, 2024年3月5日 or an Excel date'

/** The message table. Each entry builds the message for its parameters. */
export const collectionMessages = {
  COLLECTION_REQUIRED: (f: FieldLabel, reason: RequiredReason = { kind: 'always' }) => {
    switch (reason.kind) {
      case 'always':
        return error('COLLECTION_REQUIRED', `${zhLabel(f)}为必填项，不能为空`, `${enLabel(f)} is required`)
      case 'organisation':
        return error(
          'COLLECTION_REQUIRED',
          `行政相对人为法人、非法人组织或有统一社会信用代码的个体工商户时，${zhLabel(f)}必填`,
          `${enLabel(f)} is required for organisations and for individual businesses with a USCC`,
        )
      case 'person':
        return error(
          'COLLECTION_REQUIRED',
          `行政相对人为自然人（或无统一社会信用代码的个体工商户）时，${zhLabel(f)}必填`,
          `${enLabel(f)} is required for natural persons (and individual businesses without a USCC)`,
        )
      case 'when':
        return error(
          'COLLECTION_REQUIRED',
          `${zhLabel(reason.field)}含“${reason.labels.join('”或“')}”时，${zhLabel(f)}必填`,
          `${enLabel(f)} is required when ${enLabel(reason.field)} includes ${reason.codes.join(' or ')}`,
        )
    }
  },

  COLLECTION_MISSING_COLUMN: (f: FieldLabel) =>
    error(
      'COLLECTION_MISSING_COLUMN',
      `缺少必填列${zhLabel(f)}：每一行都将因此被退回，请按模板补充该列`,
      `The required column ${enLabel(f)} is missing: every row will be rejected until the column is added`,
    ),

  COLLECTION_DATE_INVALID: (f: FieldLabel, value: string, problem: DateProblem, date?: string) => {
    const v = q(value)
    switch (problem) {
      case 'impossible':
        return error(
          'COLLECTION_DATE_INVALID',
          `${zhLabel(f)}不是有效日期：${v}（${date ?? v} 不存在）`,
          `${enLabel(f)} is not a valid date: ${v} (${date ?? v} does not exist)`,
        )
      case 'excel_fake_leap_day':
        return error(
          'COLLECTION_DATE_INVALID',
          `${zhLabel(f)}不是有效日期：${v}（Excel 日期序号 60 对应不存在的 1900-02-29）`,
          `${enLabel(f)} is not a valid date: ${v} (Excel serial 60 is the non-existent 1900-02-29)`,
        )
      case 'excel_serial_range':
        return error(
          'COLLECTION_DATE_INVALID',
          `${zhLabel(f)}不是有效日期：${v}（作为 Excel 日期序号应在 1 至 2958465 之间；${DATE_FORMS_ZH}）`,
          `${enLabel(f)} is not a valid date: ${v} (as an Excel serial it must be 1 to 2958465; ${DATE_FORMS_EN})`,
        )
      case 'placeholder':
        return error(
          'COLLECTION_DATE_INVALID',
          `${zhLabel(f)}不是有效日期：${v}（没有日期时请留空，不要填“${v}”）`,
          `${enLabel(f)} is not a valid date: ${v} (leave the cell empty when there is no date)`,
        )
      case 'format':
        return error('COLLECTION_DATE_INVALID', `${zhLabel(f)}不是有效日期：${v}（${DATE_FORMS_ZH}）`, `${enLabel(f)} is not a valid date: ${v} (${DATE_FORMS_EN})`)
    }
  },

  COLLECTION_DATE_OUT_OF_RANGE: (f: FieldLabel, value: string, date: string, min: string, max: string, excelSerial?: number) => {
    const readZh = excelSerial === undefined ? (value.trim() === date ? '' : `（读作 ${date}）`) : `（按 Excel 日期序号读作 ${date}）`
    const readEn = excelSerial === undefined ? (value.trim() === date ? '' : ` (read as ${date})`) : ` (read as Excel serial: ${date})`
    return error(
      'COLLECTION_DATE_OUT_OF_RANGE',
      `${zhLabel(f)}超出合理范围 ${min} 至 ${max}：${q(value)}${readZh}`,
      `${enLabel(f)} is outside the plausible range ${min} to ${max}: ${q(value)}${readEn}`,
    )
  },

  COLLECTION_AMOUNT_INVALID: (f: FieldLabel, value: string, problem: AmountProblem, unit?: string) => {
    const v = q(value)
    const [zh, en] =
      problem === 'negative'
        ? ['金额不能为负数', 'amounts cannot be negative']
        : problem === 'too_many_decimals'
          ? [`最多保留 6 位小数${f.unit ? `（单位${f.unit}）` : ''}`, `at most 6 decimals${f.unit ? ` (unit ${f.unit})` : ''}`]
          : problem === 'too_large'
            ? ['整数部分超过 18 位', 'more than 18 integer digits']
            : problem === 'unit'
              ? [`单位“${unit ?? ''}”与本字段${f.unit ? `的单位“${f.unit}”` : '（不带单位）'}不符，请只填数字`, `the unit ${unit ?? ''} does not fit this field${f.unit ? ` (unit ${f.unit})` : ''}; write the number only`]
              : problem === 'placeholder'
                ? [`没有金额时请留空，不要填“${v}”`, 'leave the cell empty when there is no amount']
                : [`应为阿拉伯数字${f.unit ? `，单位${f.unit}` : ''}`, `expected a number in digits${f.unit ? ` in ${f.unit}` : ''}`]
    return error('COLLECTION_AMOUNT_INVALID', `${zhLabel(f)}不是有效金额：${v}（${zh}）`, `${enLabel(f)} is not a valid amount: ${v} (${en})`)
  },

  COLLECTION_AMOUNT_CHINESE_NUMERAL: (f: FieldLabel, value: string) =>
    error(
      'COLLECTION_AMOUNT_CHINESE_NUMERAL',
      `${zhLabel(f)}使用了中文数字：${q(value)}，请改用阿拉伯数字填写${f.unit === '万元' ? '（单位万元，如 2000 元填 0.2）' : f.unit ? `（单位${f.unit}）` : ''}`,
      `${enLabel(f)} is written in Chinese numerals: ${q(value)}; write it in digits${f.unit === '万元' ? ' (in 万元, 10,000 yuan: 2,000 yuan is 0.2)' : f.unit ? ` (in ${f.unit})` : ''}`,
    ),

  COLLECTION_CODE_UNKNOWN: (f: FieldLabel, value: string, part: string, tableName: string, allowed: string) =>
    error(
      'COLLECTION_CODE_UNKNOWN',
      `${zhLabel(f)}的取值“${q(part)}”不在代码表“${tableName}”中${part === value ? '' : `（单元格内容：${q(value)}）`}；可填代码或名称：${allowed}`,
      `${enLabel(f)}: '${q(part)}' is not in code table ${tableName}${part === value ? '' : ` (cell: ${q(value)})`}; use a code or a label: ${allowed}`,
    ),

  COLLECTION_IDENTIFIER_MASKED: (f: FieldLabel, value: string) =>
    error(
      'COLLECTION_IDENTIFIER_MASKED',
      `${zhLabel(f)}含有脱敏字符“*”：${q(value)}。脱敏的号码无法关联信用主体，请报送完整号码（平台加密存储，公开时再脱敏）`,
      `${enLabel(f)} is masked ('*'): ${q(value)}. A masked number cannot be linked to a subject; send the full number (it is stored encrypted and masked on display)`,
    ),

  COLLECTION_IDENTIFIER_INVALID: (f: FieldLabel, value: string, cause: IdentifierMessage) =>
    error(
      'COLLECTION_IDENTIFIER_INVALID',
      `${zhLabel(f)}无效：${q(value)}，${cause.zh}（${cause.code}）`,
      `${enLabel(f)} is invalid: ${q(value)}: ${cause.en} (${cause.code})`,
    ),

  COLLECTION_TOO_LONG: (f: FieldLabel, value: string, max: number, actual: number) =>
    error(
      'COLLECTION_TOO_LONG',
      `${zhLabel(f)}超过最大长度 ${max} 个字符（实际 ${actual} 个）：${q(value, 30)}`,
      `${enLabel(f)} is longer than ${max} characters (${actual}): ${q(value, 30)}`,
    ),

  COLLECTION_PATTERN: (f: FieldLabel, value: string, pattern: string) =>
    error(
      'COLLECTION_PATTERN',
      `${zhLabel(f)}的格式不正确：${q(value)}（应符合 ${pattern}）`,
      `${enLabel(f)} has the wrong format: ${q(value)} (expected to match ${pattern})`,
    ),

  COLLECTION_TYPE: (f: FieldLabel, value: string, expected: 'integer' | 'boolean', chineseNumeral = false) =>
    expected === 'integer'
      ? error(
          'COLLECTION_TYPE',
          `${zhLabel(f)}应为整数${chineseNumeral ? '，请改用阿拉伯数字' : ''}：${q(value)}`,
          `${enLabel(f)} must be a whole number${chineseNumeral ? ' in digits' : ''}: ${q(value)}`,
        )
      : error('COLLECTION_TYPE', `${zhLabel(f)}应填“是”或“否”：${q(value)}`, `${enLabel(f)} must be 是/否 (yes/no): ${q(value)}`),

  COLLECTION_LEGAL_REPRESENTATIVE_REQUIRED: (f: FieldLabel, individualBusiness: boolean) =>
    individualBusiness
      ? error(
          'COLLECTION_LEGAL_REPRESENTATIVE_REQUIRED',
          `行政相对人为有统一社会信用代码的个体工商户时，${zhLabel(f)}必填（填经营者姓名）`,
          `${enLabel(f)} is required for an individual business with a USCC (its operator)`,
        )
      : error(
          'COLLECTION_LEGAL_REPRESENTATIVE_REQUIRED',
          `行政相对人为法人或非法人组织时，${zhLabel(f)}必填`,
          `${enLabel(f)} is required when the counterparty is an organisation`,
        ),

  COLLECTION_DATE_ORDER: (later: FieldLabel, laterDate: string, earlier: FieldLabel, earlierDate: string) =>
    error(
      'COLLECTION_DATE_ORDER',
      `${zhLabel(later)} ${laterDate} 早于${zhLabel(earlier)} ${earlierDate}`,
      `${enLabel(later)} ${laterDate} is before ${enLabel(earlier)} ${earlierDate}`,
    ),

  COLLECTION_EXCLUDED_SIMPLE_PROCEDURE: (inferred: { categories: string; categoriesEn: string; fine: string | null } | null) =>
    inferred === null
      ? error(
          'COLLECTION_EXCLUDED_SIMPLE_PROCEDURE',
          '对自然人适用简易程序作出的行政处罚不予归集（《河南省社会信用条例》第十三条第三款）',
          'Penalties on natural persons decided under the simple procedure are not collected (Henan Social Credit Regulation, Art. 13 ¶3)',
        )
      : error(
          'COLLECTION_EXCLUDED_SIMPLE_PROCEDURE',
          `对自然人适用简易程序作出的行政处罚不予归集（《河南省社会信用条例》第十三条第三款）：处罚类别为${inferred.categories}${inferred.fine === null ? '' : `，罚款 ${inferred.fine} 万元不超过 200 元`}，属于可当场作出的处罚（《行政处罚法》第五十一条）。如实际适用普通程序，请在“处罚程序”列填写“普通程序”`,
          `Penalties on natural persons decided under the simple procedure are not collected (Henan Social Credit Regulation, Art. 13 ¶3): the penalty is ${inferred.categoriesEn}${inferred.fine === null ? '' : ` with a fine of ${inferred.fine} × 10,000 yuan, at most 200 yuan`}, which may be decided on the spot (Administrative Penalty Law, Art. 51). If the ordinary procedure was used, put 普通程序 in the 处罚程序 (penalty procedure) column`,
        ),

  COLLECTION_SUBJECT_CATEGORY: (
    problem: 'unknown' | 'person_with_uscc' | 'individual_business_uscc' | 'not_in_item',
    context: { category?: FieldLabel; uscc?: string; kind?: { zh: string; en: string }; item?: string } = {},
  ) => {
    const cat = context.category ? zhLabel(context.category) : '行政相对人类别'
    const catEn = context.category ? enLabel(context.category) : 'counterparty category'
    const uscc = context.uscc ?? ''
    switch (problem) {
      case 'unknown':
        return error(
          'COLLECTION_SUBJECT_CATEGORY',
          `无法判断行政相对人是法人及非法人组织、个体工商户还是自然人：请填写${cat}，或填写统一社会信用代码或证件号码`,
          `Cannot tell whether the counterparty is an organisation, an individual business or a natural person: fill in ${catEn}, or give a USCC or an ID number`,
        )
      case 'person_with_uscc':
        return error(
          'COLLECTION_SUBJECT_CATEGORY',
          `${cat}为自然人，但填写了统一社会信用代码 ${uscc}：自然人没有统一社会信用代码，请核对类别（个体工商户填“个体工商户”）`,
          `${catEn} says natural person, but a USCC (${uscc}) is given: persons have none; check the category (use 个体工商户 for individual businesses)`,
        )
      case 'individual_business_uscc':
        return error(
          'COLLECTION_SUBJECT_CATEGORY',
          `${cat}为个体工商户，但统一社会信用代码 ${uscc} 不是个体工商户的代码（个体工商户的代码以 92 开头）`,
          `${catEn} says individual business, but USCC ${uscc} is not one (individual businesses' codes start with 92)`,
        )
      case 'not_in_item':
        return error(
          'COLLECTION_SUBJECT_CATEGORY',
          `目录项“${context.item ?? ''}”不归集${context.kind?.zh ?? ''}的信息，请核对${cat}`,
          `Catalog item ${context.item ?? ''} does not collect records about ${context.kind?.en ?? ''}; check ${catEn}`,
        )
    }
  },

  COLLECTION_EXTRA_VALUES: (values: number, headers: number, firstExtra: string) =>
    error(
      'COLLECTION_EXTRA_VALUES',
      `本行有 ${values} 个值，多于表头的 ${headers} 列，多出的内容无法对应到任何列：${q(firstExtra)}（常见原因：内容中含未加引号的逗号）`,
      `The row has ${values} values but the header has ${headers} columns; the extra values belong to no column: ${q(firstExtra)} (often an unquoted comma inside a value)`,
    ),

  COLLECTION_CONFLICTING_VALUES: (f: FieldLabel, headers: string[], values: string[]) =>
    error(
      'COLLECTION_CONFLICTING_VALUES',
      `列“${headers.join('”和“')}”都对应${zhLabel(f)}，但本行的值不同：${values.map((v) => q(v, 30)).join(' / ')}`,
      `Columns ${headers.join(', ')} all mean ${enLabel(f)} but hold different values in this row: ${values.map((v) => q(v, 30)).join(' / ')}`,
    ),

  COLLECTION_ROW_UNREADABLE: (reason: string) =>
    error('COLLECTION_ROW_UNREADABLE', `本行无法读取：${q(reason)}`, `The row cannot be read: ${q(reason)}`),

  COLLECTION_CONTROL_CHARACTER: (header: string) =>
    error('COLLECTION_CONTROL_CHARACTER', `列“${q(header)}”含有不可见的控制字符`, `Column '${q(header)}' contains a control character`),

  // Warnings.
  COLLECTION_NAME_DIFFERS: (header: string, value: string, registered: string) =>
    warning(
      'COLLECTION_NAME_DIFFERS',
      `${q(header)}“${q(value)}”与平台登记的名称“${q(registered)}”不一致，已记为别名`,
      `${q(header)} '${q(value)}' differs from the registered name '${q(registered)}'; recorded as an alias`,
    ),

  COLLECTION_DUPLICATE_IN_BATCH: (key: string) =>
    warning('COLLECTION_DUPLICATE_IN_BATCH', `本批次中业务主键 ${q(key)} 出现多次，以后出现的行为准（各行均保留为版本）`, `Business key ${q(key)} appears more than once in this batch; the later row is current (each row is kept as a version)`),

  COLLECTION_UNKNOWN_COLUMN: (header: string, itemName: string) =>
    warning(
      'COLLECTION_UNKNOWN_COLUMN',
      `列“${q(header)}”不是目录项“${itemName}”的字段，该列内容不予归集`,
      `Column '${q(header)}' is not a field of catalog item ${itemName}; its values are not collected`,
    ),

  COLLECTION_DUPLICATE_COLUMN: (f: FieldLabel, headers: string[]) =>
    warning(
      'COLLECTION_DUPLICATE_COLUMN',
      `列“${headers.join('”和“')}”都对应${zhLabel(f)}：取第一个非空的值，值不同的行将被退回`,
      `Columns ${headers.join(', ')} all mean ${enLabel(f)}: the first non-empty value is used; rows where they differ are rejected`,
    ),

  COLLECTION_FINE_LOOKS_LIKE_YUAN: (f: FieldLabel, value: string, reason: { yuanInText: string } | { threshold: string }) =>
    'yuanInText' in reason
      ? warning(
          'COLLECTION_FINE_LOOKS_LIKE_YUAN',
          `${zhLabel(f)}为 ${value} 万元，与处罚内容中的“${reason.yuanInText}元”数字相同，可能误按元填写：单位为万元，${reason.yuanInText} 元应填 ${shiftLeft4(reason.yuanInText)}`,
          `${enLabel(f)} is ${value} (in 10,000 yuan), the same figure as '${reason.yuanInText}元' in the penalty content: probably yuan; ${reason.yuanInText} yuan is ${shiftLeft4(reason.yuanInText)}`,
        )
      : warning(
          'COLLECTION_FINE_LOOKS_LIKE_YUAN',
          `${zhLabel(f)}为 ${value} 万元（不少于 ${reason.threshold} 万元），请核对是否误按元填写：单位为万元，2000 元应填 0.2`,
          `${enLabel(f)} is ${value} × 10,000 yuan (at least ${reason.threshold}): check it was not given in yuan; 2,000 yuan is 0.2`,
        ),

  COLLECTION_UNIT_CONVERTED: (f: FieldLabel, value: string, result: string, from: string, to: string) =>
    warning(
      'COLLECTION_UNIT_CONVERTED',
      `${zhLabel(f)}“${q(value)}”按${from}填写，已换算为 ${result} ${to}`,
      `${enLabel(f)} '${q(value)}' was given in ${from} and converted to ${result} ${to}`,
    ),

  COLLECTION_DIVISION_UNKNOWN: (f: FieldLabel, value: string, cause: IdentifierMessage) =>
    warning('COLLECTION_DIVISION_UNKNOWN', `${zhLabel(f)} ${q(value)}：${cause.zh}`, `${enLabel(f)} ${q(value)}: ${cause.en}`),
} as const

/** The value of a normalised decimal divided by 10,000 (yuan → 万元), exact. */
function shiftLeft4(decimal: string): string {
  const dot = decimal.indexOf('.')
  const int = dot < 0 ? decimal : decimal.slice(0, dot)
  const frac = dot < 0 ? '' : decimal.slice(dot + 1)
  const padded = int.padStart(5, '0')
  const newInt = padded.slice(0, -4).replace(/^0+(?=\d)/u, '')
  const newFrac = (padded.slice(-4) + frac).replace(/0+$/u, '')
  return newFrac === '' ? newInt : `${newInt}.${newFrac}`
}

/** Places a message at a row (1 = the header) and column. */
export const toIssue = (row: number, column: string | null, value: string | null, m: CollectionMessage): RowIssue => ({
  row,
  column,
  value,
  code: m.code,
  message: m.zh,
  message_en: m.en,
  severity: m.severity,
})
