import { expect, it } from 'vitest'
import { sql } from 'kysely'
import { describeEachStore } from '../../test/store-fixture.ts'
import { preparedQuery } from './prepared-query.ts'

describeEachStore('preparedQuery', (store) => {
  it('builds once and binds each run its own values, in and out of transactions', async () => {
    const { database } = store()
    const db = database.db
    let builds = 0
    const byKey = preparedQuery((db, key: string, after: string) => {
      builds++
      return db.selectFrom('settings').select(['key', 'value']).where('key', 'like', 'probe.%').where('key', '>', after).where('key', '!=', key).orderBy('key')
    })
    await db.insertInto('settings').values(['a', 'b', 'c'].map((k) => ({ key: `probe.${k}`, value: `值${k}`, updated_at: '2026-01-01T00:00:00.000Z' }))).execute()
    expect(await byKey(db, 'probe.b', 'probe.')).toEqual([{ key: 'probe.a', value: '值a' }, { key: 'probe.c', value: '值c' }])
    expect(await byKey(db, 'probe.c', 'probe.a')).toEqual([{ key: 'probe.b', value: '值b' }])
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('settings').set({ value: '新' }).where('key', '=', 'probe.c').execute()
      expect(await byKey(trx, 'none', 'probe.b')).toEqual([{ key: 'probe.c', value: '新' }])
    })
    expect(builds).toBe(1)
  })

  it('writes and returns through a prepared insert, nulls included', async () => {
    const { database } = store()
    const db = database.db
    await sql`create table prepared_probe (id ${sql.raw(database.dialect === 'postgres' ? 'bigserial primary key' : 'integer primary key autoincrement')}, label text, note text)`.execute(db)
    const insert = preparedQuery((db, label: string | null) => db.insertInto('prepared_probe' as 'settings').values({ label, note: null } as never).returning('id' as never))
    const [first] = (await insert(db, '一')) as unknown as Array<{ id: number }>
    const [second] = (await insert(db, null)) as unknown as Array<{ id: number }>
    expect(Number(second!.id)).toBe(Number(first!.id) + 1)
    const rows = (await sql<{ label: string | null; note: string | null }>`select label, note from prepared_probe order by id`.execute(db)).rows
    expect(rows).toEqual([{ label: '一', note: null }, { label: null, note: null }])
  })

  it('refuses a builder that does not use an argument as a value', async () => {
    const { database } = store()
    const unused = preparedQuery((db, _key: string) => db.selectFrom('settings').select('key'))
    await expect(unused(database.db, 'k')).rejects.toThrow(/every argument must be a value/)
  })
})
