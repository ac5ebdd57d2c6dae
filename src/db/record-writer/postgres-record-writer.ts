/**
 * PostgreSQL: one pooled client holds the batch's transaction; lookups are `= any($1)` and inserts
 * are `insert … select from unnest(…)` of whole chunks, so a chunk costs a handful of round trips.
 */
import type pg from 'pg'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { from as copyFrom } from 'pg-copy-streams'
import { copyLine, type BulkValue } from '../bulk-load.ts'
import { Kysely, PostgresDialect } from 'kysely'
import type { Tables } from '../database.ts'
import type { Database } from '../create-database.ts'
import type { RecordWriter } from './record-writer.ts'

export async function openPostgresRecordWriter(database: Database): Promise<RecordWriter> {
  const client: pg.PoolClient = await database.pool!.connect()
  const q = (text: string, values?: unknown[]) => client.query(text, values)
  const column = <T, V>(rows: T[], pick: (r: T) => V) => rows.map(pick)
  // COPY is several times faster than multi-row INSERT for whole chunks, and works inside the transaction.
  async function copy<T>(table: string, columns: string, rows: T[], values: (r: T) => BulkValue[]): Promise<void> {
    if (!rows.length) return
    let text = ''
    for (const r of rows) text += copyLine(values(r))
    await pipeline(Readable.from([text]), client.query(copyFrom(`copy ${table} (${columns}) from stdin`)))
  }

  // Kysely over this one client: a pool that always lends it and never releases it.
  const singleClientPool = { connect: async () => ({ query: (...args: unknown[]) => (client.query as (...a: unknown[]) => unknown)(...args), release: () => {} }), end: async () => {} }
  return {
    kysely: new Kysely<Tables>({ dialect: new PostgresDialect({ pool: singleClientPool as unknown as pg.Pool }) }),
    async begin() {
      await q('begin')
    },
    async commit() {
      await q('commit')
    },
    async rollback() {
      await q('rollback').catch(() => {})
    },
    async close() {
      client.release()
    },
    async reserveIds(table, count) {
      if (count === 0) return []
      // Usually the values are one run (no other session took values meanwhile): fetch just its ends.
      const sequence = `pg_get_serial_sequence('${table}', 'id')`
      const { rows } = await q(`select min(id) as first, max(id) as last from (select nextval(${sequence}) as id from generate_series(1, $1)) t`, [count])
      const first = Number(rows[0].first)
      const last = Number(rows[0].last)
      if (last - first + 1 === count) return Array.from({ length: count }, (_, i) => first + i)
      // Interleaved with another session: these values are lost (gaps are harmless); take a fresh list.
      const list = await q(`select nextval(${sequence}) as id from generate_series(1, $1)`, [count])
      return list.rows.map((r: { id: string | number }) => Number(r.id))
    },
    async subjectsByValue(scheme, values) {
      const { rows } = await q('select value, subject_id from subject_identifiers where scheme = $1 and value = any($2::text[])', [scheme, values])
      return new Map(rows.map((r: { value: string; subject_id: number }) => [r.value, Number(r.subject_id)]))
    },
    async subjectsByHash(scheme, hashes) {
      const { rows } = await q('select value_hash, subject_id from subject_identifiers where scheme = $1 and value_hash = any($2::text[])', [scheme, hashes])
      return new Map(rows.map((r: { value_hash: string; subject_id: number }) => [r.value_hash, Number(r.subject_id)]))
    },
    async subjectNames(ids) {
      const out = new Map<number, { name: string; names: Set<string> }>()
      const subjects = await q('select id, name from subjects where id = any($1::bigint[])', [ids])
      for (const r of subjects.rows as Array<{ id: number; name: string }>) out.set(Number(r.id), { name: r.name, names: new Set([r.name]) })
      const names = await q('select subject_id, name from subject_names where subject_id = any($1::bigint[])', [ids])
      for (const r of names.rows as Array<{ subject_id: number; name: string }>) out.get(Number(r.subject_id))?.names.add(r.name)
      return out
    },
    async recordsByKey(category, keys) {
      const { rows } = await q('select id, business_key, current_hash, current_version, current_version_id, current_batch_id, status, subject_id from records where category = $1 and business_key = any($2::text[])', [category, keys])
      return new Map(
        rows.map((r: { id: number; business_key: string; current_hash: string; current_version: number; current_version_id: number; current_batch_id: number; status: string; subject_id: number }) => [
          r.business_key,
          { id: Number(r.id), currentHash: r.current_hash, currentVersion: r.current_version, currentVersionId: Number(r.current_version_id), currentBatchId: Number(r.current_batch_id), status: r.status, subjectId: Number(r.subject_id) },
        ]),
      )
    },
    async insertSubjects(rows) {
      await copy('subjects', 'id, kind, name, division, status, legal_representative, created_at, updated_at', rows, (r) => [r.id, r.kind, r.name, r.division, 'active', r.legalRepresentative, r.at, r.at])
    },
    async insertIdentifiers(rows) {
      await copy('subject_identifiers', 'subject_id, scheme, value, value_hash, ciphertext, masked, created_at', rows, (r) => [r.subjectId, r.scheme, r.value, r.valueHash, r.ciphertext, r.masked, r.at])
    },
    async insertNames(rows) {
      await copy('subject_names', 'subject_id, name, source, batch_id, created_at', rows, (r) => [r.subjectId, r.name, r.source, r.batchId, r.at])
    },
    async insertRecords(rows) {
      await copy('records', 'id, category, subject_id, business_key, current_version_id, current_version, current_hash, current_fingerprint, current_batch_id, department_id, status, created_at, updated_at', rows, (r) => [
        r.id,
        r.category,
        r.subjectId,
        r.businessKey,
        r.currentVersionId,
        r.currentVersion,
        r.currentHash,
        r.currentFingerprint,
        r.currentBatchId,
        r.departmentId,
        r.status,
        r.at,
        r.at,
      ])
    },
    async insertVersions(rows) {
      await copy(
        'record_versions',
        'id, record_id, version, payload, content_hash, decision_date, publication_date, valid_from, valid_to, publicity_end, status, department_id, batch_id, source_row, submitted_by, received_at, catalog_version, file_hash',
        rows,
        (v) => [v.id, v.recordId, v.version, v.payload, v.contentHash, v.decisionDate, v.publicationDate, v.validFrom, v.validTo, v.publicityEnd, v.status, v.departmentId, v.batchId, v.sourceRow, v.submittedBy, v.receivedAt, v.catalogVersion, v.fileHash],
      )
    },
    async updateRecords(rows) {
      if (!rows.length) return
      await q(
        `update records r set current_version_id = t.vid, current_version = t.v, current_hash = t.h, current_fingerprint = t.f, current_batch_id = t.b, status = t.s, updated_at = t.at
           from unnest($1::bigint[], $2::bigint[], $3::int[], $4::text[], $5::text[], $6::bigint[], $7::text[], $8::text[]) as t(id, vid, v, h, f, b, s, at) where r.id = t.id`,
        [column(rows, (r) => r.id), column(rows, (r) => r.currentVersionId), column(rows, (r) => r.currentVersion), column(rows, (r) => r.currentHash), column(rows, (r) => r.currentFingerprint), column(rows, (r) => r.currentBatchId), column(rows, (r) => r.status), column(rows, (r) => r.at)],
      )
    },
    async supersedeVersions(ids) {
      if (!ids.length) return
      await q("update record_versions set status = 'superseded' where id = any($1::bigint[])", [ids])
    },
    async insertEvents(rows) {
      if (!rows.length) return
      await q(
        `insert into events (at, type, subject_id, record_id, payload) select at, type, subject_id, record_id, payload::jsonb from unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::text[]) as t(at, type, subject_id, record_id, payload)`,
        [column(rows, (r) => r.at), column(rows, (r) => r.type), column(rows, (r) => r.subjectId), column(rows, (r) => r.recordId), column(rows, (r) => r.payload)],
      )
    },
    async insertBatchErrors(rows) {
      await copy('batch_errors', 'batch_id, row_number, column_name, value, code, message, message_en, severity, raw_row', rows, (r) => [r.batchId, r.rowNumber, r.column, r.value, r.code, r.message, r.messageEn, r.severity, r.rawRow])
    },
    async finishBatch(batchId, o) {
      await q('update batches set status = $1, received = $2, accepted = $3, updated = $4, unchanged = $5, rejected = $6, warnings = $7, completed_at = $8 where id = $9', [
        o.status,
        o.received,
        o.accepted,
        o.updated,
        o.unchanged,
        o.rejected,
        o.warnings,
        o.completedAt,
        batchId,
      ])
    },
  }
}
