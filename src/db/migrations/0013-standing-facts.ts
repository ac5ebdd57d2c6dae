/**
 * standing_facts: what a credit check reads of each list, negative and commitment record — the
 * current version's dates, status, tier and the few payload fields its item needs — kept together
 * by subject, so a check of 100,000 subjects reads narrow rows in subject order instead of 300,000
 * full versions scattered through record_versions. standing_items says which items are projected
 * and which payload keys each carries; the credit-check service rebuilds the projection when the
 * catalog or the publicity rule sets need other keys (src/sanctions/standing-projection.ts).
 */
import { sql, type Kysely } from 'kysely'
import type { SchemaHelpers } from './schema-helpers.ts'

export async function up(db: Kysely<any>, h: SchemaHelpers): Promise<void> {
  await h.table('standing_items', (t) =>
    t
      .addColumn('category', 'text', (c) => c.primaryKey())
      // JSON array of the payload keys projected for the item.
      .addColumn('keys', 'text', (c) => c.notNull())
      .addColumn('built_at', 'text', (c) => c.notNull()),
  )
  const columns = sql`subject_id ${sql.raw(String(h.refType))} not null,
    record_id ${sql.raw(String(h.refType))} not null,
    category text not null,
    department_id ${sql.raw(String(h.refType))} not null,
    status text not null,
    decision_date text,
    publication_date text,
    valid_from text,
    valid_to text,
    publicity_end text,
    tier text,
    fields ${sql.raw(String(h.jsonType))} not null,
    primary key (subject_id, record_id)`
  // SQLite: the table is its primary-key B-tree, so a subject's facts sit together on disk.
  await sql`create table standing_facts (${columns})${sql.raw(h.dialect === 'sqlite' ? ' without rowid' : '')}`.execute(db)
}
