/**
 * List entries and exits on the change feed (issue 5): a list record's first version is announced
 * as `list.entry`, and the end of its publicity — expiry or removal — as `list.exit`.
 */
import { beforeAll, expect, it } from 'vitest'
import { describeEachPlatform, TEST_NOW } from '../../test/platform-fixture.ts'
import { buildSanctionCity, listRow, type SanctionCity } from '../sanctions/testing.ts'

describeEachPlatform('list entries and exits on the change feed', (get) => {
  let city: SanctionCity
  beforeAll(async () => {
    city = await buildSanctionCity(get().platform)
  })

  const feed = async () => {
    const out: Array<{ type: string; recordId: number | null }> = []
    for (let page = await get().platform.changes.read({ type: 'system', name: 'test' }, { limit: 500 }); ; ) {
      out.push(...page.events.map((e) => ({ type: e.type, recordId: e.recordId })))
      if (!page.hasMore) break
      page = await get().platform.changes.read({ type: 'system', name: 'test' }, { limit: 500, after: page.next })
    }
    return out
  }

  it('announces each listing as list.entry and an expired entry as list.exit, other records as before', async () => {
    const events = await feed()
    const listed = await city.recordOf('YZSXZT', 'listed')
    const expired = await city.recordOf('YZSXZT', 'expired')
    const penalty = await city.recordOf('XZCF', 'penalised')
    expect(events.filter((e) => e.recordId === listed).map((e) => e.type)).toEqual(['list.entry'])
    // The expired entry (valid to 2026-01-31) left the list before the test's today: its exit follows its entry.
    expect(events.filter((e) => e.recordId === expired).map((e) => e.type)).toEqual(['list.entry', 'list.exit'])
    expect(events.filter((e) => e.recordId === penalty).map((e) => e.type)).toEqual(['record.accepted'])
  })

  it('announces a removal as list.exit once its removal date arrives', async () => {
    const { platform, clock } = get()
    const listed = await city.recordOf('YZSXZT', 'listed')
    await city.submit(city.actors.listingClerk, 'YZSXZT', [listRow('listed', { LIST_STATUS: '已移出', REMOVAL_DATE: '2026-03-10', REMOVAL_REASON: '信用修复完成' })])
    expect((await feed()).filter((e) => e.recordId === listed).map((e) => e.type)).toEqual(['list.entry', 'record.superseded'])
    try {
      clock.set('2026-03-10T01:00:00.000Z')
      await platform.publicity.tick()
      expect((await feed()).filter((e) => e.recordId === listed).map((e) => e.type)).toEqual(['list.entry', 'record.superseded', 'list.exit'])
    } finally {
      clock.set(TEST_NOW)
    }
  })
})
