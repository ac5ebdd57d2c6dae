/**
 * The pure row validator of collection (归集): one row of strings, checked against the catalog
 * item version in force, becomes a normalised record — or is rejected with every issue it has.
 *
 * createRowValidator resolves the header once (unknown columns → one warning each; a required
 * column missing → one header error, and every row then also carries COLLECTION_REQUIRED for it;
 * legacy multi-column fields such as 处罚类别1/处罚类别2 → CF_CFLB merged) and precomputes per field
 * its parser, code index, caches and messages. validate() then costs a few microseconds a row: no
 * I/O, no clock (today is a parameter), few allocations, caches for the low-cardinality columns
 * (codes, authority USCCs). It never throws.
 *
 * What a row goes through:
 *
 * 1. Values: empty means blank or a null literal (values/empty.ts). Text is trimmed and checked
 *    against maxLength (in characters) and pattern; dates, amounts, integers and booleans are parsed
 *    (values/*.ts); codes match a code table by code, label or alias ('codes' split on , ; 、 |);
 *    USCCs and resident ID numbers go through the identifier validators; any '*' in an identifier
 *    column means a masked number, which cannot be linked: COLLECTION_IDENTIFIER_MASKED.
 * 2. ID numbers follow their type column (证件类型): 01 身份证 → validated as a resident ID number
 *    (lower-case x fixed, 15-digit numbers upgraded to 18); other types → any number of at most 32
 *    characters. Without a type column (legacy XDR_SFZ) the number is a resident ID number and the
 *    type is recorded as 01; with the type cell empty, a number shaped like one (15 or 18
 *    characters) is validated as one.
 * 3. Subject kind: from 行政相对人类别 when given (01 自然人, 02/03 法人及非法人组织, 04 个体工商户;
 *    a 92… USCC makes an organisation an individual business); otherwise inferred — a USCC →
 *    organisation (92… → individual business), an ID number → natural person, another organisation
 *    identifier → organisation, and an item that has only one kind of subject → that kind.
 *    Inconsistent (自然人 with a USCC, 个体工商户 with a non-92 USCC) or undecidable categories, and
 *    kinds the item does not collect, are COLLECTION_SUBJECT_CATEGORY.
 * 4. Requirements: 'required' always; 'required_for_organisation' for organisations and for
 *    individual businesses with a USCC; 'required_for_person' for natural persons and individual
 *    businesses without one; requiredWhen on top. A missing legal representative of an
 *    organisation is COLLECTION_LEGAL_REPRESENTATIVE_REQUIRED (the catalog decides whether the item
 *    requires it).
 * 5. Cross-field rules: publicity end ≥ decision date, valid to ≥ valid from (COLLECTION_DATE_ORDER);
 *    河南条例第十三条第三款 for penalty items (see isSimpleProcedure below); fine plausibility warnings.
 * 6. The record: payload (every field of the item, null when empty; dates YYYY-MM-DD, amounts as
 *    decimal strings, codes as codes, code lists sorted), subject reference, business key, content
 *    hash (recordContentHash: key fields hashed in their normalised form, so 〔2024〕 and (2024)
 *    resubmissions are unchanged), role dates, and revoked when the status field says 无效/撤销
 *    (record_status 2 or 3).
 *
 * Open-ended validity: in a valid_to field, 长期/永久/无固定期限 … and the sentinel dates 9999-12-31 and
 * 2099-12-31 (the penalty standard's "no definite term") count as present and are stored as null
 * (open-ended), so a required valid-to column accepts them.
 */
import type { CatalogField, CatalogItemDefinition, CodeTable, FieldRole, Requirement } from '../catalog/catalog.ts'
import { buildCodeIndex, normalizeHeader, resolveHeaders, splitCodes, type HeaderResolution } from '../catalog/header-index.ts'
import { AppError } from '../errors.ts'
import { findDivision, identifierMessages, identify, normalizeCode, upgradeResidentId15, type IdentifierMessage } from '../identifiers/index.ts'
import { subjectKindLabels } from '../subjects/subject-kind.ts'
import { BUSINESS_KEY_SEPARATOR, keyPartText, normalizeKeyPart } from './business-key.ts'
import { collectionMessages as M, toIssue, type CollectionMessage } from './collection-errors.ts'
import type { PayloadValue, RowIssue, RowOutcome, SourceRow, SubjectReference, ValidatedRecord } from './collection.ts'
import { hashCanonicalText } from './content-hash.ts'
import { compareDecimals, parseAmount, parseBoolean, parseInteger, yuanFiguresIn } from './values/amounts.ts'
import { codePointLength } from './values/chars.ts'
import { addYears, isIsoDate, MAX_DATE, MIN_PLAUSIBLE_DATE, OPEN_ENDED_DATES, OPEN_ENDED_WORDS, parseDate } from './values/dates.ts'
import { isEmptyValue, isPlaceholderText } from './values/empty.ts'

export interface RowValidatorOptions {
  definition: CatalogItemDefinition
  /** The code tables the item's fields name (an array, or a map by key). */
  codeTables: readonly CodeTable[] | ReadonlyMap<string, CodeTable>
  /** The uploaded header row, as uploaded. */
  headers: readonly string[]
  /** Today, 'YYYY-MM-DD': the plausible-date ceiling and the ID birth-date check depend on it. */
  today: string
  /**
   * Fines (万元) at or above this get COLLECTION_FINE_LOOKS_LIKE_YUAN (default 100, i.e. 1,000,000
   * yuan); fines equal to a yuan figure in the penalty content are flagged whatever their size.
   */
  fineWarningThreshold?: number
}

export interface RowValidator {
  /** Issues of the header row (row 1): missing required columns (errors), unknown and duplicate columns (warnings). */
  readonly headerIssues: RowIssue[]
  /**
   * How the header was read: each uploaded column and the field it feeds (columns.columns), unknown
   * and duplicate headers, merged multi-column fields, missing required columns.
   */
  readonly columns: HeaderResolution
  /** Validates one row; never throws. */
  validate(row: SourceRow): RowOutcome
}

// Field types as small integers for the per-row switch.
const T_TEXT = 0
const T_DATE = 1
const T_DECIMAL = 2
const T_INTEGER = 3
const T_CODE = 4
const T_CODES = 5
const T_USCC = 6
const T_ID = 7
const T_BOOL = 8
const TYPE_NUMBER: Record<CatalogField['type'], number> = {
  text: T_TEXT,
  date: T_DATE,
  decimal: T_DECIMAL,
  integer: T_INTEGER,
  code: T_CODE,
  codes: T_CODES,
  uscc: T_USCC,
  id_number: T_ID,
  boolean: T_BOOL,
}

// Per-field state of the current row.
const S_EMPTY = 0
const S_OK = 1
const S_INVALID = 2
const S_OPEN = 3 // an open-ended valid-to: present, stored as null

// Subject kinds.
const K_UNKNOWN = 0
const K_ORG = 1
const K_IB = 2
const K_NP = 3

const CACHE_LIMIT = 4096
const MAX_OTHER_ID_LENGTH = 32
const WARNING = '010101'
const FINE = '010103'
const SIMPLE_PROCEDURE = '01'
const SIMPLE_FINE_LIMIT = '0.02' // 万元 = 200 yuan, 《行政处罚法》第五十一条 (citizens)
const SIMPLE_FINE_LIMIT_YUAN = '200'
const REVOKED_STATUS_CODES = new Set(['2', '3']) // record_status: 2 无效, 3 撤销
const ORGANISATION_KINDS = new Set([
  'enterprise',
  'farmer_cooperative',
  'public_institution',
  'social_organisation',
  'government_body',
  'rural_collective',
  'other_organisation',
])

interface CodesEntry {
  codes: string[]
  unknown: string[]
}

interface UsccEntry {
  valid: boolean
  normalized: string
  error?: IdentifierMessage
  divisionWarning?: IdentifierMessage
}

interface CField {
  index: number
  field: CatalogField
  key: string
  type: number
  role: FieldRole | undefined
  cols: number[]
  headers: string[]
  /** The column issues name: the first uploaded header, or the field's Chinese name when no column feeds it. */
  column: string
  requirement: Requirement
  whenField: number
  whenCodes: string[]
  maxLength: number
  pattern: RegExp | null
  patternText: string
  unit: string | undefined
  codeIndex: Map<string, string> | null
  codeCache: Map<string, string | null> | null
  codesCache: Map<string, CodesEntry> | null
  tableName: string
  allowed: string
  usccCache: Map<string, UsccEntry> | null
  maskCheck: boolean
  openEnded: boolean
  dateMax: string
  /** For id_number fields: the index of the matching ID type field, −1 if the item has none. */
  idTypeField: number
  /** Canonical-JSON member prefix: '"KEY":'. */
  jsonKey: string
  /** Accepted values never need JSON escaping (dates, amounts, USCCs, codes of a clean table). */
  jsonSafe: boolean
  /** Position in the business key, −1 if not part of it: hashed in its normalised key form (see recordContentHash). */
  keyPosition: number
  reqAlways: CollectionMessage
  reqOrg: CollectionMessage
  reqPerson: CollectionMessage
  reqWhen: CollectionMessage | null
  legalRepOrg: CollectionMessage | null
  legalRepIb: CollectionMessage | null
}

/** Builds the validator for one item version and one uploaded header. Throws AppError on an unusable definition or date. */
export function createRowValidator(options: RowValidatorOptions): RowValidator {
  return new Validator(options)
}

class Validator implements RowValidator {
  readonly headerIssues: RowIssue[] = []
  readonly columns: HeaderResolution
  private readonly def: CatalogItemDefinition
  private readonly fields: CField[]
  private readonly parseOrder: CField[]
  /** Fields that can be required (not optional, or conditionally required). */
  private readonly requirable: CField[]
  private readonly sortedFields: CField[]
  /** The business key's fields, in key order (a key naming no field of the item yields an empty part). */
  private readonly keyFields: CField[]
  private readonly keyParts: string[]
  private readonly makePayload: PayloadMaker
  private readonly headerCount: number
  private readonly todayDate: Date
  private readonly fineThreshold: string
  private readonly roles: Partial<Record<FieldRole, number>> = {}
  private readonly procedureField: number
  private readonly contentField: number
  private readonly statusRevoked: ((value: PayloadValue) => boolean) | null
  private readonly personsAllowed: boolean
  private readonly organisationsAllowed: boolean
  private readonly individualBusinessesAllowed: boolean
  private readonly isPenalty: boolean

  // Per-row state, reused (validate is synchronous).
  private raw: (string | null)[]
  private state: Uint8Array
  private val: PayloadValue[]
  private idTypeUsed: (string | null)[]
  private issues: RowIssue[] | null = null
  private warnings: RowIssue[] | null = null
  private rowNumber = 0

  constructor(options: RowValidatorOptions) {
    const { definition: def, headers, today } = options
    if (typeof today !== 'string' || !isIsoDate(today)) {
      throw new AppError('COLLECTION_TODAY_INVALID', `“今天”应为 YYYY-MM-DD 格式的日期：${String(today)}`, `today must be a YYYY-MM-DD date: ${String(today)}`)
    }
    this.def = def
    this.isPenalty = def.doublePublicity === 'penalty'
    this.todayDate = new Date(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10)))
    const threshold = options.fineWarningThreshold ?? 100
    this.fineThreshold = Number.isFinite(threshold) && threshold >= 0 ? decimalText(threshold) : ''
    const maxOrdinary = addYears(today, 50)

    const tables = new Map<string, CodeTable>()
    if (options.codeTables instanceof Map) for (const [k, t] of options.codeTables) tables.set(k, t)
    else for (const t of options.codeTables as readonly CodeTable[]) tables.set(t.key, t)

    const headerList = Array.from(headers ?? [], (h) => (typeof h === 'string' ? h : h == null ? '' : String(h)))
    this.headerCount = headerList.length
    const resolution = resolveHeaders(def, headerList)
    this.columns = resolution

    const colsByKey = new Map<string, number[]>()
    for (const c of resolution.columns) {
      if (c.fieldKey === null) continue
      const list = colsByKey.get(c.fieldKey)
      if (list) list.push(c.index)
      else colsByKey.set(c.fieldKey, [c.index])
    }
    const indexByKey = new Map(def.fields.map((f, i) => [f.key, i]))
    def.fields.forEach((f, i) => {
      if (f.role !== undefined && this.roles[f.role] === undefined) this.roles[f.role] = i
    })

    this.fields = def.fields.map((f, i): CField => {
      const cols = colsByKey.get(f.key) ?? []
      const type = TYPE_NUMBER[f.type] ?? T_TEXT
      let codeIndex: Map<string, string> | null = null
      let tableName = ''
      let allowed = ''
      if (type === T_CODE || type === T_CODES) {
        const table = f.codeTable === undefined ? undefined : tables.get(f.codeTable)
        if (!table) {
          throw new AppError(
            'COLLECTION_CODE_TABLE_MISSING',
            `字段“${f.name}”（${f.key}）引用的代码表“${f.codeTable ?? ''}”不存在`,
            `Field ${f.key} names code table "${f.codeTable ?? ''}", which was not provided`,
          )
        }
        codeIndex = buildCodeIndex(table)
        tableName = table.name
        const shown = table.entries.slice(0, 20).map((e) => `${e.code} ${e.label}`)
        allowed = shown.join('、') + (table.entries.length > 20 ? '…' : '')
      }
      let pattern: RegExp | null = null
      if (f.pattern !== undefined && (type === T_TEXT || type === T_DECIMAL || type === T_INTEGER)) {
        try {
          pattern = new RegExp(f.pattern, 'u')
        } catch {
          pattern = null // the catalog schema rejects invalid patterns; never fail a file on one
        }
      }
      const when = f.requiredWhen
      const whenField = when ? (indexByKey.get(when.field) ?? -1) : -1
      const whenTarget = whenField >= 0 ? def.fields[whenField] : undefined
      let reqWhen: CollectionMessage | null = null
      if (when && whenTarget) {
        const whenTable = whenTarget.codeTable ? tables.get(whenTarget.codeTable) : undefined
        const labels = when.anyOf.map((code) => whenTable?.entries.find((e) => e.code === code)?.label ?? code)
        reqWhen = M.COLLECTION_REQUIRED(f, { kind: 'when', field: whenTarget, labels, codes: when.anyOf })
      }
      const isLegalRep = f.role === 'legal_representative'
      const identifierRole =
        f.role === 'subject_org_code' || f.role === 'subject_registration_number' || f.role === 'subject_tax_number'
      let idTypeField = -1
      if (type === T_ID) {
        const partnerRole: FieldRole | undefined =
          f.role === 'subject_id_number' ? 'subject_id_type' : f.role === 'legal_representative_id_number' ? 'legal_representative_id_type' : undefined
        if (partnerRole !== undefined) idTypeField = def.fields.findIndex((g) => g.role === partnerRole)
      }
      const farDate = f.role === 'valid_to' || f.role === 'publicity_end'
      return {
        index: i,
        field: f,
        key: f.key,
        type,
        role: f.role,
        cols,
        headers: cols.map((c) => headerList[c] as string),
        column: cols.length > 0 ? (headerList[cols[0] as number] as string) : f.name,
        requirement: f.requirement,
        whenField,
        whenCodes: when?.anyOf ?? [],
        maxLength: typeof f.maxLength === 'number' && f.maxLength > 0 ? f.maxLength : Number.POSITIVE_INFINITY,
        pattern,
        patternText: f.pattern ?? '',
        unit: f.unit,
        codeIndex,
        codeCache: type === T_CODE ? new Map() : null,
        codesCache: type === T_CODES ? new Map() : null,
        tableName,
        allowed,
        // Authority and source-unit USCCs repeat on every row of a file; subjects' rarely do.
        usccCache: type === T_USCC && f.role !== 'subject_uscc' ? new Map() : null,
        maskCheck: type === T_USCC || type === T_ID || identifierRole,
        openEnded: f.role === 'valid_to',
        dateMax: farDate ? MAX_DATE : maxOrdinary,
        idTypeField,
        jsonKey: `${JSON.stringify(f.key)}:`,
        keyPosition: def.businessKey.indexOf(f.key),
        jsonSafe:
          type === T_DATE ||
          type === T_DECIMAL ||
          type === T_USCC ||
          ((type === T_CODE || type === T_CODES) && codeIndex !== null && [...codeIndex.values()].every((c) => JSON.stringify(c) === `"${c}"`)),
        reqAlways: M.COLLECTION_REQUIRED(f),
        reqOrg: M.COLLECTION_REQUIRED(f, { kind: 'organisation' }),
        reqPerson: M.COLLECTION_REQUIRED(f, { kind: 'person' }),
        reqWhen,
        legalRepOrg: isLegalRep ? M.COLLECTION_LEGAL_REPRESENTATIVE_REQUIRED(f, false) : null,
        legalRepIb: isLegalRep ? M.COLLECTION_LEGAL_REPRESENTATIVE_REQUIRED(f, true) : null,
      }
    })
    // ID numbers last: they depend on their type field.
    this.parseOrder = [...this.fields.filter((f) => f.type !== T_ID), ...this.fields.filter((f) => f.type === T_ID)]
    this.requirable = this.fields.filter((f) => f.requirement !== 'optional' || f.reqWhen !== null)
    this.sortedFields = [...this.fields].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    this.makePayload = payloadFactory(this.sortedFields)
    this.keyFields = def.businessKey.map((k) => this.fields.find((f) => f.key === k) ?? ({ index: -1 } as CField))
    this.keyParts = new Array<string>(this.keyFields.length).fill('')

    this.procedureField = def.fields.findIndex((f) => f.codeTable === 'penalty_procedure')
    this.contentField =
      this.roles.fine_amount === undefined
        ? -1
        : def.fields.findIndex((f) => f.type === 'text' && (f.key === 'CF_NR' || f.name === '处罚内容' || f.aliases.includes('处罚内容')))
    const statusIndex = this.roles.status
    const statusField = statusIndex === undefined ? undefined : def.fields[statusIndex]
    if (statusField?.type === 'code' && statusField.codeTable === 'record_status') {
      this.statusRevoked = (v) => typeof v === 'string' && REVOKED_STATUS_CODES.has(v)
    } else if (statusField?.type === 'text' && tables.has('record_status')) {
      const index = buildCodeIndex(tables.get('record_status') as CodeTable)
      this.statusRevoked = (v) => typeof v === 'string' && REVOKED_STATUS_CODES.has(index.get(normalizeHeader(v)) ?? '')
    } else {
      this.statusRevoked = null
    }
    this.personsAllowed = def.subjectKinds.includes('natural_person')
    this.individualBusinessesAllowed = def.subjectKinds.includes('individual_business')
    this.organisationsAllowed = def.subjectKinds.some((k) => ORGANISATION_KINDS.has(k))

    const n = this.fields.length
    this.raw = new Array<string | null>(n).fill(null)
    this.state = new Uint8Array(n)
    this.val = new Array<PayloadValue>(n).fill(null)
    this.idTypeUsed = new Array<string | null>(n).fill(null)

    // Header issues: missing required columns (errors), duplicate and unknown columns (warnings).
    const fieldByKey = new Map(def.fields.map((f) => [f.key, f]))
    for (const key of resolution.missingRequired) {
      const f = fieldByKey.get(key)
      if (f) this.headerIssues.push(toIssue(1, f.name, null, M.COLLECTION_MISSING_COLUMN(f)))
    }
    for (const d of resolution.duplicates) {
      const f = fieldByKey.get(d.fieldKey)
      if (f) this.headerIssues.push(toIssue(1, d.headers[0] ?? f.name, null, M.COLLECTION_DUPLICATE_COLUMN(f, d.headers)))
    }
    for (const h of resolution.unknown) this.headerIssues.push(toIssue(1, h, null, M.COLLECTION_UNKNOWN_COLUMN(h, def.name)))
  }

  validate = (row: SourceRow): RowOutcome => {
    this.issues = null
    this.warnings = null
    try {
      return this.run(row)
    } catch (e) {
      const rowNumber = typeof row?.rowNumber === 'number' ? row.rowNumber : 0
      const reason = e instanceof Error ? e.message : String(e)
      return { ok: false, issues: [toIssue(rowNumber, null, null, M.COLLECTION_ROW_UNREADABLE(reason))], warnings: [] }
    }
  }

  private error(column: string | null, value: string | null, m: CollectionMessage): void {
    ;(this.issues ??= []).push(toIssue(this.rowNumber, column, value, m))
  }

  private warn(column: string | null, value: string | null, m: CollectionMessage): void {
    ;(this.warnings ??= []).push(toIssue(this.rowNumber, column, value, m))
  }

  private run(row: SourceRow): RowOutcome {
    this.rowNumber = row.rowNumber
    const values: readonly unknown[] = Array.isArray(row.values) ? row.values : []
    const { fields, raw, state, val, idTypeUsed } = this

    // Values beyond the header.
    if (values.length > this.headerCount) {
      let first = -1
      let last = -1
      for (let c = this.headerCount; c < values.length; c++) {
        if (!isEmptyValue(cell(values[c]))) {
          if (first < 0) first = c
          last = c
        }
      }
      if (first >= 0) this.error(null, cell(values[first]), M.COLLECTION_EXTRA_VALUES(last + 1, this.headerCount, cell(values[first])))
    }

    // Gather and parse; ID numbers last, as they depend on their type field.
    for (let i = 0; i < fields.length; i++) {
      state[i] = S_EMPTY
      val[i] = null
      idTypeUsed[i] = null
      raw[i] = null
    }
    const order = this.parseOrder
    for (let k = 0; k < order.length; k++) {
      const f = order[k] as CField
      const cols = f.cols
      if (cols.length === 0) continue
      let v: string | null
      if (cols.length === 1) {
        const x = values[cols[0] as number]
        const s = typeof x === 'string' ? x : cell(x)
        v = isEmptyValue(s) ? null : s
      } else {
        v = this.gatherSeveral(f, values)
      }
      raw[f.index] = v
      if (v === null || state[f.index] === S_INVALID) continue // invalid: conflicting duplicate columns
      if (f.type === T_CODES && cols.length > 1) this.parseMergedCodes(f, values)
      else this.parse(f, v)
    }

    // Subject kind and requirements.
    const kind = this.subjectKind()
    const usccIndex = this.roles.subject_uscc
    const usccPresent = usccIndex !== undefined && raw[usccIndex] !== null
    const orgLike = kind === K_ORG || (kind === K_IB && usccPresent)
    const personLike = kind === K_NP || (kind === K_IB && !usccPresent)
    const requirable = this.requirable
    for (let k = 0; k < requirable.length; k++) {
      const f = requirable[k] as CField
      if (state[f.index] !== S_EMPTY) continue
      let m: CollectionMessage | null = null
      switch (f.requirement) {
        case 'required':
          m = f.reqAlways
          break
        case 'required_for_organisation':
          if (orgLike) m = f.reqOrg
          break
        case 'required_for_person':
          if (personLike) m = f.reqPerson
          break
      }
      if (m === null && f.whenField >= 0 && f.reqWhen !== null && state[f.whenField] === S_OK && includesAny(val[f.whenField] ?? null, f.whenCodes)) {
        m = f.reqWhen
      }
      if (m === null) continue
      if (f.legalRepOrg !== null && orgLike && m !== f.reqWhen) m = kind === K_IB ? (f.legalRepIb as CollectionMessage) : f.legalRepOrg
      this.error(f.column, null, m)
    }

    // Cross-field rules.
    this.dateOrder('publicity_end', 'decision_date')
    this.dateOrder('valid_to', 'valid_from')
    const yuanInText = this.finePlausibility()
    if (this.isPenalty && kind === K_NP) this.simpleProcedure(yuanInText)

    if (this.issues !== null) return { ok: false, issues: this.issues, warnings: this.warnings ?? [] }
    return { ok: true, record: this.record(row.rowNumber, kind) }
  }

  /** Several single-valued columns for one field: the first non-empty value; differing values are an error. */
  private gatherSeveral(f: CField, values: readonly unknown[]): string | null {
    if (f.type === T_CODES) {
      for (const c of f.cols) {
        const v = cell(values[c])
        if (!isEmptyValue(v)) return v
      }
      return null
    }
    let first: string | null = null
    let firstHeader = f.column
    let firstTrim = ''
    let conflict: string[] | null = null
    let conflictHeaders: string[] | null = null
    for (let k = 0; k < f.cols.length; k++) {
      const v = cell(values[f.cols[k] as number])
      if (isEmptyValue(v)) continue
      if (first === null) {
        first = v
        firstHeader = f.headers[k] ?? f.column
        firstTrim = v.trim()
        continue
      }
      if (v.trim() !== firstTrim) {
        conflict ??= [first]
        conflictHeaders ??= [firstHeader]
        conflict.push(v)
        conflictHeaders.push(f.headers[k] ?? f.column)
      }
    }
    if (conflict !== null && conflictHeaders !== null) {
      this.error(f.column, first, M.COLLECTION_CONFLICTING_VALUES(f.field, conflictHeaders, conflict))
      this.state[f.index] = S_INVALID
    }
    return first
  }

  private parse(f: CField, v: string): void {
    const i = f.index
    const { state, val } = this
    switch (f.type) {
      case T_TEXT: {
        const t = v.trim()
        if (f.maskCheck && isMasked(t)) return this.invalid(f, v, M.COLLECTION_IDENTIFIER_MASKED(f.field, v))
        if (t.length > f.maxLength) {
          const n = codePointLength(t)
          if (n > f.maxLength) return this.invalid(f, v, M.COLLECTION_TOO_LONG(f.field, v, f.maxLength, n))
        }
        if (f.pattern !== null && !f.pattern.test(t)) return this.invalid(f, v, M.COLLECTION_PATTERN(f.field, v, f.patternText))
        state[i] = S_OK
        val[i] = t
        return
      }
      case T_DATE: {
        if (f.openEnded && OPEN_ENDED_WORDS.has(v.trim())) {
          state[i] = S_OPEN
          return
        }
        const p = parseDate(v)
        if (!p.ok) {
          const problem = p.reason === 'format' && isPlaceholderText(v) ? 'placeholder' : p.reason
          return this.invalid(f, v, M.COLLECTION_DATE_INVALID(f.field, v, problem, p.date))
        }
        if (f.openEnded && OPEN_ENDED_DATES.has(p.date)) {
          state[i] = S_OPEN
          return
        }
        if (p.date < MIN_PLAUSIBLE_DATE || p.date > f.dateMax) {
          return this.invalid(f, v, M.COLLECTION_DATE_OUT_OF_RANGE(f.field, v, p.date, MIN_PLAUSIBLE_DATE, f.dateMax, p.excelSerial))
        }
        state[i] = S_OK
        val[i] = p.date
        return
      }
      case T_DECIMAL: {
        const r = parseAmount(v, { unit: f.unit })
        if (!r.ok) {
          if (r.reason === 'chinese_numeral') return this.invalid(f, v, M.COLLECTION_AMOUNT_CHINESE_NUMERAL(f.field, v))
          const problem = r.reason === 'format' && isPlaceholderText(v) ? 'placeholder' : r.reason
          return this.invalid(f, v, M.COLLECTION_AMOUNT_INVALID(f.field, v, problem, r.unit))
        }
        if (f.pattern !== null && !f.pattern.test(r.value)) return this.invalid(f, v, M.COLLECTION_PATTERN(f.field, v, f.patternText))
        if (r.convertedFrom !== undefined) {
          this.warn(f.column, v, M.COLLECTION_UNIT_CONVERTED(f.field, v, r.value, r.convertedFrom, f.unit ?? ''))
        }
        state[i] = S_OK
        val[i] = r.value
        return
      }
      case T_INTEGER: {
        const r = parseInteger(v)
        if (!r.ok) return this.invalid(f, v, M.COLLECTION_TYPE(f.field, v, 'integer', r.reason === 'chinese_numeral'))
        if (f.pattern !== null && !f.pattern.test(String(r.value))) return this.invalid(f, v, M.COLLECTION_PATTERN(f.field, v, f.patternText))
        state[i] = S_OK
        val[i] = r.value
        return
      }
      case T_BOOL: {
        const r = parseBoolean(v)
        if (!r.ok) return this.invalid(f, v, M.COLLECTION_TYPE(f.field, v, 'boolean'))
        state[i] = S_OK
        val[i] = r.value
        return
      }
      case T_CODE: {
        const code = this.lookupCode(f, v)
        if (code === null) return this.invalid(f, v, M.COLLECTION_CODE_UNKNOWN(f.field, v, v.trim(), f.tableName, f.allowed))
        state[i] = S_OK
        val[i] = code
        return
      }
      case T_CODES: {
        const e = this.lookupCodes(f, v)
        if (e.unknown.length > 0) {
          for (const u of e.unknown) this.invalid(f, v, M.COLLECTION_CODE_UNKNOWN(f.field, v, u, f.tableName, f.allowed))
          return
        }
        if (e.codes.length === 0) return // only separators: empty
        state[i] = S_OK
        val[i] = e.codes.slice()
        return
      }
      case T_USCC: {
        if (isMasked(v)) return this.invalid(f, v, M.COLLECTION_IDENTIFIER_MASKED(f.field, v))
        const e = this.checkUscc(f, v)
        if (!e.valid) return this.invalid(f, v, M.COLLECTION_IDENTIFIER_INVALID(f.field, v, e.error as IdentifierMessage))
        if (e.divisionWarning !== undefined) this.warn(f.column, v, M.COLLECTION_DIVISION_UNKNOWN(f.field, v, e.divisionWarning))
        state[i] = S_OK
        val[i] = e.normalized
        return
      }
      case T_ID: {
        if (isMasked(v)) return this.invalid(f, v, M.COLLECTION_IDENTIFIER_MASKED(f.field, v))
        // Which document: the type column's code, 01 when the item has a type field but the file no column.
        let type: string | null = null
        if (f.idTypeField >= 0) {
          const tf = this.fields[f.idTypeField] as CField
          const ts = state[f.idTypeField]
          if (tf.cols.length === 0) {
            // No type column (legacy XDR_SFZ): the type is 01 身份证, as the catalog says.
            type = '01'
            state[f.idTypeField] = S_OK
            val[f.idTypeField] = '01'
          }
          else if (ts === S_OK) type = val[f.idTypeField] as string
          else if (ts === S_INVALID) type = '?'
        }
        const normalized = normalizeCode(v)
        if (type === null && looksLikeResidentId(normalized)) type = '01'
        if (type === '01') {
          const r = identify(v, { expect: 'resident_id', details: false, today: this.todayDate })
          if (!r.valid) return this.invalid(f, v, M.COLLECTION_IDENTIFIER_INVALID(f.field, v, r.error ?? identifierMessages.IDENTIFIER_EMPTY()))
          val[i] = r.normalized.length === 15 ? upgradeResidentId15(r.normalized) : r.normalized
          this.idTypeUsed[i] = '01'
        } else {
          if (normalized.length > MAX_OTHER_ID_LENGTH) {
            return this.invalid(f, v, M.COLLECTION_IDENTIFIER_INVALID(f.field, v, otherIdTooLong(normalized.length)))
          }
          val[i] = normalized
          this.idTypeUsed[i] = type === '?' ? null : type
        }
        state[i] = S_OK
        return
      }
    }
  }

  private invalid(f: CField, value: string, m: CollectionMessage): void {
    this.state[f.index] = S_INVALID
    this.val[f.index] = null
    this.error(f.column, value, m)
  }

  /** 'codes' fed by several columns (legacy 处罚类别1/处罚类别2): every column's codes, merged. */
  private parseMergedCodes(f: CField, values: readonly unknown[]): void {
    let codes: string[] | null = null
    let bad = false
    for (let k = 0; k < f.cols.length; k++) {
      const v = cell(values[f.cols[k] as number])
      if (isEmptyValue(v)) continue
      const e = this.lookupCodes(f, v)
      for (const u of e.unknown) {
        bad = true
        this.error(f.headers[k] ?? f.column, v, M.COLLECTION_CODE_UNKNOWN(f.field, v, u, f.tableName, f.allowed))
      }
      for (const c of e.codes) {
        codes ??= []
        if (!codes.includes(c)) codes.push(c)
      }
    }
    if (bad) {
      this.state[f.index] = S_INVALID
      this.val[f.index] = null
    } else if (codes !== null) {
      this.state[f.index] = S_OK
      this.val[f.index] = codes.sort()
    }
  }

  private lookupCode(f: CField, v: string): string | null {
    const cache = f.codeCache as Map<string, string | null>
    const hit = cache.get(v)
    if (hit !== undefined) return hit
    const code = (f.codeIndex as Map<string, string>).get(normalizeHeader(v)) ?? null
    if (cache.size < CACHE_LIMIT) cache.set(v, code)
    return code
  }

  private lookupCodes(f: CField, v: string): CodesEntry {
    const cache = f.codesCache as Map<string, CodesEntry>
    const hit = cache.get(v)
    if (hit !== undefined) return hit
    const index = f.codeIndex as Map<string, string>
    const codes: string[] = []
    const unknown: string[] = []
    for (const part of splitCodes(v)) {
      const code = index.get(normalizeHeader(part))
      if (code === undefined) unknown.push(part)
      else if (!codes.includes(code)) codes.push(code)
    }
    codes.sort()
    const entry: CodesEntry = { codes, unknown }
    if (cache.size < CACHE_LIMIT) cache.set(v, entry)
    return entry
  }

  private checkUscc(f: CField, v: string): UsccEntry {
    const cache = f.usccCache
    const hit = cache === null ? undefined : cache.get(v)
    if (hit !== undefined) return hit
    const r = identify(v, { expect: 'uscc', details: false })
    const entry: UsccEntry = { valid: r.valid, normalized: r.normalized }
    if (!r.valid) entry.error = r.error ?? identifierMessages.IDENTIFIER_EMPTY()
    else {
      const division = r.normalized.slice(2, 8)
      if (division !== '100000' && findDivision(division) === undefined) entry.divisionWarning = identifierMessages.IDENTIFIER_DIVISION_UNKNOWN(division)
    }
    if (cache !== null && cache.size < CACHE_LIMIT) cache.set(v, entry)
    return entry
  }

  /** The subject's kind (see the module comment), reporting inconsistent or undecidable categories. */
  private subjectKind(): number {
    const { raw, state, val, roles } = this
    const catIndex = roles.subject_category
    const usccIndex = roles.subject_uscc
    const idIndex = roles.subject_id_number
    const uscc = usccIndex !== undefined && state[usccIndex] === S_OK ? (val[usccIndex] as string) : null
    const usccRaw = usccIndex !== undefined ? (raw[usccIndex] ?? null) : null
    const usccColumn = usccIndex !== undefined ? (this.fields[usccIndex] as CField).column : null
    const catField = catIndex !== undefined ? (this.fields[catIndex] as CField) : undefined
    let kind = K_UNKNOWN
    if (catIndex !== undefined && state[catIndex] === S_OK) {
      const c = val[catIndex]
      if (c === '01') {
        kind = K_NP
        if (uscc !== null) this.error(usccColumn, usccRaw, M.COLLECTION_SUBJECT_CATEGORY('person_with_uscc', { category: catField?.field, uscc }))
      } else if (c === '04') {
        kind = K_IB
        if (uscc !== null && !uscc.startsWith('92')) {
          this.error(usccColumn, usccRaw, M.COLLECTION_SUBJECT_CATEGORY('individual_business_uscc', { category: catField?.field, uscc }))
        }
      } else if (c === '02' || c === '03') {
        kind = uscc !== null && uscc.startsWith('92') ? K_IB : K_ORG
      }
    }
    if (kind === K_UNKNOWN) {
      if (usccRaw !== null) kind = normalizeCode(usccRaw).startsWith('92') ? K_IB : K_ORG
      else if (idIndex !== undefined && raw[idIndex] !== null) kind = K_NP
      else if (this.present('subject_org_code') || this.present('subject_registration_number') || this.present('subject_tax_number')) kind = K_ORG
      else if (!this.personsAllowed) kind = this.organisationsAllowed ? K_ORG : K_IB
      else if (!this.organisationsAllowed && !this.individualBusinessesAllowed) kind = K_NP
      else {
        // Undecidable. A required category that is empty, or one that is invalid, is reported already.
        const catState = catIndex === undefined ? S_EMPTY : state[catIndex]
        const reported = catField !== undefined && (catState === S_INVALID || (catState === S_EMPTY && catField.requirement === 'required'))
        if (!reported) this.error(catField?.column ?? null, null, M.COLLECTION_SUBJECT_CATEGORY('unknown', { category: catField?.field }))
        return K_UNKNOWN
      }
    }
    const allowed = kind === K_NP ? this.personsAllowed : kind === K_IB ? this.individualBusinessesAllowed : this.organisationsAllowed
    if (!allowed) {
      const label = subjectKindLabels[kind === K_NP ? 'natural_person' : kind === K_IB ? 'individual_business' : 'enterprise']
      const kindText = kind === K_ORG ? { zh: '法人及非法人组织', en: 'organisations' } : { zh: label.zh, en: `${label.en.toLowerCase()}s` }
      this.error(catField?.column ?? null, catIndex !== undefined ? raw[catIndex] ?? null : null, M.COLLECTION_SUBJECT_CATEGORY('not_in_item', { category: catField?.field, kind: kindText, item: this.def.name }))
    }
    return kind
  }

  private present(role: FieldRole): boolean {
    const i = this.roles[role]
    return i !== undefined && this.raw[i] !== null
  }

  /** The later date may not precede the earlier one. */
  private dateOrder(laterRole: FieldRole, earlierRole: FieldRole): void {
    const a = this.roles[laterRole]
    const b = this.roles[earlierRole]
    if (a === undefined || b === undefined || this.state[a] !== S_OK || this.state[b] !== S_OK) return
    const later = this.val[a] as string
    const earlier = this.val[b] as string
    if (later < earlier) {
      const lf = this.fields[a] as CField
      const ef = this.fields[b] as CField
      this.error(lf.column, this.raw[a] ?? null, M.COLLECTION_DATE_ORDER(lf.field, later, ef.field, earlier))
    }
  }

  /**
   * COLLECTION_FINE_LOOKS_LIKE_YUAN: the fine (万元) equals a yuan figure the penalty content states
   * ('罚款2000元' with 2000), or reaches the threshold. Returns whether the yuan reading applies.
   */
  private finePlausibility(): boolean {
    const fi = this.roles.fine_amount
    if (fi === undefined || this.state[fi] !== S_OK) return false
    const fine = this.val[fi] as string
    if (fine === '0') return false
    const f = this.fields[fi] as CField
    const ci = this.contentField
    if (ci >= 0 && this.state[ci] === S_OK) {
      const text = this.val[ci] as string
      if (text.indexOf('元') >= 0) {
        for (const figure of yuanFiguresIn(text)) {
          if (compareDecimals(figure, fine) === 0) {
            this.warn(f.column, this.raw[fi] ?? null, M.COLLECTION_FINE_LOOKS_LIKE_YUAN(f.field, fine, { yuanInText: figure }))
            return true
          }
        }
      }
    }
    if (this.fineThreshold !== '' && compareDecimals(fine, this.fineThreshold) >= 0) {
      this.warn(f.column, this.raw[fi] ?? null, M.COLLECTION_FINE_LOOKS_LIKE_YUAN(f.field, fine, { threshold: this.fineThreshold }))
    }
    return false
  }

  /**
   * 河南条例第十三条第三款: penalties on natural persons (not individual businesses) decided under
   * the simple procedure are not collected. The procedure column (CF_CFCX) decides when filled;
   * without it, a penalty of only 警告 and/or 罚款 of at most 200 yuan (0.02 万元) — what
   * 《行政处罚法》第五十一条 allows on the spot for citizens — counts as simple-procedure. A fine that
   * looks like yuan (equal to the yuan figure in the content) is read as yuan here.
   */
  private simpleProcedure(fineLooksLikeYuan: boolean): void {
    const { state, val } = this
    const pi = this.procedureField
    if (pi >= 0 && state[pi] === S_OK) {
      if (val[pi] === SIMPLE_PROCEDURE) this.error((this.fields[pi] as CField).column, this.raw[pi] ?? null, M.COLLECTION_EXCLUDED_SIMPLE_PROCEDURE(null))
      return
    }
    if (pi >= 0 && state[pi] !== S_EMPTY) return
    const ci = this.roles.penalty_category
    if (ci === undefined || state[ci] !== S_OK) return
    const cv = val[ci]
    const cats = Array.isArray(cv) ? cv : typeof cv === 'string' ? [cv] : []
    if (cats.length === 0) return
    for (const c of cats) if (c !== WARNING && c !== FINE) return
    let fine: string | null = null
    if (cats.includes(FINE)) {
      const fi = this.roles.fine_amount
      if (fi === undefined || state[fi] !== S_OK) return
      fine = val[fi] as string
      if (compareDecimals(fine, fineLooksLikeYuan ? SIMPLE_FINE_LIMIT_YUAN : SIMPLE_FINE_LIMIT) > 0) return
    }
    const cf = this.fields[ci] as CField
    const labels = cats.map((c) => (c === WARNING ? '警告' : '罚款')).join('、')
    const column = this.procedureField >= 0 ? (this.fields[this.procedureField] as CField).column : cf.column
    const fineWan = fine === null ? null : fineLooksLikeYuan ? shift4(fine) : fine
    const labelsEn = cats.map((c) => (c === WARNING ? 'a warning' : 'a fine')).join(' and ')
    this.error(column, null, M.COLLECTION_EXCLUDED_SIMPLE_PROCEDURE({ categories: labels, categoriesEn: labelsEn, fine: fineWan }))
  }

  private record(rowNumber: number, kind: number): ValidatedRecord {
    const { state, val, roles } = this
    // Business key parts, normalised once for the key and the hash.
    const keyParts = this.keyParts
    for (let k = 0; k < this.keyFields.length; k++) {
      const f = this.keyFields[k] as CField
      keyParts[k] = f.index >= 0 && state[f.index] === S_OK ? normalizeKeyPart(keyPartText(val[f.index] ?? null)) : ''
    }
    const sorted = this.sortedFields
    let canonical = '{'
    let first = true
    for (let k = 0; k < sorted.length; k++) {
      const f = sorted[k] as CField
      if (state[f.index] !== S_OK) continue
      const v = val[f.index] as PayloadValue
      canonical += first ? f.jsonKey : `,${f.jsonKey}`
      first = false
      if (f.keyPosition >= 0 && typeof v === 'string') canonical += jsonString(keyParts[f.keyPosition] as string)
      else if (!f.jsonSafe) canonical += jsonValue(v)
      else canonical += typeof v === 'string' ? `"${v}"` : Array.isArray(v) ? `["${v.join('","')}"]` : jsonValue(v)
    }
    canonical += '}'
    const payload = this.makePayload(state, val)

    const subject: SubjectReference = {
      kind: kind === K_NP ? 'natural_person' : kind === K_IB ? 'individual_business' : 'organisation',
      name: this.roleText('subject_name') ?? '',
    }
    const uscc = this.roleText('subject_uscc')
    if (uscc !== null) subject.uscc = uscc
    const orgCode = this.roleText('subject_org_code')
    if (orgCode !== null) subject.orgCode = normalizeCode(orgCode)
    const registrationNumber = this.roleText('subject_registration_number')
    if (registrationNumber !== null) subject.registrationNumber = normalizeCode(registrationNumber)
    const taxNumber = this.roleText('subject_tax_number')
    if (taxNumber !== null) subject.taxNumber = normalizeCode(taxNumber)
    const idNumber = this.roleText('subject_id_number')
    const idType = this.roleText('subject_id_type') ?? (idNumber !== null && roles.subject_id_number !== undefined ? this.idTypeUsed[roles.subject_id_number] : null)
    if (idType !== null && idType !== undefined) subject.idType = idType
    if (idNumber !== null) subject.idNumber = idNumber
    const legalRepresentative = this.roleText('legal_representative')
    if (legalRepresentative !== null) subject.legalRepresentative = legalRepresentative

    const statusIndex = roles.status
    const revoked = this.statusRevoked !== null && statusIndex !== undefined && state[statusIndex] === S_OK && this.statusRevoked(val[statusIndex] ?? null)

    return {
      rowNumber,
      subject,
      businessKey: keyParts.length === 1 ? (keyParts[0] as string) : keyParts.join(BUSINESS_KEY_SEPARATOR),
      payload,
      contentHash: hashCanonicalText(canonical),
      decisionDate: this.roleText('decision_date'),
      publicationDate: this.roleText('publication_date'),
      validFrom: this.roleText('valid_from'),
      validTo: this.roleText('valid_to'),
      publicityEnd: this.roleText('publicity_end'),
      revoked,
      warnings: this.warnings ?? [],
    }
  }

  /** The accepted value of the field with a role, as text, or null. */
  private roleText(role: FieldRole): string | null {
    const i = this.roles[role]
    return i !== undefined && this.state[i] === S_OK ? (this.val[i] as string) : null
  }
}

/**
 * A function building the payload object from the row state: every field in key order, its value
 * when accepted, else null. Generated once per validator (keys enter the source only through
 * JSON.stringify), it creates every payload with one literal — one hidden class, no per-key
 * dictionary stores. Falls back to plain assignment where code generation is disabled.
 */
type PayloadMaker = (state: Uint8Array, values: readonly PayloadValue[]) => Record<string, PayloadValue>

function payloadFactory(fields: readonly CField[]): PayloadMaker {
  try {
    const members = fields.map((f) => `${JSON.stringify(f.key)}: s[${f.index}] === ${S_OK} ? v[${f.index}] : null`)
    const make = new Function('s', 'v', `return {${members.join(', ')}}`) as PayloadMaker
    const probe = make(new Uint8Array(fields.length), [])
    if (Object.keys(probe).join('\u0000') === fields.map((f) => f.key).join('\u0000')) return make
  } catch {
    // Code generation from strings disabled: use the plain path.
  }
  return (state, values) => {
    const payload: Record<string, PayloadValue> = {}
    for (const f of fields) payload[f.key] = state[f.index] === S_OK ? (values[f.index] ?? null) : null
    return payload
  }
}

/** A cell as a string: sources give strings, but JSON bodies may carry numbers or nulls. */
const cell = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v))

const isMasked = (s: string): boolean => s.indexOf('*') >= 0 || s.indexOf('＊') >= 0

/** 15 or 18 characters: digits, the last possibly X — the shape of a resident ID number. */
const looksLikeResidentId = (s: string): boolean => {
  const n = s.length
  if (n !== 15 && n !== 18) return false
  for (let i = 0; i < n - 1; i++) {
    const c = s.charCodeAt(i)
    if (c < 48 || c > 57) return false
  }
  const last = s.charCodeAt(n - 1)
  return (last >= 48 && last <= 57) || (n === 18 && last === 88)
}

const otherIdTooLong = (length: number): IdentifierMessage => ({
  code: 'IDENTIFIER_LENGTH',
  zh: `长度为 ${length} 位，证件号码最长 ${MAX_OTHER_ID_LENGTH} 位`,
  en: `Length is ${length}; ID numbers have at most ${MAX_OTHER_ID_LENGTH} characters`,
})

const includesAny = (v: PayloadValue, codes: readonly string[]): boolean => {
  if (typeof v === 'string') return codes.includes(v)
  if (Array.isArray(v)) {
    for (const c of v) if (codes.includes(c)) return true
  }
  return false
}

/** Canonical JSON of one payload value (strings, numbers, booleans, string arrays); same text as canonicalJson. */
const jsonValue = (v: PayloadValue): string => {
  if (typeof v === 'string') return jsonString(v)
  if (Array.isArray(v)) {
    let out = '['
    for (let i = 0; i < v.length; i++) out += (i > 0 ? ',' : '') + jsonString(v[i] as string)
    return `${out}]`
  }
  if (typeof v === 'number') return Number.isFinite(v) ? JSON.stringify(v) : 'null'
  return v ? 'true' : 'false'
}

/** Characters JSON.stringify escapes (or may: surrogates, escaped only when lone). No 'u' flag: code units. */
// eslint-disable-next-line no-control-regex, require-unicode-regexp
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/

/** JSON.stringify(s), without its cost for the common string that needs no escaping. */
const jsonString = (s: string): string => (NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`)

/** A non-negative number as plain decimal text (no exponent). */
const decimalText = (n: number): string => {
  const s = String(n)
  if (!/e/iu.test(s)) return s
  return n.toFixed(6).replace(/\.?0+$/u, '')
}

/** A normalised decimal divided by 10,000. */
const shift4 = (d: string): string => {
  const r = parseAmount(`${d}元`, { unit: '万元' })
  return r.ok ? r.value : d
}
