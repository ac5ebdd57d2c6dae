import { expect, it } from 'vitest'
import { sql } from 'kysely'
import { describeEachStore } from '../../test/store-fixture.ts'
import { migrateToLatest } from './migrate.ts'

describeEachStore('migrations', (store) => {
  it('create every table of the foundation schema', async () => {
    const { database } = store()
    const tables = await database.db.introspection.getTables()
    const names = tables.map((t) => t.name)
    for (const t of ['departments', 'subjects', 'subject_identifiers', 'catalog_versions', 'records', 'record_versions', 'audit_log', 'events', 'query_log']) {
      expect(names).toContain(t)
    }
  })

  it('are a no-op when run again', async () => {
    const report = await migrateToLatest(store().database)
    expect(report.applied).toEqual([])
  })

  it('reject a second subject with the same unified social credit code', async () => {
    const { db } = store().database
    const at = new Date().toISOString()
    const [a, b] = await Promise.all(
      [1, 2].map(() =>
        db.insertInto('subjects').values({ kind: 'enterprise', name: 'x', division: null, status: 'active', legal_representative: null, established_on: null, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow(),
      ),
    )
    await db.insertInto('subject_identifiers').values({ subject_id: a!.id, scheme: 'uscc', value: '91350100M000100Y43', value_hash: null, ciphertext: null, masked: null, created_at: at }).execute()
    await expect(
      db.insertInto('subject_identifiers').values({ subject_id: b!.id, scheme: 'uscc', value: '91350100M000100Y43', value_hash: null, ciphertext: null, masked: null, created_at: at }).execute(),
    ).rejects.toThrow()
    const count = await sql<{ n: number }>`select count(*) as n from subject_identifiers`.execute(db)
    expect(Number(count.rows[0]!.n)).toBe(1)
  })
})
