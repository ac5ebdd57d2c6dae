/**
 * What the validating side (a worker thread for files) hands the writing side: records already
 * validated, their personal data already encrypted, ready to link and store; and rejected rows
 * with their issues. Everything here crosses a thread boundary, so it is plain data.
 */
import type { RowIssue, SubjectReference } from './collection.ts'

export interface PreparedSubject {
  kind: SubjectReference['kind']
  name: string
  uscc?: string
  orgCode?: string
  registrationNumber?: string
  legalRepresentative?: string
  /** A person's identity document: lookup hash, ciphertext and mask; never the number in clear. */
  personal?: { scheme: 'resident_id' | 'other_id'; hash: string; ciphertext: string; masked: string }
}

export interface PreparedRecord {
  rowNumber: number
  /** Digest of the source row (with the catalog version and header), see prepare-chunks.ts. */
  fingerprint: string
  subject: PreparedSubject
  businessKey: string
  /** The payload as stored: JSON with personal fields replaced by {masked, sealed}. */
  payloadJson: string
  contentHash: string
  decisionDate: string | null
  publicationDate: string | null
  validFrom: string | null
  validTo: string | null
  publicityEnd: string | null
  revoked: boolean
  warnings: RowIssue[]
}

export interface RejectedRow {
  rowNumber: number
  /** The original values as JSON, encrypted: they may hold identity numbers. */
  sealedValues: string
  issues: RowIssue[]
  warnings: RowIssue[]
}

export interface PreparedChunk {
  records: PreparedRecord[]
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
