/**
 * The platform office's entries in the working calendar (issue 5): holidays and adjusted working
 * weekends (调休) it adds or corrects. The built-in notices live in src/calendar/holidays/ as
 * data; an entry here for the same date overrides them.
 */
import type { Kysely } from 'kysely'
import type { SchemaHelpers } from './schema-helpers.ts'

export async function up(_db: Kysely<any>, h: SchemaHelpers): Promise<void> {
  await h.table('calendar_days', (t) =>
    t
      .addColumn('date', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull()),
  )
}
