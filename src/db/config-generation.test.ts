import { expect, it } from 'vitest'
import { sql } from 'kysely'
import { describeEachStore } from '../../test/store-fixture.ts'
import { configCache, configGeneration } from './config-generation.ts'
import { CONFIG_TABLES } from './migrations/0015-config-generation.ts'

describeEachStore('configuration generation', (store) => {
  it('moves on every write to a configuration table, from any writer, and not on other writes', async () => {
    const { database } = store()
    const db = database.db
    const generation = configGeneration(db)
    const at = { ts: '2026-01-01T00:00:00.000Z' }
    let last = await generation()
    const moved = async () => {
      const now = await generation()
      const did = now > last
      last = now
      return did
    }
    await db.insertInto('settings').values({ key: 'probe', value: '1', updated_at: at.ts }).execute()
    expect(await moved()).toBe(true)
    await db.updateTable('settings').set({ value: '2' }).where('key', '=', 'probe').execute()
    expect(await moved()).toBe(true)
    await db.deleteFrom('settings').where('key', '=', 'probe').execute()
    expect(await moved()).toBe(true)
    // Raw SQL too (an operator's fix), on every table the caches compile from.
    for (const table of CONFIG_TABLES) {
      const column = sql.ref({ catalog_items: 'status', catalog_versions: 'version', publicity_rule_sets: 'name', matters: 'status', measures: 'status', settings: 'value' }[table])
      const rows = Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n)
      await sql`update ${sql.table(table)} set ${column} = ${column}`.execute(db)
      // SQLite's triggers fire per row (an empty table has none to fire for); PostgreSQL's per statement.
      expect(await moved(), table).toBe(rows > 0 || database.dialect === 'postgres')
    }
    await db.insertInto('departments').values({ code: 'PROBE', name: '探针', name_en: 'Probe', short_name: null, uscc: null, division: '410700', parent_code: null, kind: 'provider', status: 'active', created_at: at.ts, updated_at: at.ts }).execute()
    expect(await moved()).toBe(false)
  })

  it('shares one read among calls made together, and a cache rebuilds only when it has moved', async () => {
    const { database } = store()
    const generation = configGeneration(database.db)
    const a = generation()
    const b = generation()
    expect(b).toBe(a)
    expect(await a).toBe(await b)
    expect(generation()).not.toBe(a)

    let loads = 0
    const cache = configCache(generation, async (at) => ({ loadedAt: at, n: ++loads }))
    const first = await cache.current()
    expect(await cache.current()).toBe(first)
    expect(await cache.current(first.loadedAt)).toBe(first)
    await database.db.insertInto('settings').values({ key: 'probe.cache', value: 'x', updated_at: '2026-01-01T00:00:00.000Z' }).execute()
    const second = await cache.current()
    expect(second.n).toBe(2)
    expect(second.loadedAt).toBeGreaterThan(first.loadedAt)
    expect(cache.last()).toBe(second)
  })
})
