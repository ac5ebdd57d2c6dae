import { describe, expect, it } from 'vitest'
import pg from 'pg'
import { Kysely, PostgresDialect, sql } from 'kysely'
import { withNamedStatements } from './named-statements.ts'
import { testPostgresUrl } from '../../test/stores.ts'

describe('withNamedStatements [postgres]', () => {
  it('sends a text seen twice as a named statement, keeps results right, and stops naming at the cap', async () => {
    const pool = new pg.Pool({ connectionString: testPostgresUrl(), max: 1 })
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: withNamedStatements(pool, 2) }) })
    try {
      const prepared = async () => (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(db)).rows.map((r) => r.statement)
      const square = (n: number) => sql<{ v: number }>`select ${n}::int * ${n}::int as v`.execute(db)
      expect((await square(3)).rows).toEqual([{ v: 9 }])
      expect(await prepared()).toEqual([]) // seen once: sent unnamed
      expect((await square(4)).rows).toEqual([{ v: 16 }])
      expect((await square(5)).rows).toEqual([{ v: 25 }])
      expect((await prepared()).filter((s) => s.includes('* $2'))).toHaveLength(1)
      // The statement listing itself became the second name; a third text stays unnamed.
      await sql`select 1 as one`.execute(db)
      await sql`select 1 as one`.execute(db)
      expect(await prepared()).toHaveLength(2)
    } finally {
      await db.destroy()
    }
  })
})
