/**
 * The query platform (issue 4).
 *
 * - records_subject (subject_id, category) becomes records_subject_summary (subject_id, status,
 *   category, department_id, current_version_id): a department's bulk lookup counts the records in
 *   force of 10,000 subjects per item and provider from the index alone, and a profile goes from
 *   the index straight to each current version, instead of first visiting every record row
 *   (scattered through the table by years of batches). It still serves every "records of this
 *   subject" read, and replacing rather than adding keeps ingestion at one index of this kind
 *   (a new version of a record moves its entry, as a status change does).
 * - authorisations_subject_grantee: a bank's authorisation in force for a subject, at query time.
 *
 * The query log already has its (subject_id, at) index for the subject's "who looked at my
 * records" view.
 */
import type { Kysely } from 'kysely'
import type { SchemaHelpers } from './schema-helpers.ts'

export async function up(db: Kysely<any>, _h: SchemaHelpers): Promise<void> {
  await db.schema.dropIndex('records_subject').execute()
  await db.schema.createIndex('records_subject_summary').on('records').columns(['subject_id', 'status', 'category', 'department_id', 'current_version_id']).execute()
  await db.schema.createIndex('authorisations_subject_grantee').on('authorisations').columns(['subject_id', 'grantee_department_id']).execute()
}
