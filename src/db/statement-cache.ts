/**
 * better-sqlite3 prepares a statement anew for every query Kysely sends, and preparing costs more
 * than running a point read (about a quarter of a credit check's time went to `prepare`). This
 * hands Kysely the connection with its prepared statements kept by SQL text, least recently used
 * first out. Safe because Kysely runs one query at a time on its one SQLite connection.
 */
import type SqliteDatabase from 'better-sqlite3'
import type { SqliteDatabase as KyselySqliteDatabase } from 'kysely'

export const STATEMENT_CACHE_SIZE = 500

export function withStatementCache(sqlite: SqliteDatabase.Database, size = STATEMENT_CACHE_SIZE): KyselySqliteDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>()
  return {
    prepare(sql: string) {
      let statement = statements.get(sql)
      if (statement) {
        // Move to the most recent end of the Map's insertion order.
        statements.delete(sql)
        statements.set(sql, statement)
        return statement
      }
      statement = sqlite.prepare(sql)
      statements.set(sql, statement)
      if (statements.size > size) statements.delete(statements.keys().next().value!)
      return statement
    },
    close() {
      statements.clear()
      sqlite.close()
    },
  }
}
