import { expect, it } from 'vitest'
import { describeEachStore } from '../../test/store-fixture.ts'
import { mapRead, readAlone, readTogether, type Read } from './read-together.ts'
import { preparedQuery } from './prepared-query.ts'

const settingsBetween = preparedQuery((db, from: string, to: string) => db.selectFrom('settings').select(['key', 'value']).where('key', '>=', from).where('key', '<=', to).orderBy('key', 'desc'))
const settingByKey = preparedQuery((db, key: string) => db.selectFrom('settings').select(['key', 'value']).where('key', '=', key))

describeEachStore('readTogether', (store) => {
  it('answers each read as it would alone: its own values, its order, nothing for no rows, the mapping applied', async () => {
    const { database } = store()
    const db = database.db
    await db.insertInto('settings').values(['a', 'b', 'c', 'd'].map((k) => ({ key: `together.${k}`, value: `值 ${k} $1 "引号"`, updated_at: '2026-01-01T00:00:00.000Z' }))).execute()
    const keys: Read<string[]> = { query: settingsBetween.bind(db, 'together.b', 'together.d'), map: (rows: Array<{ key: string }>) => rows.map((r) => r.key) }
    const rowsOf = (key: string): Read<readonly unknown[]> => ({ query: settingByKey.bind(db, key), map: (rows) => rows })
    const together = await readTogether(database, { keys, one: rowsOf('together.a'), none: rowsOf('together.z'), count: mapRead(keys, (k) => k.length) })
    expect(together).toEqual({
      keys: ['together.d', 'together.c', 'together.b'],
      one: [{ key: 'together.a', value: '值 a $1 "引号"' }],
      none: [],
      count: 3,
    })
    expect(await readAlone(database, keys)).toEqual(together.keys)
  })
})
