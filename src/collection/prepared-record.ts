/**
 * What the validating side (a worker thread for files) hands the writing side: records already
 * validated, their personal data already encrypted, ready to link and store; and rejected rows
 * with their issues. Everything here crosses a thread boundary, so it is plain data.
 */
import type { RowIssue } from './collection.ts'

export interface RejectedRow {
  rowNumber: number
  /** The original values as JSON, encrypted: they may hold identity numbers. */
  sealedValues: string
  issues: RowIssue[]
  warnings: RowIssue[]
}

export interface PreparedChunk {
  /**
   * The accepted records as stage rows (src/db/record-writer/staged-records.ts: validated values,
   * personal data sealed, one string each), in rounds within which no business key repeats — a
   * key sent twice becomes two versions, in row order.
   */
  rounds: string[][]
  /** Warnings about accepted records, in row order. */
  warnings: RowIssue[]
  rejected: RejectedRow[]
  /** Rows byte-identical to the source of a record's current version: unchanged, not validated again. */
  unchanged: number
}

export interface SourceSummary {
  format: 'csv' | 'xlsx' | 'json'
  encoding: string | null
  headers: string[]
  headerIssues: RowIssue[]
}
