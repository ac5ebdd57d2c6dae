/**
 * The write path of collection: a dedicated connection holding one transaction for a whole batch,
 * writing a round of records at a time set-based through a stage table (staged-records.ts).
 * Kysely's per-statement compilation is too slow for a million rows, so this is the one place
 * collection speaks raw SQL — and the dialect difference stays inside src/db.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../create-database.ts'
import type { Tables } from '../database.ts'
import { openSqliteRecordWriter } from './sqlite-record-writer.ts'
import { openPostgresRecordWriter } from './postgres-record-writer.ts'
import type { StagedOutcome, StagedWrite, UnlinkedRow } from './staged-records.ts'

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
  /** Ids for new subjects, reserved so their identifiers can refer to them before they are written. */
  reserveIds(table: 'subjects', count: number): Promise<number[]>
  /** The first of `count` consecutive ids of the table, reserved for this batch. */
  reserveRange(table: 'records' | 'record_versions', count: number): Promise<number>
  /** Current names and every other recorded name of the given subjects. */
  subjectNames(ids: number[]): Promise<Map<number, { name: string; names: Set<string> }>>
  insertSubjects(rows: SubjectRow[]): Promise<void>
  insertIdentifiers(rows: IdentifierRow[]): Promise<void>
  insertNames(rows: NameRow[]): Promise<void>

  /**
   * The payload keys standing_items projects for the category (null: not projected), as they stay
   * until the batch commits: a rebuild of standing_facts cannot run alongside a batch's writes.
   */
  standingKeys(category: string): Promise<string[] | null>

  // A round of records, written set-based (staged-records.ts): stage, classify, link, write.
  /** Replaces the stage with these rows (encodeStageRow); a row's `seq` is its index here. */
  stageRound(rows: string[]): Promise<void>
  /** Links staged rows to known subjects and to the records their keys already have. */
  classifyStaged(category: string): Promise<void>
  /** Staged rows whose subject is not known yet. */
  unlinkedStaged(): Promise<UnlinkedRow[]>
  /** Links rows again, after their new subjects were inserted. */
  relinkStaged(): Promise<void>
  /** Holds the names the round's rows give subjects it did not create, for heldNameCandidates. */
  holdNames(): Promise<void>
  /**
   * After the last round, a page at a time from (subject, row): held rows whose name is not exactly
   * one their subject is known by, in subject and row order.
   */
  heldNameCandidates(after: { subjectId: number; rowNumber: number }, limit: number): Promise<Array<{ rowNumber: number; name: string; subjectId: number }>>
  /** Staged rows whose key this batch has already written. */
  stagedRepeats(batchId: number): Promise<Array<{ rowNumber: number; businessKey: string }>>
  stagedOutcome(): Promise<StagedOutcome>
  /** Writes new records, new versions, supersedes and advances: the round's whole effect. */
  writeStaged(write: StagedWrite): Promise<void>
  /** Writes the standing facts the batch's rounds held back (stagedSql.holdFreshStanding), in subject order. */
  writeHeldStanding(): Promise<void>
  insertEvents(rows: EventRow[]): Promise<void>
  insertBatchErrors(rows: BatchErrorRow[]): Promise<void>
  finishBatch(batchId: number, outcome: BatchOutcome): Promise<void>
  /** After a large batch has committed: brings the planner's statistics up to date. */
  refreshStatistics(): Promise<void>
}

export function openRecordWriter(database: Database): Promise<RecordWriter> {
  return database.dialect === 'sqlite' ? Promise.resolve(openSqliteRecordWriter(database)) : openPostgresRecordWriter(database)
}
