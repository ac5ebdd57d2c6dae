/**
 * A bulk read whose rows come back as arrays, in the order of the select's columns. Reading
 * 200,000 standing facts for a batch credit check, SQLite spent half its time building a keyed
 * object per row; better-sqlite3's raw mode and pg's array row mode skip it. Outside transactions
 * only (on PostgreSQL it takes a pooled connection of its own).
 */
import type { CompiledQuery } from 'kysely'
import type { Database } from './create-database.ts'

export async function selectArrays(database: Pick<Database, 'dialect' | 'sqliteStatements' | 'pool'>, query: CompiledQuery): Promise<unknown[][]> {
  if (database.dialect === 'sqlite') {
    // The cached statement may be Kysely's too: raw only for this synchronous run.
    const statement = database.sqliteStatements!.prepare(query.sql) as unknown as { raw(on: boolean): void; all(...values: readonly unknown[]): unknown[][] }
    statement.raw(true)
    try {
      return statement.all(...query.parameters)
    } finally {
      statement.raw(false)
    }
  }
  const result = await database.pool!.query<unknown[]>({ text: query.sql, values: query.parameters as unknown[], rowMode: 'array' })
  return result.rows
}
