/**
 * Objections (异议, 河南条例 Art. 41) and what every subject-rights case shares: evidence files
 * and deadline alerts (reminders, overdue escalations) keyed by case type and id, so credit repair
 * uses the same two tables.
 */
import type { Kysely } from 'kysely'
import type { SchemaHelpers } from './schema-helpers.ts'

export async function up(db: Kysely<any>, h: SchemaHelpers): Promise<void> {
  await h.table('evidence_files', (t) =>
    h.id(t)
      .addColumn('case_type', 'text', (c) => c.notNull())
      .addColumn('case_id', h.refType, (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('media_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('content', h.dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
      .addColumn('uploaded_by', 'text', (c) => c.notNull())
      .addColumn('uploaded_at', 'text', (c) => c.notNull()),
  )
  await db.schema.createIndex('evidence_files_case').on('evidence_files').columns(['case_type', 'case_id']).execute()

  await h.table('case_alerts', (t) =>
    h.id(t)
      .addColumn('case_type', 'text', (c) => c.notNull())
      .addColumn('case_id', h.refType, (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text', (c) => c.notNull())
      .addColumn('department_id', h.refType, (c) => c.references('departments.id'))
      .addColumn('raised_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('case_alerts_once', ['case_type', 'case_id', 'kind', 'due_on']),
  )
  await db.schema.createIndex('case_alerts_department').on('case_alerts').columns(['department_id', 'raised_at']).execute()

  await h.table('objections', (t) =>
    h.id(t)
      .addColumn('receipt_number', 'text', (c) => c.notNull().unique())
      .addColumn('record_id', h.refType, (c) => c.notNull().references('records.id'))
      .addColumn('record_version', 'integer', (c) => c.notNull())
      .addColumn('subject_id', h.refType, (c) => c.notNull().references('subjects.id'))
      .addColumn('department_id', h.refType, (c) => c.notNull().references('departments.id'))
      .addColumn('applicant_name', 'text', (c) => c.notNull())
      .addColumn('applicant_contact', 'text', (c) => c.notNull())
      .addColumn('applicant_relation', 'text', (c) => c.notNull())
      .addColumn('grounds', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      // The machine's whole case (dates, suspension, review) as JSON; the columns beside it are
      // the ones queues filter and sort on.
      .addColumn('detail', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text')
      .addColumn('outcome_note', 'text')
      .addColumn('corrected_version', 'integer')
      .addColumn('received_on', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text')
      .addColumn('final_due_on', 'text', (c) => c.notNull())
      .addColumn('access_token_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull()),
  )
  await db.schema.createIndex('objections_record').on('objections').columns(['record_id', 'state']).execute()
  await db.schema.createIndex('objections_subject').on('objections').columns(['subject_id']).execute()
  await db.schema.createIndex('objections_queue').on('objections').columns(['state', 'department_id', 'due_on']).execute()

  await h.table('objection_steps', (t) =>
    h.id(t)
      .addColumn('objection_id', h.refType, (c) => c.notNull().references('objections.id'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('from_state', 'text')
      .addColumn('to_state', 'text', (c) => c.notNull())
      .addColumn('actor_type', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('at', 'text', (c) => c.notNull()),
  )
  await db.schema.createIndex('objection_steps_objection').on('objection_steps').columns(['objection_id', 'id']).execute()
}
