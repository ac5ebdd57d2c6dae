/**
 * Loads many rows fast, for seeding and benchmarks: prepared multi-row INSERTs in one transaction
 * on SQLite, COPY on PostgreSQL. Rows carry their ids, so a chunk can link rows across tables.
 * All chunks go in one transaction: a failed load leaves nothing behind.
 */
import { sql } from 'kysely'
import { from as copyFrom } from 'pg-copy-streams'
import { pipeline } from 'node:stream/promises'
import { Readable } from 'node:stream'
import type { Database } from './create-database.ts'
import type { Tables } from './database.ts'

export type BulkValue = string | number | null

export interface BulkTable {
  name: keyof Tables & string
  columns: readonly string[]
  /** The identity column whose sequence must move past the loaded ids (PostgreSQL). */
  idColumn?: string
}

/** One chunk: for each table (in the order given), the rows to add. */
export type BulkChunk = BulkValue[][][]

export async function nextIds(database: Database, tables: BulkTable[]): Promise<number[]> {
  const out: number[] = []
  for (const t of tables) {
    const column = t.idColumn ?? 'id'
    const { rows } = await sql<{ m: number | null }>`select max(${sql.ref(column)}) as m from ${sql.table(t.name)}`.execute(database.db)
    out.push(Number(rows[0]?.m ?? 0) + 1)
  }
  return out
}

/**
 * Into empty tables the secondary indexes are dropped first and built once at the end, inside the
 * same transaction: building a b-tree from all keys is several times faster than inserting random
 * keys one by one, and a duplicate still fails the whole load when the unique index is rebuilt.
 */
export async function bulkLoad(database: Database, tables: BulkTable[], chunks: AsyncIterable<BulkChunk> | Iterable<BulkChunk>): Promise<number> {
  const empty = (await nextIds(database, tables)).every((id) => id === 1)
  return database.dialect === 'sqlite' ? loadSqlite(database, tables, chunks, empty) : loadPostgres(database, tables, chunks, empty)
}

const ROWS_PER_STATEMENT = 64

async function loadSqlite(database: Database, tables: BulkTable[], chunks: AsyncIterable<BulkChunk> | Iterable<BulkChunk>, rebuildIndexes: boolean): Promise<number> {
  const sqlite = database.sqlite!
  const indexes = rebuildIndexes
    ? (sqlite
        .prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${tables.map(() => '?').join(', ')})`)
        .all(...tables.map((t) => t.name)) as Array<{ name: string; sql: string }>)
    : []
  const statement = (t: BulkTable, rows: number) =>
    sqlite.prepare(`insert into ${t.name} (${t.columns.join(', ')}) values ${Array.from({ length: rows }, () => `(${t.columns.map(() => '?').join(', ')})`).join(', ')}`)
  const many = tables.map((t) => statement(t, ROWS_PER_STATEMENT))
  const one = tables.map((t) => statement(t, 1))
  let total = 0
  // Into empty tables, a rollback journal: pages beyond the file's old end are not journaled, so
  // each page is written once, where the write-ahead log would hold the whole load and then copy
  // it into the file. Only a connection alone on the file can switch; otherwise it stays WAL.
  let switched = false
  if (rebuildIndexes && sqlite.pragma('journal_mode', { simple: true }) === 'wal') {
    try {
      switched = sqlite.pragma('journal_mode = delete', { simple: true }) === 'delete'
    } catch {
      // SQLITE_BUSY: another connection has the file open.
    }
  }
  sqlite.exec('begin immediate')
  try {
    for (const index of indexes) sqlite.exec(`drop index ${index.name}`)
    for await (const chunk of chunks) {
      tables.forEach((_, i) => {
        const rows = chunk[i] ?? []
        let at = 0
        for (; at + ROWS_PER_STATEMENT <= rows.length; at += ROWS_PER_STATEMENT) many[i]!.run(rows.slice(at, at + ROWS_PER_STATEMENT).flat())
        for (; at < rows.length; at++) one[i]!.run(rows[at]!)
        total += rows.length
      })
    }
    for (const index of indexes) sqlite.exec(index.sql)
    sqlite.exec('commit')
  } catch (error) {
    sqlite.exec('rollback')
    throw error
  } finally {
    if (switched) sqlite.pragma('journal_mode = wal')
  }
  return total
}

/** COPY text format: tab-separated, \N for null, backslash escapes. */
export function copyLine(row: BulkValue[]): string {
  let line = ''
  for (let i = 0; i < row.length; i++) {
    const v = row[i]
    if (i) line += '\t'
    if (v === null || v === undefined) line += '\\N'
    else if (typeof v === 'number') line += String(v)
    else line += /[\\\t\n\r]/.test(v) ? v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : v
  }
  return line + '\n'
}

async function loadPostgres(database: Database, tables: BulkTable[], chunks: AsyncIterable<BulkChunk> | Iterable<BulkChunk>, rebuildIndexes: boolean): Promise<number> {
  const client = await database.pool!.connect()
  let total = 0
  try {
    await client.query('begin')
    // Secondary indexes only: primary keys and constraints stay, since other rows may refer to them.
    const indexes = rebuildIndexes
      ? (
          await client.query<{ indexname: string; indexdef: string }>(
            `select i.indexname, i.indexdef from pg_indexes i
              where i.schemaname = current_schema() and i.tablename = any($1)
                and not exists (select 1 from pg_constraint c where c.conname = i.indexname and c.connamespace = current_schema()::regnamespace)`,
            [tables.map((t) => t.name)],
          )
        ).rows
      : []
    for (const index of indexes) await client.query(`drop index ${index.indexname}`)
    for await (const chunk of chunks) {
      for (let i = 0; i < tables.length; i++) {
        const rows = chunk[i] ?? []
        if (rows.length === 0) continue
        const t = tables[i]!
        const text = rows.map(copyLine).join('')
        await pipeline(Readable.from([text]), client.query(copyFrom(`copy ${t.name} (${t.columns.join(', ')}) from stdin`)))
        total += rows.length
      }
    }
    for (const index of indexes) await client.query(index.indexdef)
    for (const t of tables) {
      const column = t.idColumn ?? 'id'
      await client.query(`select setval(pg_get_serial_sequence('${t.name}', '${column}'), greatest((select max(${column}) from ${t.name}), 1))`)
    }
    await client.query('commit')
  } catch (error) {
    await client.query('rollback').catch(() => {})
    throw error
  } finally {
    client.release()
  }
  return total
}
