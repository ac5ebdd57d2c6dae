/**
 * Gap-freedom under concurrent writers (PostgreSQL: SQLite has one writer at a time). Two writers —
 * collection batches and transactions that hold their event open a while before committing — race
 * a reader that follows the feed page by page. Sequence numbers are drawn in one order and could
 * commit in another; the feed lock (changes/event-log.ts) must make the reader see them in order,
 * so that what it collected while following equals what the whole feed says afterwards: nothing
 * that turned up later below a sequence number it had already passed.
 */
import { beforeAll, expect, it } from 'vitest'
import { setTimeout as sleep } from 'node:timers/promises'
import { describeEachPlatform } from '../../test/platform-fixture.ts'
import { installCityDepartments } from '../seeding/demo-seed.ts'
import { penaltyRow, system } from '../profiles/testing.ts'
import type { Actor } from '../security/actor.ts'
import { appendEvents } from './event-log.ts'
import type { FeedEvent } from './change-feed.service.ts'

describeEachPlatform(
  'the change feed under concurrent writers',
  (get) => {
    let clerk: Actor
    beforeAll(async () => {
      const { platform } = get()
      await platform.catalog.installBaseCatalog(system)
      await installCityDepartments(platform, system)
      const scjg = await platform.departments.get('SCJG')
      clerk = { type: 'user', id: 1, username: 'scjg.clerk', displayName: 'scjg.clerk', departmentId: scjg.id, departmentCode: 'SCJG', roles: ['department_operator'] }
    })

    it('never lets a reader skip an event that commits after a later one was drawn', async () => {
      const { platform } = get()
      const office: Actor = system
      let writing = true

      const batches = (async () => {
        for (let i = 0; i < 12; i++) {
          await platform.collection.submitRecords(clerk, { category: 'XZCF', records: [penaltyRow(`新市监罚〔2026〕并发-${i}-1号`), penaltyRow(`新市监罚〔2026〕并发-${i}-2号`)] })
        }
      })()
      const slowCommits = (async () => {
        for (let i = 0; i < 25; i++) {
          await platform.database.db.transaction().execute(async (trx) => {
            await appendEvents(trx, 'postgres', platform.clock.now().toISOString(), [{ type: 'publicity.ended', subjectId: null, recordId: null, payload: { writer: 'slow', i } }])
            // Holds its sequence number uncommitted while the other writer and the reader go on.
            await sleep(5 + (i % 4) * 7)
          })
        }
      })()
      const writers = Promise.all([batches, slowCommits]).finally(() => (writing = false))

      const followed: FeedEvent[] = []
      let cursor: string | undefined
      let pages = 0
      for (;;) {
        const stillWriting = writing
        const page = await platform.changes.read(office, { limit: 7, ...(cursor ? { after: cursor } : {}) })
        followed.push(...page.events)
        cursor = page.next
        pages++
        if (!page.hasMore) {
          if (!stillWriting) break
          await sleep(3)
        }
      }
      await writers

      const whole: FeedEvent[] = []
      let after: string | undefined
      for (;;) {
        const page = await platform.changes.read(office, { limit: 1000, ...(after ? { after } : {}) })
        whole.push(...page.events)
        after = page.next
        if (!page.hasMore) break
      }
      expect(whole).toHaveLength(12 * 2 + 25)
      expect(pages).toBeGreaterThan(7)
      expect(followed.map((e) => e.cursor)).toEqual(whole.map((e) => e.cursor))
      const seqs = followed.map((e) => e.seq)
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
    })
  },
  { only: ['postgres'] },
)
