/**
 * SQLite: a second connection to the same file, so the batch's uncommitted rows stay invisible to
 * the server's connection; `begin immediate` takes the write lock for the batch.
 */
import SqliteDatabase from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import type { Database } from '../create-database.ts'
import type { Tables } from '../database.ts'
import type { ExistingRecord, RecordWriter } from './record-writer.ts'

const IN_LIMIT = 500

function* slices<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size)
}

export function openSqliteRecordWriter(database: Database): RecordWriter {
  const conn = new SqliteDatabase(database.location)
  conn.pragma('journal_mode = WAL')
  conn.pragma('synchronous = NORMAL')
  conn.pragma('foreign_keys = ON')
  // A batch may wait for another batch's write lock; it should wait, not fail.
  conn.pragma('busy_timeout = 120000')
  conn.pragma('cache_size = -65536')

  const cache = new Map<string, SqliteDatabase.Statement>()
  const stmt = (sql: string) => {
    let s = cache.get(sql)
    if (!s) cache.set(sql, (s = conn.prepare(sql)))
    return s
  }
  const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(',')

  const insertSubject = stmt('insert into subjects (id, kind, name, division, status, legal_representative, established_on, created_at, updated_at) values (?, ?, ?, ?, ?, ?, null, ?, ?)')
  const insertIdentifier = stmt('insert into subject_identifiers (subject_id, scheme, value, value_hash, ciphertext, masked, created_at) values (?, ?, ?, ?, ?, ?, ?)')
  const insertName = stmt("insert into subject_names (subject_id, name, valid_from, valid_to, source, batch_id, created_at) values (?, ?, null, null, ?, ?, ?)")
  const insertRecord = stmt('insert into records (id, category, subject_id, business_key, current_version_id, current_version, current_hash, current_fingerprint, current_batch_id, department_id, status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
  const insertVersion = stmt(
    'insert into record_versions (id, record_id, version, payload, content_hash, decision_date, publication_date, valid_from, valid_to, publicity_end, tier, status, department_id, batch_id, source_row, submitted_by, received_at, catalog_version, file_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const updateRecord = stmt('update records set current_version_id = ?, current_version = ?, current_hash = ?, current_fingerprint = ?, current_batch_id = ?, status = ?, updated_at = ? where id = ?')
  const supersede = stmt("update record_versions set status = 'superseded' where id = ?")
  const insertEvent = stmt('insert into events (at, type, subject_id, record_id, payload) values (?, ?, ?, ?, ?)')
  const insertError = stmt('insert into batch_errors (batch_id, row_number, column_name, value, code, message, message_en, severity, raw_row) values (?, ?, ?, ?, ?, ?, ?, ?, ?)')
  const next = { subjects: 0, records: 0, record_versions: 0 }

  return {
    kysely: new Kysely<Tables>({ dialect: new SqliteDialect({ database: conn }) }),
    async begin() {
      conn.exec('begin immediate')
      for (const table of ['subjects', 'records', 'record_versions'] as const) {
        next[table] = ((stmt(`select max(id) as m from ${table}`).get() as { m: number | null }).m ?? 0) + 1
      }
    },
    async commit() {
      conn.exec('commit')
    },
    async rollback() {
      if (conn.inTransaction) conn.exec('rollback')
    },
    async close() {
      conn.close()
    },
    async reserveIds(table, count) {
      const first = next[table]
      next[table] += count
      return Array.from({ length: count }, (_, i) => first + i)
    },
    async subjectsByValue(scheme, values) {
      const out = new Map<string, number>()
      for (const part of slices(values, IN_LIMIT)) {
        const rows = stmt(`select value, subject_id from subject_identifiers where scheme = ? and value in (${placeholders(part.length)})`).all(scheme, ...part) as Array<{ value: string; subject_id: number }>
        for (const r of rows) out.set(r.value, r.subject_id)
      }
      return out
    },
    async subjectsByHash(scheme, hashes) {
      const out = new Map<string, number>()
      for (const part of slices(hashes, IN_LIMIT)) {
        const rows = stmt(`select value_hash, subject_id from subject_identifiers where scheme = ? and value_hash in (${placeholders(part.length)})`).all(scheme, ...part) as Array<{ value_hash: string; subject_id: number }>
        for (const r of rows) out.set(r.value_hash, r.subject_id)
      }
      return out
    },
    async subjectNames(ids) {
      const out = new Map<number, { name: string; names: Set<string> }>()
      for (const part of slices(ids, IN_LIMIT)) {
        for (const r of stmt(`select id, name from subjects where id in (${placeholders(part.length)})`).all(...part) as Array<{ id: number; name: string }>) out.set(r.id, { name: r.name, names: new Set([r.name]) })
        for (const r of stmt(`select subject_id, name from subject_names where subject_id in (${placeholders(part.length)})`).all(...part) as Array<{ subject_id: number; name: string }>) out.get(r.subject_id)?.names.add(r.name)
      }
      return out
    },
    async recordsByKey(category, keys) {
      const out = new Map<string, ExistingRecord>()
      for (const part of slices(keys, IN_LIMIT)) {
        const rows = stmt(`select id, business_key, current_hash, current_version, current_version_id, current_batch_id, status, subject_id from records where category = ? and business_key in (${placeholders(part.length)})`).all(category, ...part) as Array<{
          id: number
          business_key: string
          current_hash: string
          current_version: number
          current_version_id: number
          current_batch_id: number
          status: string
          subject_id: number
        }>
        for (const r of rows) out.set(r.business_key, { id: r.id, currentHash: r.current_hash, currentVersion: r.current_version, currentVersionId: r.current_version_id, currentBatchId: r.current_batch_id, status: r.status, subjectId: r.subject_id })
      }
      return out
    },
    async insertSubjects(rows) {
      for (const r of rows) insertSubject.run(r.id, r.kind, r.name, r.division, 'active', r.legalRepresentative, r.at, r.at)
    },
    async insertIdentifiers(rows) {
      for (const r of rows) insertIdentifier.run(r.subjectId, r.scheme, r.value, r.valueHash, r.ciphertext, r.masked, r.at)
    },
    async insertNames(rows) {
      for (const r of rows) insertName.run(r.subjectId, r.name, r.source, r.batchId, r.at)
    },
    async insertRecords(rows) {
      for (const r of rows) insertRecord.run(r.id, r.category, r.subjectId, r.businessKey, r.currentVersionId, r.currentVersion, r.currentHash, r.currentFingerprint, r.currentBatchId, r.departmentId, r.status, r.at, r.at)
    },
    async insertVersions(rows) {
      for (const v of rows) {
        insertVersion.run(v.id, v.recordId, v.version, v.payload, v.contentHash, v.decisionDate, v.publicationDate, v.validFrom, v.validTo, v.publicityEnd, v.status, v.departmentId, v.batchId, v.sourceRow, v.submittedBy, v.receivedAt, v.catalogVersion, v.fileHash)
      }
    },
    async updateRecords(rows) {
      for (const r of rows) updateRecord.run(r.currentVersionId, r.currentVersion, r.currentHash, r.currentFingerprint, r.currentBatchId, r.status, r.at, r.id)
    },
    async supersedeVersions(ids) {
      for (const id of ids) supersede.run(id)
    },
    async insertEvents(rows) {
      for (const e of rows) insertEvent.run(e.at, e.type, e.subjectId, e.recordId, e.payload)
    },
    async insertBatchErrors(rows) {
      for (const e of rows) insertError.run(e.batchId, e.rowNumber, e.column, e.value, e.code, e.message, e.messageEn, e.severity, e.rawRow)
    },
    async finishBatch(batchId, o) {
      stmt('update batches set status = ?, received = ?, accepted = ?, updated = ?, unchanged = ?, rejected = ?, warnings = ?, completed_at = ? where id = ?').run(o.status, o.received, o.accepted, o.updated, o.unchanged, o.rejected, o.warnings, o.completedAt, batchId)
    },
  }
}
