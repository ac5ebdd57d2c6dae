/**
 * The publicity rules engine (issue 5).
 *
 * - publicity_rule_sets: installed rule-set versions (version 1 is the built-in set in code); the set
 *   in force on a day is the latest effective one.
 * - publicity_schedule: per record, the next window end and archive day not yet announced on the
 *   change feed, re-planned when the record, its decisions or the rule set in force change. It only
 *   decides when events go out; whether a record is shown is always derived at query time.
 * - publicity_progress: the planner's high-water marks (change-feed seq, decision id, rule set).
 */
import type { Kysely } from 'kysely'
import type { SchemaHelpers } from './schema-helpers.ts'

export async function up(db: Kysely<any>, h: SchemaHelpers): Promise<void> {
  await h.table('publicity_rule_sets', (t) =>
    t
      .addColumn('version', 'integer', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('effective_from', 'text', (c) => c.notNull())
      .addColumn('rules', h.jsonType, (c) => c.notNull())
      .addColumn('legal_basis', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull()),
  )
  await h.table('publicity_schedule', (t) =>
    t
      .addColumn('record_id', h.refType, (c) => c.primaryKey().references('records.id'))
      .addColumn('subject_id', h.refType, (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text')
      .addColumn('archives_on', 'text')
      .addColumn('ended_for', 'text')
      .addColumn('archived_for', 'text')
      .addColumn('rule_set_version', 'integer', (c) => c.notNull())
      .addColumn('planned_at', 'text', (c) => c.notNull()),
  )
  await db.schema.createIndex('publicity_schedule_ends').on('publicity_schedule').columns(['ends_on', 'record_id']).execute()
  await db.schema.createIndex('publicity_schedule_archives').on('publicity_schedule').columns(['archives_on', 'record_id']).execute()
  await h.table('publicity_progress', (t) => t.addColumn('name', 'text', (c) => c.primaryKey()).addColumn('position', h.refType, (c) => c.notNull()))
}
