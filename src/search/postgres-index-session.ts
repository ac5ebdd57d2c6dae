/**
 * Index maintenance on PostgreSQL: one pooled client, one transaction, serialised across processes
 * by an advisory lock for this schema (a search that finds it taken does not wait). Rows go
 * through COPY into a temporary stage, then into search_names with their tsvector, skipping names
 * already indexed.
 */
import type pg from 'pg'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { from as copyFrom } from 'pg-copy-streams'
import { copyLine } from '../db/bulk-load.ts'
import type { Database } from '../db/create-database.ts'
import { tsvectorLiteral, type IndexRow } from './index-row.ts'
import type { IndexSession, IndexSource, IndexTransaction, SourceName } from './index-session.ts'
import type { NameSource } from './search-ranking.ts'

type Row = { id: string | number; subject_id: string | number; name: string; source: string; kind: string; division: string | null; status: string }
const toName = (r: Row): SourceName => ({ id: Number(r.id), subjectId: Number(r.subject_id), nameId: r.source === 'current' ? 0 : Number(r.id), name: r.name, source: r.source as NameSource, kind: r.kind, division: r.division, status: r.status })

const currentNames = `select s.id, s.id as subject_id, s.name, 'current' as source, s.kind, s.division, s.status from subjects s`
type NameRow = { id: string | number; subject_id: string | number; name: string; source: string }
type Facts = { id: string | number; kind: string; division: string | null; status: string }
const lockKey = `hashtext('xinyong.search'), hashtext(current_schema())`
const stageColumns = 'subject_id, name_id, name, normalized, source, kind, division, active, terms'

function session(client: pg.PoolClient): IndexSession {
  const q = <R extends pg.QueryResultRow>(text: string, values?: unknown[]) => client.query<R>(text, values)
  // Names first, then their subjects by id: joining in one statement lets the planner hash all subjects.
  async function withSubjects(names: NameRow[]): Promise<SourceName[]> {
    if (!names.length) return []
    const { rows } = await q<Facts>('select id, kind, division, status from subjects where id = any($1::bigint[])', [[...new Set(names.map((n) => n.subject_id))]])
    const facts = new Map(rows.map((r) => [Number(r.id), r]))
    return names.flatMap((n) => {
      const f = facts.get(Number(n.subject_id))
      return f ? [toName({ ...n, kind: f.kind, division: f.division, status: f.status })] : []
    })
  }
  let staged = false
  // A first build copies straight into search_names, its secondary indexes dropped.
  let building = false
  return {
    outOfOrderCommits: true,
    async highWater() {
      const { rows } = await q<{ source: IndexSource; high_water: string | number }>('select source, high_water from search_progress')
      return Object.fromEntries(rows.map((r) => [r.source, Number(r.high_water)])) as Record<IndexSource, number>
    },
    async setHighWater(marks) {
      await q('update search_progress p set high_water = m.mark from unnest($1::text[], $2::bigint[]) as m(source, mark) where p.source = m.source', [Object.keys(marks), Object.values(marks)])
    },
    async takeDirty(limit) {
      const { rows } = await q<{ id: string | number; subject_id: string | number }>('select id, subject_id from search_dirty order by id limit $1', [limit])
      return { lastMark: Number(rows.at(-1)?.id ?? 0), subjectIds: rows.map((r) => Number(r.subject_id)) }
    },
    async clearDirty(upTo) {
      await q('delete from search_dirty where id <= $1', [upTo])
    },
    async removeSubjects(subjectIds) {
      const { rows } = await q<{ normalized: string }>('delete from search_names where subject_id = any($1::bigint[]) returning normalized', [subjectIds])
      return rows.map((r) => r.normalized)
    },
    async namesOfSubjects(subjectIds) {
      const current = await q<Row>(`${currentNames} where s.id = any($1::bigint[])`, [subjectIds])
      const others = await q<NameRow>('select id, subject_id, name, source from subject_names where subject_id = any($1::bigint[])', [subjectIds])
      return [...current.rows.map(toName), ...(await withSubjects(others.rows))]
    },
    async readAfter(source, after, limit) {
      if (source === 'subjects') return (await q<Row>(`${currentNames} where s.id > $1 order by s.id limit $2`, [after, limit])).rows.map(toName)
      return withSubjects((await q<NameRow>('select id, subject_id, name, source from subject_names where id > $1 order by id limit $2', [after, limit])).rows)
    },
    async gaps(source) {
      const { rows } = await q<{ id: string; low: string; high: string; noted_at: string }>('select id, low, high, noted_at from search_gaps where source = $1 order by low', [source])
      return rows.map((r) => ({ id: Number(r.id), low: Number(r.low), high: Number(r.high), notedAt: r.noted_at }))
    },
    async readInGaps(source, limit) {
      // Lateral: one primary-key range scan per gap, whatever the planner thinks of the join.
      if (source === 'subjects') {
        const { rows } = await q<Row>(`select x.* from search_gaps g cross join lateral (${currentNames} where s.id between g.low and g.high order by s.id limit $1) x where g.source = 'subjects' order by x.id limit $1`, [limit])
        return rows.map(toName)
      }
      const { rows } = await q<NameRow>(
        `select x.* from search_gaps g cross join lateral (select n.id, n.subject_id, n.name, n.source from subject_names n where n.id between g.low and g.high order by n.id limit $1) x where g.source = 'subject_names' order by x.id limit $1`,
        [limit],
      )
      return withSubjects(rows)
    },
    async addGaps(source, gaps, notedAt) {
      if (!gaps.length) return
      await q('insert into search_gaps (source, low, high, noted_at) select $1, low, high, $4 from unnest($2::bigint[], $3::bigint[]) as g(low, high)', [source, gaps.map((g) => g.low), gaps.map((g) => g.high), notedAt])
    },
    async removeGap(id) {
      await q('delete from search_gaps where id = $1', [id])
    },
    async expireGaps(notedBefore) {
      await q('delete from search_gaps where noted_at < $1', [notedBefore])
    },
    async addRows(rows: IndexRow[]) {
      if (!rows.length) return []
      if (!staged) {
        await q(`create temporary table if not exists search_stage (subject_id bigint, name_id bigint, name text, normalized text, source text, kind text, division text, active integer, terms tsvector) on commit delete rows`)
        staged = true
      }
      let text = ''
      for (const r of rows) text += copyLine([r.subjectId, r.nameId, r.name, r.normalized, r.source, r.kind, r.division, r.active, tsvectorLiteral(r.terms)])
      if (building) {
        await pipeline(Readable.from([text]), client.query(copyFrom(`copy search_names (${stageColumns}) from stdin`)))
        return rows
      }
      await pipeline(Readable.from([text]), client.query(copyFrom(`copy search_stage (${stageColumns}) from stdin`)))
      const inserted = await q<{ subject_id: string; name_id: string }>(`insert into search_names (${stageColumns}) select ${stageColumns} from search_stage on conflict (subject_id, name_id) do nothing returning subject_id, name_id`)
      await q('truncate search_stage')
      const keys = new Set(inserted.rows.map((r) => `${r.subject_id}:${r.name_id}`))
      return rows.filter((r) => keys.has(`${r.subjectId}:${r.nameId}`))
    },
    async addTermCounts(deltas) {
      const changed = [...deltas].filter(([, by]) => by !== 0)
      if (!changed.length) return
      await q(
        `insert into search_term_counts (term, names) select * from unnest($1::text[], $2::int[])
           on conflict (term) do update set names = search_term_counts.names + excluded.names`,
        [changed.map(([t]) => t), changed.map(([, by]) => by)],
      )
    },
    async isEmpty() {
      const { rows } = await q<{ empty: boolean }>('select not exists (select 1 from search_names) and (select max(high_water) from search_progress) = 0 as empty')
      return rows[0]!.empty
    },
    async suspendIndexes() {
      // Secondary indexes only: the primary key is a constraint.
      const { rows: indexes } = await q<{ indexname: string; indexdef: string }>(
        `select i.indexname, i.indexdef from pg_indexes i
          where i.schemaname = current_schema() and i.tablename = 'search_names'
            and not exists (select 1 from pg_constraint c where c.conname = i.indexname and c.connamespace = current_schema()::regnamespace)`,
      )
      for (const index of indexes) await q(`drop index ${index.indexname}`)
      building = true
      return async () => {
        // Building the GIN index is the long step: give it memory for this transaction.
        await q("set local maintenance_work_mem = '256MB'")
        for (const index of indexes) await q(index.indexdef)
        // Fresh statistics, or the planner guesses (and a common term's bitmap scan costs 50 ms).
        await q('analyze search_names')
        await q('analyze search_term_counts')
        building = false
      }
    },
  }
}

export function postgresIndexTransaction(database: Database): IndexTransaction {
  return async (wait, work) => {
    const client = await database.pool!.connect()
    try {
      await client.query('begin')
      try {
        if (wait) await client.query(`select pg_advisory_xact_lock(${lockKey})`)
        else {
          const { rows } = await client.query<{ locked: boolean }>(`select pg_try_advisory_xact_lock(${lockKey}) as locked`)
          if (!rows[0]!.locked) {
            await client.query('rollback')
            return { busy: true as const }
          }
        }
        const value = await work(session(client))
        await client.query('commit')
        return { busy: false as const, value }
      } catch (error) {
        await client.query('rollback').catch(() => {})
        throw error
      }
    } finally {
      client.release()
    }
  }
}
