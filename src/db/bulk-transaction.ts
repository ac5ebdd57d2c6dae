/**
 * A transaction that writes many rows at once (a credit check's 100,000 answers and their query-log
 * entries). SQLite: one prepared INSERT run per row, through the connection's statement cache
 * (statement-cache.ts) — the Kysely transaction is on that same connection, and a prepared run
 * costs a few microseconds, less than building and unpacking one big statement. PostgreSQL: one
 * pooled client holds the transaction, so large sets can arrive by COPY, one stream of text with no
 * parameter per value (100,000 answers, 25 MB: about as fast as 6,000-parameter INSERTs, with
 * less built in JavaScript); a few rows go as one INSERT.
 */
import { Kysely, PostgresDialect } from 'kysely'
import type pg from 'pg'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { from as copyFrom } from 'pg-copy-streams'
import { copyLine, type BulkValue } from './bulk-load.ts'
import type { Database } from './create-database.ts'
import type { Tables } from './database.ts'

export interface BulkTransaction {
  db: Kysely<Tables>
  /** Many rows into one table, in this transaction. */
  insertRows(table: keyof Tables & string, columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<BulkValue>>): Promise<void>
}

/** Kysely over one pooled client: a pool that always lends it and never releases it. */
export function singleClientKysely(client: pg.PoolClient): Kysely<Tables> {
  const pool = { connect: async () => ({ query: (...args: unknown[]) => (client.query as (...a: unknown[]) => unknown)(...args), release: () => {} }), end: async () => {} }
  return new Kysely<Tables>({ dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }) })
}

// Up to this many rows go as one INSERT: COPY's extra protocol steps cost more than it saves.
const INSERT_AT_MOST = 64

export async function bulkTransaction<T>(database: Pick<Database, 'db' | 'dialect' | 'sqliteStatements' | 'pool'>, work: (tx: BulkTransaction) => Promise<T>): Promise<T> {
  if (database.dialect === 'sqlite') {
    return database.db.transaction().execute((trx) =>
      work({
        db: trx,
        async insertRows(table, columns, rows) {
          if (rows.length === 0) return
          const insert = database.sqliteStatements!.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`)
          for (const row of rows) insert.run(row)
        },
      }),
    )
  }
  const client = await database.pool!.connect()
  try {
    await client.query('begin')
    const result = await work({
      db: singleClientKysely(client),
      async insertRows(table, columns, rows) {
        if (rows.length === 0) return
        if (rows.length <= INSERT_AT_MOST) {
          const placeholders = rows.map((_, r) => `(${columns.map((_c, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ')
          await client.query(`insert into ${table} (${columns.join(', ')}) values ${placeholders}`, rows.flat())
          return
        }
        let text = ''
        for (const row of rows) text += copyLine(row as BulkValue[])
        await pipeline(Readable.from([text]), client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`)))
      },
    })
    await client.query('commit')
    return result
  } catch (error) {
    await client.query('rollback').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}
