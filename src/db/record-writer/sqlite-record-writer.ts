/**
 * SQLite: a second connection to the same file, so the batch's uncommitted rows stay invisible to
 * the server's connection; `begin immediate` takes the write lock for the batch.
 */
import SqliteDatabase from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import type { Database } from '../create-database.ts'
import type { Tables } from '../database.ts'
import type { RecordWriter } from './record-writer.ts'
import { compile, decodeStageRow, stageColumns, stagedSql, stageTables, writeParams, type StagedOutcome, type StageValue, type UnlinkedRow } from './staged-records.ts'

const IN_LIMIT = 500

function* slices<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size)
}

export function openSqliteRecordWriter(database: Database): RecordWriter {
  const conn = new SqliteDatabase(database.location)
  conn.pragma('journal_mode = WAL')
  conn.pragma('synchronous = NORMAL')
  // Foreign keys are not checked on this connection: they cost a lookup per reference per row
  // (10 µs of every record written), and every reference it writes holds by construction —
  // subjects come from the store's own identifier lookups or are inserted in the same
  // transaction, records from the same rounds, the department and batch rows exist before the
  // batch starts. Every other connection checks them.
  conn.pragma('foreign_keys = OFF')
  // A batch may wait for another batch's write lock; it should wait, not fail.
  conn.pragma('busy_timeout = 120000')
  // 96 MB of pages. A batch inserts into indexes at random places (a record's key, fingerprint and
  // subject) and looks subjects up at random: every page more it keeps is a re-read and a re-spill
  // less. 1M rows: 32 MB 150 s, 64 MB 123 s (an earlier machine); 64 → 96 MB 78 → 71.5 s, peak RSS
  // 453 → 478 MB, within the 512 MB bound now that temporary tables live in a file.
  conn.pragma('cache_size = -98304')
  // Temporary tables in a file, which the OS caches: a round's stage is a few MB and stays in the
  // temporary schema's own page cache, but the standing facts a batch holds back until it ends
  // (xy_facts, ~100 B per record) must not grow the process.
  conn.pragma('temp_store = file')

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
  const insertEvent = stmt('insert into events (at, type, subject_id, record_id, payload) values (?, ?, ?, ?, ?)')
  const insertError = stmt('insert into batch_errors (batch_id, row_number, column_name, value, code, message, message_en, severity, raw_row) values (?, ?, ?, ?, ?, ?, ?, ?, ?)')
  const next = { subjects: 0, records: 0, record_versions: 0 }
  let staging: { insert: SqliteDatabase.Statement } | undefined
  let namesIndexed = false
  const run = (sql: string, params: Record<string, StageValue> = {}) => {
    const { text, values } = compile('sqlite', sql, params)
    stmt(text).run(values)
  }
  const all = (sql: string, params: Record<string, StageValue> = {}) => {
    const { text, values } = compile('sqlite', sql, params)
    return stmt(text).all(values)
  }

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
    async reserveRange(table, count) {
      const first = next[table]
      next[table] += count
      return first
    },
    async subjectNames(ids) {
      const out = new Map<number, { name: string; names: Set<string> }>()
      for (const part of slices(ids, IN_LIMIT)) {
        for (const r of stmt(`select id, name from subjects where id in (${placeholders(part.length)})`).all(...part) as Array<{ id: number; name: string }>) out.set(r.id, { name: r.name, names: new Set([r.name]) })
        for (const r of stmt(`select subject_id, name from subject_names where subject_id in (${placeholders(part.length)})`).all(...part) as Array<{ subject_id: number; name: string }>) out.get(r.subject_id)?.names.add(r.name)
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
    async standingKeys(category) {
      // The batch holds the write lock (begin immediate): no rebuild can change these before it commits.
      const row = stmt('select keys from standing_items where category = ?').get(category) as { keys: string } | undefined
      return row ? (JSON.parse(row.keys) as string[]) : null
    },
    async stageRound(rows) {
      if (!staging) {
        for (const ddl of stageTables('sqlite')) conn.exec(ddl)
        staging = { insert: conn.prepare(`insert into xy_stage (${stageColumns.join(', ')}) values (${placeholders(stageColumns.length)})`) }
      }
      for (const sql of stagedSql.clear) stmt(sql).run()
      rows.forEach((row, seq) => staging!.insert.run(decodeStageRow(row, seq)))
    },
    async classifyStaged(category) {
      run(stagedSql.classify('sqlite'), { category })
    },
    async unlinkedStaged() {
      return stmt(stagedSql.unlinked).all() as UnlinkedRow[]
    },
    async relinkStaged() {
      run(stagedSql.relink('sqlite'))
    },
    async holdNames() {
      run(stagedSql.holdNames)
    },
    async heldNameCandidates(after, limit) {
      if (!staging) return []
      // Indexed once, at the first page: no round holds names after it.
      if (!namesIndexed) {
        conn.exec(stagedSql.indexHeldNames)
        namesIndexed = true
      }
      const rows = all(stagedSql.heldNameCandidates, { subject: after.subjectId, row: after.rowNumber, limit }) as Array<{ row_number: number; name: string; subject_id: number }>
      return rows.map((r) => ({ rowNumber: r.row_number, name: r.name, subjectId: r.subject_id }))
    },
    async stagedRepeats(batchId) {
      return (all(stagedSql.repeated, { batch: batchId }) as Array<{ row_number: number; business_key: string }>).map((r) => ({ rowNumber: r.row_number, businessKey: r.business_key }))
    },
    async stagedOutcome() {
      return stmt(stagedSql.outcome).get() as StagedOutcome
    },
    async writeStaged(write) {
      const params = writeParams(write)
      run(stagedSql.insertRecords, params)
      run(stagedSql.supersede, params)
      run(stagedSql.insertVersions('sqlite'), params)
      run(stagedSql.advanceRecords, params)
      run(stagedSql.holdFreshStanding, params)
      run(stagedSql.dropRevisedHeldStanding, params)
      run(stagedSql.projectRevisedStanding('sqlite'), params)
    },
    async writeHeldStanding() {
      if (staging) run(stagedSql.projectHeldStanding('sqlite'))
    },
    async insertEvents(rows) {
      for (const e of rows) insertEvent.run(e.at, e.type, e.subjectId, e.recordId, e.payload)
    },
    async insertBatchErrors(rows) {
      for (const e of rows) insertError.run(e.batchId, e.rowNumber, e.column, e.value, e.code, e.message, e.messageEn, e.severity, e.rawRow)
    },
    async refreshStatistics() {
      // SQLite plans these lookups from the indexes alone; it keeps no statistics unless asked.
    },
    async finishBatch(batchId, o) {
      stmt('update batches set status = ?, received = ?, accepted = ?, updated = ?, unchanged = ?, rejected = ?, warnings = ?, completed_at = ? where id = ?').run(o.status, o.received, o.accepted, o.updated, o.unchanged, o.rejected, o.warnings, o.completedAt, batchId)
    },
  }
}
