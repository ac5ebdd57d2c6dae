/**
 * PostgreSQL: one pooled client holds the batch's transaction; rows arrive by COPY (into the stage
 * or straight into their tables), so a round costs a handful of round trips.
 */
import type pg from 'pg'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { from as copyFrom } from 'pg-copy-streams'
import { copyLine, type BulkValue } from '../bulk-load.ts'
import { singleClientKysely } from '../bulk-transaction.ts'
import type { Database } from '../create-database.ts'
import type { RecordWriter } from './record-writer.ts'
import { compile, stageRowCopyLine, stageColumns, stagedSql, stageTables, writeParams, type StagedOutcome, type StageValue, type UnlinkedRow } from './staged-records.ts'

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

  let staging = false
  let namesIndexed = false
  const run = async (sql: string, params: Record<string, StageValue> = {}) => {
    const { text, values } = compile('postgres', sql, params)
    return (await client.query(text, values as StageValue[])).rows
  }

  return {
    kysely: singleClientKysely(client),
    async begin() {
      // Room for a round's stage in memory (default 8 MB spills to disk). Settable only before the
      // session first touches a temporary table: a pooled connection that did already keeps its own.
      await q("set temp_buffers = '32MB'").catch(() => {})
      await q('begin')
      // A round is a few thousand staged rows driving index lookups into large tables. Within the
      // batch's transaction the planner's statistics lag far behind (records grows by a million
      // rows it cannot see), so it would hash whole tables; and JIT compiling each statement
      // costs more than running it.
      await q('set local jit = off; set local enable_hashjoin = off; set local enable_mergejoin = off')
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
      const { rows } = await q(`select nextval(pg_get_serial_sequence('${table}', 'id')) as id from generate_series(1, $1)`, [count])
      return rows.map((r: { id: string | number }) => Number(r.id))
    },
    async reserveRange(table, count) {
      const sequence = `pg_get_serial_sequence('${table}', 'id')`
      for (;;) {
        const { rows } = await q(`select min(id) as first, max(id) as last from (select nextval(${sequence}) as id from generate_series(1, $1)) t`, [Math.max(count, 1)])
        const first = Number(rows[0].first)
        // Another session took values meanwhile: these are lost (gaps are harmless); try again.
        if (Number(rows[0].last) - first + 1 === Math.max(count, 1)) return first
      }
    },
    async subjectNames(ids) {
      const out = new Map<number, { name: string; names: Set<string> }>()
      const subjects = await q('select id, name from subjects where id = any($1::bigint[])', [ids])
      for (const r of subjects.rows as Array<{ id: number; name: string }>) out.set(Number(r.id), { name: r.name, names: new Set([r.name]) })
      const names = await q('select subject_id, name from subject_names where subject_id = any($1::bigint[])', [ids])
      for (const r of names.rows as Array<{ subject_id: number; name: string }>) out.get(Number(r.subject_id))?.names.add(r.name)
      return out
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
    async standingKeys(category) {
      // A rebuild holds records in share mode (standing-facts.repository.ts), which this lock
      // excludes until the batch ends: the keys read now are the ones its rounds write under.
      await q('lock table records in row exclusive mode')
      const { rows } = await q('select keys from standing_items where category = $1', [category])
      return rows.length ? (JSON.parse(rows[0].keys as string) as string[]) : null
    },
    async stageRound(rows) {
      if (!staging) {
        for (const ddl of stageTables('postgres')) await q(ddl)
        staging = true
      }
      // Truncated, not deleted: temporary tables are never vacuumed, and dead rows would pile up.
      await q('truncate xy_stage, xy_stage_link')
      let text = ''
      rows.forEach((row, seq) => (text += stageRowCopyLine(row, seq)))
      await pipeline(Readable.from([text]), client.query(copyFrom(`copy xy_stage (${stageColumns.join(', ')}) from stdin`)))
      // Without statistics the planner takes the stage for empty and joins it badly.
      await q('analyze xy_stage (seq)')
    },
    async classifyStaged(category) {
      await run(stagedSql.classify('postgres'), { category })
      await q('analyze xy_stage_link')
    },
    async unlinkedStaged() {
      return (await run(stagedSql.unlinked)) as UnlinkedRow[]
    },
    async relinkStaged() {
      await run(stagedSql.relink('postgres'))
    },
    async holdNames() {
      await run(stagedSql.holdNames)
    },
    async heldNameCandidates(after, limit) {
      if (!staging) return []
      // Indexed once, at the first page: no round holds names after it.
      if (!namesIndexed) {
        await q(stagedSql.indexHeldNames)
        await q('analyze xy_names')
        namesIndexed = true
      }
      const rows = await run(stagedSql.heldNameCandidates, { subject: after.subjectId, row: after.rowNumber, limit })
      return rows.map((r: { row_number: number; name: string; subject_id: string }) => ({ rowNumber: r.row_number, name: r.name, subjectId: Number(r.subject_id) }))
    },
    async stagedRepeats(batchId) {
      return (await run(stagedSql.repeated, { batch: batchId })).map((r: { row_number: number; business_key: string }) => ({ rowNumber: r.row_number, businessKey: r.business_key }))
    },
    async stagedOutcome() {
      const [o] = await run(stagedSql.outcome)
      return { fresh: Number(o.fresh), unchanged: Number(o.unchanged), revised: Number(o.revised), revoked: Number(o.revoked) } satisfies StagedOutcome
    },
    async writeStaged(write) {
      const params = writeParams(write)
      await run(stagedSql.insertRecords, params)
      await run(stagedSql.supersede, params)
      await run(stagedSql.insertVersions('postgres'), params)
      await run(stagedSql.advanceRecords, params)
      await run(stagedSql.holdFreshStanding, params)
      await run(stagedSql.dropRevisedHeldStanding, params)
      await run(stagedSql.projectRevisedStanding('postgres'), params)
    },
    async writeHeldStanding() {
      if (staging) await run(stagedSql.projectHeldStanding('postgres'))
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
    async refreshStatistics() {
      await q('analyze records; analyze record_versions')
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
