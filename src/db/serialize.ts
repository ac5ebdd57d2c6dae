/**
 * Serialises writers of one logical resource for the rest of a transaction. PostgreSQL takes a
 * transaction-scoped advisory lock; SQLite already admits one writing transaction at a time.
 */
import { sql, type Kysely } from 'kysely'
import type { Dialect } from './create-database.ts'

export async function serializeWriters(executor: Kysely<any>, dialect: Dialect, resource: string): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${resource}))`.execute(executor)
}
