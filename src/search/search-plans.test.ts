/**
 * PostgreSQL keeps the plan of a statement it has run a few times by name (db/named-statements.ts).
 * A plan made blind to the query text can scan every name: a 1M-name search then took 0.4 s instead
 * of a few milliseconds. A search's reads are planned for their own values, every time.
 */
import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { describeEachPlatform, TEST_NOW } from '../../test/platform-fixture.ts'
import { fixedClock } from '../clock.ts'
import { loadConfig } from '../config.ts'
import { openDatabase } from '../db/create-database.ts'
import { makeUscc } from '../identifiers/index.ts'
import { assemblePlatform } from '../platform.ts'

describeEachPlatform(
  'search plans',
  (get) => {
    it('plans every run of a search for its own query, never with a generic plan', async () => {
      const { platform, store } = get()
      for (let i = 0; i < 30; i++) {
        await platform.subjects.register({ type: 'system', name: 'test' }, { kind: 'enterprise', name: `新乡第${i}号计划测试商行`, division: '410702', identifiers: [{ scheme: 'uscc', value: makeUscc({ authority: '9', category: '1', division: '410702', orgCodeBody8: `PL${String(i).padStart(6, '0')}` }) }] })
      }
      await platform.search.indexPending()
      // One connection: pg_prepared_statements shows its own session's statements only (those with values
      // to plan for: a statement without parameters has one plan either way).
      const database = openDatabase(store.url, { poolSize: 1 })
      const searching = assemblePlatform({ config: loadConfig({ XINYONG_ENV: 'test' }, { dataDir: store.dir, databaseUrl: store.url }), database, clock: fixedClock(TEST_NOW), dataKey: randomBytes(32) })
      try {
        for (let run = 0; run < 10; run++) expect((await searching.search.search({ type: 'public' }, { q: run % 2 ? '计划测试' : '测试商行' })).items.length).toBeGreaterThan(0)
        const { rows } = await sql<{ statement: string; generic_plans: number; custom_plans: number }>`select statement, generic_plans, custom_plans from pg_prepared_statements where statement like '%search_names%' and statement like '%$1%'`.execute(database.db)
        expect(rows.length).toBeGreaterThan(0)
        expect(rows.filter((r) => Number(r.generic_plans) > 0).map((r) => r.statement)).toEqual([])
        expect(rows.some((r) => Number(r.custom_plans) >= 5)).toBe(true)
      } finally {
        await searching.close()
      }
    })
  },
  { only: ['postgres'] },
)
