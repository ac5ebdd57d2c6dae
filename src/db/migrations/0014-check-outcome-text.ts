/**
 * PostgreSQL: a credit check's stored answer (credit_check_results.outcome) becomes text, kept
 * byte for byte as it was given, like the file hashes and payload sources beside it. It is never
 * queried inside, and parsing 100,000 answers into jsonb took most of the time a batch check spent
 * storing them. SQLite keeps JSON as text already.
 */
import { sql, type Kysely } from 'kysely'
import type { SchemaHelpers } from './schema-helpers.ts'

export async function up(db: Kysely<any>, h: SchemaHelpers): Promise<void> {
  if (h.dialect !== 'postgres') return
  await sql`alter table credit_check_results alter column outcome type text using outcome::text`.execute(db)
}
