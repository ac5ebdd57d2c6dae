/**
 * Joint rewards and punishments (issue 6): the matter and measure catalogs (definitions as JSON
 * with a version, seeded from the built-ins), the written pre-notices served before listing
 * (河南条例 Art. 28), the responsible persons of list entries (Art. 35, ID numbers sealed like
 * subjects' identifiers), credit checks with their per-subject results, and the feedback on them.
 * A list entry's status is never stored: it is derived from its record's dates at query time.
 */
import type { Kysely } from 'kysely'
import type { SchemaHelpers } from './schema-helpers.ts'
import { builtInMatters } from '../../sanctions/matters.ts'
import { builtInMeasures } from '../../sanctions/measures.ts'

export async function up(db: Kysely<any>, h: SchemaHelpers): Promise<void> {
  for (const name of ['matters', 'measures']) {
    await h.table(name, (t) =>
      t
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('definition', h.jsonType, (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull()),
    )
  }
  const at = new Date(0).toISOString()
  const seed = (code: string, definition: unknown) => ({ code, version: 1, definition: JSON.stringify(definition), status: 'active', updated_at: at, updated_by: 'system:built-in' })
  await db.insertInto('matters').values(builtInMatters.map((m) => seed(m.code, m))).execute()
  await db.insertInto('measures').values(builtInMeasures.map((m) => seed(m.code, m))).execute()

  await h.table('list_pre_notices', (t) =>
    h.id(t)
      .addColumn('subject_id', h.refType, (c) => c.notNull().references('subjects.id'))
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('department_id', h.refType, (c) => c.notNull().references('departments.id'))
      .addColumn('notice_number', 'text', (c) => c.notNull())
      .addColumn('served_on', 'text', (c) => c.notNull())
      .addColumn('delivery', 'text', (c) => c.notNull())
      .addColumn('basis', 'text', (c) => c.notNull())
      .addColumn('reasons', 'text', (c) => c.notNull())
      .addColumn('measures', 'text', (c) => c.notNull())
      .addColumn('objection_until', 'text')
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull()),
  )
  await db.schema.createIndex('list_pre_notices_subject').on('list_pre_notices').columns(['subject_id', 'category', 'served_on']).execute()

  await h.table('list_responsible_persons', (t) =>
    h.id(t)
      .addColumn('record_id', h.refType, (c) => c.notNull().references('records.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('id_ciphertext', 'text')
      .addColumn('id_hash', 'text')
      .addColumn('id_masked', 'text')
      .addColumn('department_id', h.refType, (c) => c.notNull().references('departments.id'))
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull()),
  )
  await db.schema.createIndex('list_responsible_persons_record').on('list_responsible_persons').columns(['record_id']).execute()
  await db.schema.createIndex('list_responsible_persons_hash').on('list_responsible_persons').columns(['id_hash']).execute()

  await h.table('credit_checks', (t) =>
    h.id(t)
      .addColumn('matter', 'text', (c) => c.notNull())
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('department_id', h.refType, (c) => c.references('departments.id'))
      .addColumn('actor_type', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('checked_on', 'text', (c) => c.notNull())
      .addColumn('subjects', 'integer', (c) => c.notNull())
      .addColumn('found', 'integer', (c) => c.notNull())
      .addColumn('hits', 'integer', (c) => c.notNull())
      .addColumn('feedback_due_on', 'text')
      .addColumn('feedback_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_feedback_at', 'text'),
  )
  await db.schema.createIndex('credit_checks_department').on('credit_checks').columns(['department_id', 'at']).execute()
  await db.schema.createIndex('credit_checks_due').on('credit_checks').columns(['feedback_due_on']).execute()

  await h.table('credit_check_results', (t) =>
    t
      .addColumn('check_id', h.refType, (c) => c.notNull().references('credit_checks.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('subject_id', h.refType)
      .addColumn('hit', 'integer', (c) => c.notNull())
      .addColumn('outcome', h.jsonType)
      .addPrimaryKeyConstraint('credit_check_results_pk', ['check_id', 'position']),
  )

  await h.table('credit_check_feedback', (t) =>
    h.id(t)
      .addColumn('check_id', h.refType, (c) => c.notNull().references('credit_checks.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('subject_id', h.refType)
      .addColumn('measures', h.jsonType, (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('amount', 'text')
      .addColumn('note', 'text')
      .addColumn('department_id', h.refType, (c) => c.references('departments.id'))
      .addColumn('actor_type', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull()),
  )
  await db.schema.createIndex('credit_check_feedback_check').on('credit_check_feedback').columns(['check_id', 'position']).execute()
}
