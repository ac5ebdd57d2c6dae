/**
 * Many rows into one table in a few statements: the rows travel as one JSON array parameter that
 * the store unpacks itself (json_each on SQLite, jsonb_array_elements on PostgreSQL) — no statement
 * with thousands of placeholders to build, send and plan, and no round trip per row. A credit
 * check stores 100,000 results and their query-log entries this way.
 */
import { sql, type Kysely } from 'kysely'
import type { Dialect } from './create-database.ts'

/** How a value is cast on PostgreSQL (SQLite keeps what JSON gives: integers, text, NULL). */
export type ColumnType = 'integer' | 'bigint' | 'text' | 'jsonb'

export type RowValue = string | number | null

const CHUNK = 20_000

export async function insertRows(db: Kysely<any>, dialect: Dialect, table: string, columns: ReadonlyArray<readonly [name: string, type: ColumnType]>, rows: ReadonlyArray<ReadonlyArray<RowValue>>): Promise<void> {
  const names = sql.join(columns.map(([name]) => sql.ref(name)))
  const values =
    dialect === 'sqlite'
      ? sql.join(columns.map((_, i) => sql`value ->> ${sql.lit(i)}`))
      : sql.join(columns.map(([, type], i) => sql`cast(x ->> ${sql.lit(i)} as ${sql.raw(type)})`))
  for (let i = 0; i < rows.length; i += CHUNK) {
    const json = JSON.stringify(rows.slice(i, i + CHUNK))
    const source = dialect === 'sqlite' ? sql`json_each(${json})` : sql`jsonb_array_elements(cast(${json} as jsonb)) as x`
    await sql`insert into ${sql.table(table)} (${names}) select ${values} from ${source}`.execute(db)
  }
}
