import { expect, it } from 'vitest'
import { describeEachStore } from '../../test/store-fixture.ts'
import { selectArrays } from './select-arrays.ts'

describeEachStore('selectArrays', (store) => {
  it('answers rows as arrays in the order selected, and leaves the same statement answering objects to Kysely', async () => {
    const { database } = store()
    const db = database.db
    const at = '2026-01-01T00:00:00.000Z'
    await db.insertInto('settings').values([{ key: 'probe.b', value: '乙', updated_at: at }, { key: 'probe.a', value: '甲', updated_at: at }]).execute()
    const query = db.selectFrom('settings').select(['value', 'key', 'updated_at']).where('key', 'like', 'probe.%').orderBy('key')
    expect(await selectArrays(database, query.compile())).toEqual([
      ['甲', 'probe.a', at],
      ['乙', 'probe.b', at],
    ])
    expect(await query.execute()).toEqual([
      { value: '甲', key: 'probe.a', updated_at: at },
      { value: '乙', key: 'probe.b', updated_at: at },
    ])
  })
})
