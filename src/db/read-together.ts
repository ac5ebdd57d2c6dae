/**
 * The reads of one request sent together. On PostgreSQL each read costs a round trip, a bind and an
 * execution on the server, and a parse of its rows in Node — for the short indexed reads of a
 * profile, more than the reads themselves. Here they go as one statement whose columns are the
 * reads' rows as JSON arrays (json_agg over each read, which keeps its ORDER BY: the sorted rows
 * feed the aggregate directly), parsed once. SQLite has no round trips: it runs them one by one.
 */
import { CompiledQuery } from 'kysely'
import type { Database } from './create-database.ts'

/** A read that can be sent alone or with others: its statement and what its rows become. */
export interface Read<T> {
  query: CompiledQuery
  // Rows as the store gives them; each read's own mapper knows their columns.
  map(rows: readonly any[]): T
}

type Results<R> = { [K in keyof R]: R[K] extends Read<infer T> ? T : never }

/** The same statement, its result mapped further. */
export const mapRead = <T, U>(read: Read<T>, f: (value: T) => U): Read<U> => ({ query: read.query, map: (rows) => f(read.map(rows)) })

export async function readAlone<T>(database: Pick<Database, 'db'>, read: Read<T>): Promise<T> {
  return read.map((await database.db.executeQuery(read.query)).rows)
}

/**
 * Runs every read and maps its rows. The reads' SQL must take its values as parameters ($1…), as
 * Kysely compiles it, and hold no `$digit` in literals: their parameters are renumbered into one list.
 */
export async function readTogether<R extends Record<string, Read<unknown>>>(database: Pick<Database, 'db' | 'dialect'>, reads: R): Promise<Results<R>> {
  const entries = Object.entries(reads)
  const out: Record<string, unknown> = {}
  if (database.dialect === 'sqlite') {
    for (const [key, read] of entries) out[key] = await readAlone(database, read)
    return out as Results<R>
  }
  const parameters: unknown[] = []
  const columns = entries.map(([key, read]) => {
    const offset = parameters.length
    parameters.push(...read.query.parameters)
    const text = offset === 0 ? read.query.sql : read.query.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`)
    return `(select coalesce(json_agg(t), '[]') from (${text}) t) as "${key}"`
  })
  const { rows } = await database.db.executeQuery<Record<string, unknown[]>>(CompiledQuery.raw(`select ${columns.join(', ')}`, parameters))
  for (const [key, read] of entries) out[key] = read.map(rows[0]![key]!)
  return out as Results<R>
}
