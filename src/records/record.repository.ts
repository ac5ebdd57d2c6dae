/**
 * SQL for changes made to one record outside collection: a provider's withdrawal writes a new
 * version (versions are append-only; the one it replaces is marked superseded) and moves the record
 * to it. Collection's set-based writer (db/record-writer) is not involved.
 */
import { sql, type Kysely } from 'kysely'
import type { Tables } from '../db/database.ts'
import type { Dialect } from '../db/create-database.ts'
import { projectStandingSql } from '../db/standing-facts-sql.ts'

export interface RecordHead {
  id: number
  category: string
  subjectId: number
  departmentId: number
  departmentCode: string
  status: string
  currentVersionId: number
  currentVersion: number
}

export interface NewVersion {
  recordId: number
  fromVersionId: number
  version: number
  status: 'revoked' | 'in_force'
  departmentId: number
  submittedBy: string
  at: string
  /** A version that changes content (a commitment's breach, src/sanctions): the new payload and the dates it moves. */
  changes?: { payload: string; contentHash: string; publicationDate?: string | null; tier?: string | null }
}

export function recordRepository(db: Kysely<Tables>, dialect: Dialect) {
  return {
    async findHead(id: number): Promise<RecordHead | undefined> {
      const r = await db
        .selectFrom('records as r')
        .innerJoin('departments as d', 'd.id', 'r.department_id')
        .select(['r.id', 'r.category', 'r.subject_id', 'r.department_id', 'd.code', 'r.status', 'r.current_version_id', 'r.current_version'])
        .where('r.id', '=', id)
        .executeTakeFirst()
      if (!r || r.current_version_id === null) return undefined
      return { id: Number(r.id), category: r.category, subjectId: Number(r.subject_id), departmentId: Number(r.department_id), departmentCode: r.code, status: r.status, currentVersionId: Number(r.current_version_id), currentVersion: r.current_version }
    },

    /**
     * Locks the record for this transaction if it is still at `versionId`: a concurrent writer then
     * waits for us, or we find it has moved on (false).
     */
    async claim(id: number, versionId: number, at: string): Promise<boolean> {
      const result = await db.updateTable('records').set({ updated_at: at }).where('id', '=', id).where('current_version_id', '=', versionId).executeTakeFirst()
      return Number(result.numUpdatedRows) === 1
    },

    /** A new version with the content of `fromVersionId` (or the changes given), a new status and its own provenance. */
    async appendVersion(v: NewVersion): Promise<number> {
      const from = await db.selectFrom('record_versions').selectAll().where('id', '=', v.fromVersionId).executeTakeFirstOrThrow()
      const row = await db
        .insertInto('record_versions')
        .values({
          record_id: v.recordId,
          version: v.version,
          payload: v.changes?.payload ?? from.payload,
          content_hash: v.changes?.contentHash ?? from.content_hash,
          decision_date: from.decision_date,
          publication_date: v.changes && 'publicationDate' in v.changes ? (v.changes.publicationDate ?? null) : from.publication_date,
          valid_from: from.valid_from,
          valid_to: from.valid_to,
          publicity_end: from.publicity_end,
          tier: v.changes && 'tier' in v.changes ? (v.changes.tier ?? null) : from.tier,
          status: v.status,
          department_id: v.departmentId,
          batch_id: null,
          source_row: null,
          submitted_by: v.submittedBy,
          received_at: v.at,
          catalog_version: from.catalog_version,
          file_hash: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await db.updateTable('record_versions').set({ status: 'superseded' }).where('id', '=', v.fromVersionId).execute()
      return Number(row.id)
    },

    /** The record now stands at `version`; a credit check's view of it (standing_facts) follows in the same transaction. */
    async moveTo(id: number, version: { id: number; version: number; status: string }, at: string): Promise<void> {
      await db.updateTable('records').set({ current_version_id: version.id, current_version: version.version, status: version.status, updated_at: at }).where('id', '=', id).execute()
      await sql.raw(projectStandingSql(dialect, `r.id = ${Math.trunc(id)}`)).execute(db)
    },
  }
}
