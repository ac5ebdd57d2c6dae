/** The few column types that differ between SQLite and PostgreSQL, decided once for every migration. */
import type { ColumnDataType, CreateTableBuilder, Kysely } from 'kysely'
import type { Dialect } from '../create-database.ts'

export interface SchemaHelpers {
  dialect: Dialect
  /** Column type of a foreign key to an id column. */
  refType: ColumnDataType
  /** JSON stored as text on SQLite, jsonb on PostgreSQL (read back as text on both). */
  jsonType: ColumnDataType
  /** Adds an auto-incrementing integer primary key. */
  id<T extends string>(t: CreateTableBuilder<T, any>, name?: string): CreateTableBuilder<T, any>
  table(name: string, build: (t: CreateTableBuilder<string, never>) => CreateTableBuilder<string, any>): Promise<void>
}

export function schemaHelpers(db: Kysely<any>, dialect: Dialect): SchemaHelpers {
  const postgres = dialect === 'postgres'
  return {
    dialect,
    refType: postgres ? 'bigint' : 'integer',
    jsonType: postgres ? 'jsonb' : 'text',
    id: (t, name = 'id') =>
      postgres
        ? t.addColumn(name, 'bigserial', (c) => c.primaryKey())
        : t.addColumn(name, 'integer', (c) => c.primaryKey().autoIncrement()),
    table: async (name, build) => {
      await build(db.schema.createTable(name)).execute()
    },
  }
}
