/**
 * PostgreSQL: records_subject_summary carries each record's id (INCLUDE), so a credit check or a
 * profile reads a subject's records from the index alone. SQLite indexes carry the rowid already;
 * without it PostgreSQL visited every record's heap page — 8,700 scattered pages for the records of
 * 1,000 subjects, 80 % of a 100,000-subject check.
 */
import { sql, type Kysely } from 'kysely'
import type { SchemaHelpers } from './schema-helpers.ts'

export async function up(db: Kysely<any>, h: SchemaHelpers): Promise<void> {
  if (h.dialect !== 'postgres') return
  await db.schema.dropIndex('records_subject_summary').execute()
  await sql`create index records_subject_summary on records (subject_id, status, category, department_id, current_version_id) include (id)`.execute(db)
}
