/**
 * PostgreSQL: records and their versions no longer have the store check their references (to the
 * subject, department, batch and record). Each check was a trigger per row that also locked the
 * referenced row (FOR KEY SHARE), rewriting the tuple header of every subject a batch touches:
 * 1M collected rows spent 28 of 150 s there (records 33.4 → 17.6 s, versions 30.2 → 18.2 s).
 * The references hold by construction, as the SQLite record writer (which checks none) already
 * relies on: every writer reads or inserts the rows it refers to in the same transaction, and
 * nothing deletes subjects, departments, batches or records.
 */
import { sql, type Kysely } from 'kysely'
import type { SchemaHelpers } from './schema-helpers.ts'

export async function up(db: Kysely<any>, h: SchemaHelpers): Promise<void> {
  if (h.dialect !== 'postgres') return
  await sql`alter table records drop constraint records_subject_id_fkey, drop constraint records_department_id_fkey`.execute(db)
  await sql`alter table record_versions drop constraint record_versions_record_id_fkey, drop constraint record_versions_department_id_fkey, drop constraint record_versions_batch_id_fkey`.execute(db)
}
