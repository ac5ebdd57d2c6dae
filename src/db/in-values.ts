/**
 * `column IN (values)` with the values bound as one parameter — a JSON array read by json_each on
 * SQLite, an array on PostgreSQL — so the statement's text is the same for any count: prepared
 * once, and no thousand placeholders built, compiled and bound per chunk.
 */
import { sql, type RawBuilder } from 'kysely'
import type { Dialect } from './create-database.ts'

export function inValues(dialect: Dialect, column: string, values: readonly (string | number)[]): RawBuilder<boolean> {
  return dialect === 'sqlite' ? sql<boolean>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(values)}))` : sql<boolean>`${sql.ref(column)} = any(${values})`
}
