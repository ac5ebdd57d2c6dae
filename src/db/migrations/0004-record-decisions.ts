/**
 * Decisions about a record taken after it was collected (issue 5): an approved credit repair, an
 * archiving, a deletion on objection. Whether a record is shown is derived at query time from its
 * dates and these decisions; nothing here is a "shown" flag.
 */
import type { Kysely } from 'kysely'
import type { SchemaHelpers } from './schema-helpers.ts'

export async function up(db: Kysely<any>, h: SchemaHelpers): Promise<void> {
  await h.table('record_decisions', (t) =>
    h.id(t)
      .addColumn('record_id', h.refType, (c) => c.notNull().references('records.id'))
      .addColumn('subject_id', h.refType, (c) => c.notNull().references('subjects.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('effective_at', 'text', (c) => c.notNull())
      .addColumn('basis', 'text', (c) => c.notNull())
      .addColumn('source_type', 'text', (c) => c.notNull())
      .addColumn('source_id', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull()),
  )
  await db.schema.createIndex('record_decisions_record').on('record_decisions').columns(['record_id', 'effective_at']).execute()
  await db.schema.createIndex('record_decisions_subject').on('record_decisions').columns(['subject_id']).execute()
}
