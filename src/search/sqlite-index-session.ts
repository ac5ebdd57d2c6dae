/**
 * Index maintenance on SQLite: prepared statements on the platform's own connection, inside
 * `begin immediate`, holding Kysely's connection so no Kysely transaction interleaves. Names go to
 * search_names and their terms to the contentless FTS5 table search_terms (rowid = search_names.id).
 */
import type SqliteDatabase from 'better-sqlite3'
import type { Database } from '../db/create-database.ts'
import type { IndexRow } from './index-row.ts'
import type { IndexSession, IndexSource, IndexTransaction, SourceName } from './index-session.ts'
import type { NameSource } from './search-ranking.ts'

type Row = { id: number; subject_id: number; name: string; source: string; kind: string; division: string | null; status: string }
const toName = (r: Row): SourceName => ({ id: r.id, subjectId: r.subject_id, nameId: r.source === 'current' ? 0 : r.id, name: r.name, source: r.source as NameSource, kind: r.kind, division: r.division, status: r.status })

const currentNames = `select s.id, s.id as subject_id, s.name, 'current' as source, s.kind, s.division, s.status from subjects s`
const otherNames = `select n.id, n.subject_id, n.name, n.source, s.kind, s.division, s.status from subject_names n join subjects s on s.id = n.subject_id`
const ids = `(select value from json_each(?))`

export function sqliteIndexTransaction(database: Database): IndexTransaction {
  const sqlite = database.sqlite!
  const cache = new Map<string, SqliteDatabase.Statement>()
  const stmt = (text: string) => {
    let s = cache.get(text)
    if (!s) cache.set(text, (s = sqlite.prepare(text)))
    return s
  }

  // A first build inserts with the indexes dropped, so without the duplicate check.
  let building = false
  const session: IndexSession = {
    outOfOrderCommits: false,
    async highWater() {
      const rows = stmt('select source, high_water from search_progress').all() as Array<{ source: IndexSource; high_water: number }>
      return Object.fromEntries(rows.map((r) => [r.source, r.high_water])) as Record<IndexSource, number>
    },
    async setHighWater(marks) {
      for (const [source, mark] of Object.entries(marks)) stmt('update search_progress set high_water = ? where source = ?').run(mark, source)
    },
    async takeDirty(limit) {
      const rows = stmt('select id, subject_id from search_dirty order by id limit ?').all(limit) as Array<{ id: number; subject_id: number }>
      return { lastMark: rows.at(-1)?.id ?? 0, subjectIds: rows.map((r) => r.subject_id) }
    },
    async clearDirty(upTo) {
      stmt('delete from search_dirty where id <= ?').run(upTo)
    },
    async removeSubjects(subjectIds) {
      const json = JSON.stringify(subjectIds)
      const removeTerms = stmt('delete from search_terms where rowid = ?')
      const removed = stmt(`select id, normalized from search_names where subject_id in ${ids}`).all(json) as Array<{ id: number; normalized: string }>
      for (const r of removed) removeTerms.run(r.id)
      stmt(`delete from search_names where subject_id in ${ids}`).run(json)
      return removed.map((r) => r.normalized)
    },
    async namesOfSubjects(subjectIds) {
      const json = JSON.stringify(subjectIds)
      return [...(stmt(`${currentNames} where s.id in ${ids}`).all(json) as Row[]), ...(stmt(`${otherNames} where n.subject_id in ${ids}`).all(json) as Row[])].map(toName)
    },
    async readAfter(source, after, limit) {
      const text = source === 'subjects' ? `${currentNames} where s.id > ? order by s.id limit ?` : `${otherNames} where n.id > ? order by n.id limit ?`
      return (stmt(text).all(after, limit) as Row[]).map(toName)
    },
    // One writer at a time: ids are never committed out of order, so SQLite keeps no gaps.
    gaps: async () => [],
    readInGaps: async () => [],
    addGaps: async () => {},
    removeGap: async () => {},
    expireGaps: async () => {},
    async addRows(rows: IndexRow[]) {
      const insert = 'insert into search_names (subject_id, name_id, name, normalized, source, kind, division, active) values (?, ?, ?, ?, ?, ?, ?, ?)'
      // Not RETURNING: on a table with NOT NULL columns it makes each insert several times slower.
      const insertName = stmt(building ? insert : `${insert} on conflict (subject_id, name_id) do nothing`)
      const insertTerms = stmt('insert into search_terms (rowid, terms) values (?, ?)')
      const added: IndexRow[] = []
      for (const r of rows) {
        const inserted = insertName.run(r.subjectId, r.nameId, r.name, r.normalized, r.source, r.kind, r.division, r.active)
        if (inserted.changes === 0) continue
        insertTerms.run(inserted.lastInsertRowid, r.terms.join(' '))
        added.push(r)
      }
      return added
    },
    async addTermCounts(deltas) {
      const upsert = stmt('insert into search_term_counts (term, names) values (?, ?) on conflict (term) do update set names = names + excluded.names')
      for (const [term, by] of deltas) if (by !== 0) upsert.run(term, by)
    },
    async isEmpty() {
      const row = stmt("select not exists (select 1 from search_names) and (select max(high_water) from search_progress) = 0 as empty").get() as { empty: number }
      return row.empty === 1
    },
    async suspendIndexes() {
      const indexes = sqlite.prepare("select name, sql from sqlite_master where type = 'index' and tbl_name = 'search_names' and sql is not null").all() as Array<{ name: string; sql: string }>
      for (const index of indexes) sqlite.exec(`drop index ${index.name}`)
      cache.clear()
      building = true
      return async () => {
        for (const index of indexes) sqlite.exec(index.sql)
        cache.clear()
        building = false
      }
    },
  }

  return async (wait, work) =>
    database.db.connection().execute(async () => {
      // A search must not wait on a batch holding the write lock: it searches the index as it is.
      const previous = sqlite.pragma('busy_timeout', { simple: true }) as number
      if (!wait) sqlite.pragma('busy_timeout = 0')
      try {
        sqlite.exec('begin immediate')
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_BUSY') return { busy: true as const }
        throw error
      } finally {
        if (!wait) sqlite.pragma(`busy_timeout = ${previous}`)
      }
      try {
        const value = await work(session)
        sqlite.exec('commit')
        return { busy: false as const, value }
      } catch (error) {
        if (sqlite.inTransaction) sqlite.exec('rollback')
        throw error
      }
    })
}
