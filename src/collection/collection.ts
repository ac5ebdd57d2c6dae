/**
 * Collection (归集) as types: rows read from a file or a request, the validated record a row becomes,
 * and the issues a row can have. Readers (sources/), the pure row validator (validate-row.ts) and
 * the service (collection.service.ts) all speak these.
 */

/** One data row as the clerk sees it: values aligned with the header row; rowNumber counts the header as row 1. */
export interface SourceRow {
  rowNumber: number
  values: string[]
}

export interface RowSource {
  format: 'csv' | 'xlsx' | 'json'
  /** Detected text encoding of a CSV file ('utf-8' or 'gb18030'). */
  encoding?: string
  headers: string[]
  rows: AsyncIterable<SourceRow>
}

export type IssueSeverity = 'error' | 'warning'

/** One problem with one row (or, with row 1, with the header). Codes are stable; messages bilingual. */
export interface RowIssue {
  row: number
  column: string | null
  value: string | null
  code: string
  message: string
  message_en: string
  severity: IssueSeverity
}

/** Who a record is about, as the row says it; the service links it to a stored subject. */
export interface SubjectReference {
  /** 行政相对人类别 mapped to what linking needs. */
  kind: 'organisation' | 'individual_business' | 'natural_person'
  name: string
  uscc?: string
  orgCode?: string
  registrationNumber?: string
  taxNumber?: string
  /** 证件类型 code (01 身份证 … 05 外国人永久居留身份证). */
  idType?: string
  /** Normalised; an 18-digit resident identity number when idType is 01 (15-digit numbers upgraded). */
  idNumber?: string
  legalRepresentative?: string
}

export type PayloadValue = string | number | boolean | string[] | null

export interface ValidatedRecord {
  rowNumber: number
  subject: SubjectReference
  /** Normalised business key: the item's key fields joined, brackets and widths unified. */
  businessKey: string
  /** Normalised field values by field key (dates YYYY-MM-DD, amounts as decimal strings, codes as codes). */
  payload: Record<string, PayloadValue>
  /** SHA-256 (hex) of the canonical payload: equal content, equal hash. */
  contentHash: string
  decisionDate: string | null
  publicationDate: string | null
  validFrom: string | null
  validTo: string | null
  publicityEnd: string | null
  /** The provider says the decision was revoked or is no longer valid. */
  revoked: boolean
  warnings: RowIssue[]
}

export type RowOutcome = { ok: true; record: ValidatedRecord } | { ok: false; issues: RowIssue[]; warnings: RowIssue[] }
