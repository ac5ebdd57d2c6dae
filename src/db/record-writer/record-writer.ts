/**
 * The write path of collection: a dedicated connection holding one transaction for a whole batch,
 * with set-based lookups and prepared or multi-row inserts. Kysely's per-statement compilation is
 * too slow for a million rows, so this is the one place collection speaks raw SQL — and the
 * dialect difference stays inside src/db.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../create-database.ts'
import type { Tables } from '../database.ts'
import { openSqliteRecordWriter } from './sqlite-record-writer.ts'
import { openPostgresRecordWriter } from './postgres-record-writer.ts'

export interface SubjectRow {
  id: number
  kind: string
  name: string
  division: string | null
  legalRepresentative: string | null
  at: string
}
export interface IdentifierRow {
  subjectId: number
  scheme: string
  value: string | null
  valueHash: string | null
  ciphertext: string | null
  masked: string | null
  at: string
}
export interface NameRow {
  subjectId: number
  name: string
  source: string
  batchId: number | null
  at: string
}
export interface ExistingRecord {
  id: number
  currentHash: string
  currentVersion: number
  currentVersionId: number
  /** The batch that wrote the current version. */
  currentBatchId: number
  status: string
  subjectId: number
}
export interface RecordRow {
  id: number
  category: string
  subjectId: number
  businessKey: string
  currentVersionId: number
  currentVersion: number
  currentHash: string
  currentFingerprint: string
  currentBatchId: number
  departmentId: number
  status: string
  at: string
}
export interface VersionRow {
  id: number
  recordId: number
  version: number
  payload: string
  contentHash: string
  decisionDate: string | null
  publicationDate: string | null
  validFrom: string | null
  validTo: string | null
  publicityEnd: string | null
  status: string
  departmentId: number
  batchId: number
  sourceRow: number
  submittedBy: string
  receivedAt: string
  catalogVersion: number
  fileHash: string | null
}
export interface RecordUpdate {
  id: number
  currentVersionId: number
  currentVersion: number
  currentHash: string
  currentFingerprint: string
  currentBatchId: number
  status: string
  at: string
}
export interface EventRow {
  at: string
  type: string
  subjectId: number | null
  recordId: number | null
  payload: string
}
export interface BatchErrorRow {
  batchId: number
  rowNumber: number
  column: string | null
  value: string | null
  code: string
  message: string
  messageEn: string
  severity: string
  rawRow: string | null
}
export interface BatchOutcome {
  status: string
  received: number
  accepted: number
  updated: number
  unchanged: number
  rejected: number
  warnings: number
  completedAt: string
}

export interface RecordWriter {
  /** Kysely on the writer's own connection, inside its transaction (for the audit entry). */
  kysely: Kysely<Tables>
  begin(): Promise<void>
  commit(): Promise<void>
  rollback(): Promise<void>
  close(): Promise<void>
  /** Ids for new rows, reserved so rows can refer to each other before they are written. */
  reserveIds(table: 'subjects' | 'records' | 'record_versions', count: number): Promise<number[]>
  subjectsByValue(scheme: string, values: string[]): Promise<Map<string, number>>
  subjectsByHash(scheme: string, hashes: string[]): Promise<Map<string, number>>
  /** Current names and every other recorded name of the given subjects. */
  subjectNames(ids: number[]): Promise<Map<number, { name: string; names: Set<string> }>>
  recordsByKey(category: string, keys: string[]): Promise<Map<string, ExistingRecord>>
  insertSubjects(rows: SubjectRow[]): Promise<void>
  insertIdentifiers(rows: IdentifierRow[]): Promise<void>
  insertNames(rows: NameRow[]): Promise<void>
  insertRecords(rows: RecordRow[]): Promise<void>
  insertVersions(rows: VersionRow[]): Promise<void>
  updateRecords(rows: RecordUpdate[]): Promise<void>
  supersedeVersions(versionIds: number[]): Promise<void>
  insertEvents(rows: EventRow[]): Promise<void>
  insertBatchErrors(rows: BatchErrorRow[]): Promise<void>
  finishBatch(batchId: number, outcome: BatchOutcome): Promise<void>
}

export function openRecordWriter(database: Database): Promise<RecordWriter> {
  return database.dialect === 'sqlite' ? Promise.resolve(openSqliteRecordWriter(database)) : openPostgresRecordWriter(database)
}
