/**
 * Credit repair applications (信用修复, issue 5) and their steps. Materials go to evidence_files
 * and deadline alerts to case_alerts (case type 'repair', both from 0006). An approved repair is
 * also a record decision ('repaired', 0004), which is what ends the record's publicity.
 */
import { sql, type Kysely } from 'kysely'
import type { SchemaHelpers } from './schema-helpers.ts'

export async function up(db: Kysely<any>, h: SchemaHelpers): Promise<void> {
  await h.table('repairs', (t) =>
    h.id(t)
      .addColumn('receipt_number', 'text', (c) => c.notNull().unique())
      .addColumn('record_id', h.refType, (c) => c.notNull().references('records.id'))
      .addColumn('subject_id', h.refType, (c) => c.notNull().references('subjects.id'))
      // 谁认定谁修复: the record's provider department decides.
      .addColumn('department_id', h.refType, (c) => c.notNull().references('departments.id'))
      .addColumn('applicant_name', 'text', (c) => c.notNull())
      .addColumn('applicant_contact', 'text', (c) => c.notNull())
      .addColumn('applicant_relation', 'text', (c) => c.notNull())
      .addColumn('power_of_attorney', 'text')
      .addColumn('commitment_text', 'text', (c) => c.notNull())
      .addColumn('commitment_signed_at', 'text', (c) => c.notNull())
      .addColumn('obligations_statement', 'text', (c) => c.notNull())
      .addColumn('obligations_evidence', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('materials_missing', 'text')
      .addColumn('required_steps', 'text', (c) => c.notNull())
      .addColumn('completed_steps', 'text', (c) => c.notNull())
      .addColumn('received_on', 'text', (c) => c.notNull())
      .addColumn('feedback_due_on', 'text', (c) => c.notNull())
      .addColumn('accepted_on', 'text')
      .addColumn('decision_due_on', 'text')
      // The earliest deadline running against the department; null while none runs.
      .addColumn('due_on', 'text')
      .addColumn('decision', 'text')
      .addColumn('reasons', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('decided_by', 'text')
      .addColumn('access_token_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull()),
  )
  await db.schema.createIndex('repairs_record').on('repairs').columns(['record_id', 'state']).execute()
  // One open application per record: a second one waits for the first to be decided or withdrawn.
  await db.schema.createIndex('repairs_one_open').on('repairs').column('record_id').unique().where(sql.ref('state'), 'in', ['submitted', 'materials_requested', 'resubmitted', 'accepted']).execute()
  await db.schema.createIndex('repairs_subject').on('repairs').columns(['subject_id']).execute()
  await db.schema.createIndex('repairs_queue').on('repairs').columns(['state', 'department_id', 'due_on']).execute()

  await h.table('repair_steps', (t) =>
    h.id(t)
      .addColumn('repair_id', h.refType, (c) => c.notNull().references('repairs.id'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('from_state', 'text')
      .addColumn('to_state', 'text', (c) => c.notNull())
      .addColumn('actor_type', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('at', 'text', (c) => c.notNull()),
  )
  await db.schema.createIndex('repair_steps_repair').on('repair_steps').columns(['repair_id', 'id']).execute()
}
