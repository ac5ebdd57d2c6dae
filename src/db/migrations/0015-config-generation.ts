/**
 * One number that moves whenever the configuration a request reads changes: the catalog, the
 * publicity rule sets, the matter and measure catalogs, and the settings. Caches of what is compiled
 * from them (item rules, rule sets, measures, pre-notice items) compare this one number per request
 * instead of a signature query each. Triggers move it, so every writer — any process, a
 * migration, an operator's SQL — invalidates every server's caches at its next request.
 */
import { sql, type Kysely } from 'kysely'
import type { SchemaHelpers } from './schema-helpers.ts'

export const CONFIG_TABLES = ['catalog_items', 'catalog_versions', 'publicity_rule_sets', 'matters', 'measures', 'settings'] as const

export async function up(db: Kysely<any>, h: SchemaHelpers): Promise<void> {
  await sql`create table config_generation (id integer primary key, generation bigint not null)`.execute(db)
  await sql`insert into config_generation (id, generation) values (1, 1)`.execute(db)
  const bump = 'update config_generation set generation = generation + 1 where id = 1'
  if (h.dialect === 'postgres') {
    await sql.raw(`create function config_changed() returns trigger language plpgsql as $$ begin ${bump}; return null; end $$`).execute(db)
    for (const table of CONFIG_TABLES) {
      await sql.raw(`create trigger ${table}_config_changed after insert or update or delete or truncate on ${table} for each statement execute function config_changed()`).execute(db)
    }
  } else {
    for (const table of CONFIG_TABLES) {
      for (const event of ['insert', 'update', 'delete']) {
        await sql.raw(`create trigger ${table}_config_${event} after ${event} on ${table} begin ${bump}; end`).execute(db)
      }
    }
  }
}
