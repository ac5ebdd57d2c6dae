/**
 * The change feed on each store: batches expand into per-record events in order, pages split
 * batches, every cursor resumes exactly, each consumer sees what it may (and its cursor still moves
 * past what it may not), non-public reads are query-logged, and the scheduler runs before a read.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { describeEachPlatform, TEST_NOW } from '../../test/platform-fixture.ts'
import { buildApp } from '../http/app.ts'
import type { Actor } from '../security/actor.ts'
import { buildQueryCity, firmUscc, levelItems, penaltyRow, personId, system, type QueryCity } from '../profiles/testing.ts'
import { appendEvents } from './event-log.ts'
import { normalizeKeyPart } from '../collection/business-key.ts'
import { createChangeFeedService, type ChangeFeedService, type FeedEvent } from './change-feed.service.ts'

/** What the city's batches say, in order: per sharing level a batch of five and a correction, then four persons' penalties. */
const levelBatch = ['record.accepted', 'record.accepted', 'record.revoked', 'record.accepted', 'record.accepted', 'record.superseded']

describeEachPlatform('the change feed', (get) => {
  let city: QueryCity
  let cityEnd: string

  // The feed alone, without the publicity scheduler the platform runs before each read: the events
  // are exactly what collection and the tests write (the last tests use the platform's own feed).
  let feed: ChangeFeedService
  const read = (actor: Actor, after?: string, limit = 100) => feed.read(actor, { limit, ...(after ? { after } : {}) })
  /** Every page from `after` to the end. */
  async function readAll(actor: Actor, after?: string, limit = 100) {
    const events: FeedEvent[] = []
    const pages: Array<{ size: number; next: string }> = []
    let cursor = after
    for (;;) {
      const page = await read(actor, cursor, limit)
      events.push(...page.events)
      pages.push({ size: page.events.length, next: page.next })
      cursor = page.next
      if (!page.hasMore) return { events, pages, next: page.next }
      if (pages.length > 1000) throw new Error('the feed never ends')
    }
  }
  const recordId = async (decisionNumber: string) =>
    Number((await get().platform.database.db.selectFrom('records').select('id').where('business_key', 'like', `${normalizeKeyPart(decisionNumber)}\u001f%`).executeTakeFirstOrThrow()).id)
  const feedLogs = () => get().platform.database.db.selectFrom('query_log').selectAll().where('purpose', '=', '变更订阅 change feed').orderBy('id').execute()

  beforeAll(async () => {
    city = await buildQueryCity(get().platform)
    feed = createChangeFeedService({ ...get().platform })
  })

  it('gives the office every record event of the city, in order, with ids and dates but no names', async () => {
    const all = await readAll(city.actors.office)
    cityEnd = all.next
    expect(all.events.map((e) => e.type)).toEqual([...levelBatch, ...levelBatch, ...levelBatch, ...levelBatch, 'record.accepted', 'record.accepted', 'record.accepted', 'record.accepted'])
    expect(all.events.map((e) => e.category)).toEqual([...levelBatch.map(() => 'XZCF'), ...levelBatch.map(() => 'XZCFZW'), ...levelBatch.map(() => 'XZCFSQ'), ...levelBatch.map(() => 'XZCFBGX'), 'XZCF', 'XZCFGK', 'XZCFSQ', 'XZCF'])
    expect(all.events[0]).toMatchObject({ subjectId: city.firmId, recordId: city.recordOf('public', 'current'), data: { version: 1, status: 'in_force', department: 'SCJG', decisionDate: '2025-06-01', publicityEnd: '2026-06-01' } })
    expect(all.events[2]).toMatchObject({ recordId: city.recordOf('public', 'revoked'), data: { status: 'revoked' } })
    expect(all.events[5]).toMatchObject({ recordId: city.recordOf('public', 'revised'), data: { version: 2 } })
    const seqs = all.events.map((e) => e.seq)
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs)
    const text = JSON.stringify(all)
    for (const personal of ['新乡市查询测试食品有限公司', '李四', '王五', personId, firmUscc]) expect(text).not.toContain(personal)
  })

  it('shows a department what is shared with government, and logs the non-public part per subject', async () => {
    const before = (await feedLogs()).length
    const { events, next } = await readAll(city.actors.department)
    expect(next).toBe(cityEnd)
    expect(events.map((e) => e.category)).toEqual([...levelBatch.map(() => 'XZCF'), ...levelBatch.map(() => 'XZCFZW'), 'XZCF', 'XZCFGK', 'XZCF'])
    const logs = (await feedLogs()).slice(before)
    expect(logs.map((l) => [l.subject_id, JSON.parse(l.record_ids ?? '[]').sort()])).toEqual([
      [city.firmId, (['current', 'expired', 'revoked', 'revised', 'objected'] as const).map((s) => city.recordOf('government', s)).sort()],
      [city.personId, [expect.any(Number)]],
      [city.hiddenPersonId, [expect.any(Number)]],
    ])
    expect(logs.every((l) => l.actor_id === 'ggzy.checker' && l.department_id === city.departmentIds.GGZY)).toBe(true)
  })

  it('shows the provider all of its own records', async () => {
    expect((await readAll(city.actors.provider)).events).toHaveLength(28)
  })

  it('shows a bank nothing without an authorisation, but moves its cursor past everything', async () => {
    const page = await read(city.actors.bank, undefined, 2)
    expect(page).toEqual({ events: [], next: cityEnd, hasMore: false })
  })

  it('shows a bank the items in scope of the authorisation it holds, logged under it', async () => {
    const authorisation = await get().platform.authorisations.record(city.actors.bank, { subject: firmUscc, scope: [levelItems.authorised], purpose: '贷后管理', grantedOn: '2026-03-01', expiresAt: '2026-09-01T00:00:00Z', evidence: '授权书 FEED-1' })
    const { events, next } = await readAll(city.actors.bank, undefined, 4)
    expect(next).toBe(cityEnd)
    expect(events.map((e) => [e.category, e.subjectId])).toEqual(levelBatch.map(() => [levelItems.authorised, city.firmId]))
    expect((await feedLogs()).filter((l) => l.actor_id === 'bank.checker').every((l) => l.authorisation_id === authorisation.id && l.subject_id === city.firmId)).toBe(true)
    await get().platform.authorisations.revoke(city.actors.bank, authorisation.id, '测试结束')
    expect((await readAll(city.actors.bank)).events).toEqual([])
  })

  it('refuses the public and staff without the permission', async () => {
    await expect(read({ type: 'public' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
    await expect(read(city.actors.auditor)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(read(city.actors.office, 'garbage')).rejects.toMatchObject({ code: 'CHANGES_CURSOR_INVALID' })
  })

  it('expands a batch of N and a revoking batch in order, across pages that split the batch, resumable from every cursor', async () => {
    const { platform } = get()
    const numbers = Array.from({ length: 7 }, (_, i) => `新市监罚〔2026〕feed-${i + 1}号`)
    await platform.collection.submitRecords(city.actors.provider, { category: 'XZCF', records: numbers.map((n) => penaltyRow(n)) })
    await platform.collection.submitRecords(city.actors.provider, { category: 'XZCF', records: [penaltyRow(numbers[2]!, { CF_ZT: '撤销' })] })

    const all = await readAll(city.actors.office, cityEnd, 3)
    expect(all.events.map((e) => e.type)).toEqual([...numbers.map(() => 'record.accepted'), 'record.revoked'])
    expect(all.pages.map((p) => p.size)).toEqual([3, 3, 2])
    const ids = await Promise.all(numbers.map(recordId))
    expect(all.events.map((e) => e.recordId)).toEqual([...ids, ids[2]])
    expect(all.events[7]!.data).toMatchObject({ version: 2, status: 'revoked' })
    // Three pages, two of them ending inside the seven-version batch.
    expect(all.events[2]!.seq).toBe(all.events[3]!.seq)

    const tail = (from: number) => all.events.slice(from).map((e) => e.cursor)
    for (let i = 0; i < all.events.length; i++) {
      expect((await readAll(city.actors.office, all.events[i]!.cursor, 1000)).events.map((e) => e.cursor)).toEqual(tail(i + 1))
    }
    let delivered = 0
    for (const page of all.pages) {
      delivered += page.size
      expect((await readAll(city.actors.office, page.next, 2)).events.map((e) => e.cursor)).toEqual(tail(delivered))
    }
  })

  it('still calls a revocation a revocation after a later version supersedes it', async () => {
    const { platform } = get()
    const before = (await readAll(city.actors.office, cityEnd)).events
    await platform.collection.submitRecords(city.actors.provider, { category: 'XZCF', records: [penaltyRow('新市监罚〔2026〕feed-3号', { CF_NR: '罚款人民币10,000元', CF_NR_FK: '1' })] })
    const versions = await platform.database.db.selectFrom('record_versions').select(['version', 'status']).where('record_id', '=', before[7]!.recordId!).orderBy('version').execute()
    expect(versions.map((v) => v.status)).toEqual(['superseded', 'superseded', 'in_force'])
    const after = (await readAll(city.actors.office, cityEnd)).events
    expect(after.slice(0, before.length)).toEqual(before)
    expect(after.slice(before.length).map((e) => [e.type, e.recordId, e.data['version']])).toEqual([['record.superseded', before[7]!.recordId, 3]])
  })

  it('runs the publicity scheduler before each read, so windows closed by then are in the page', async () => {
    const { platform, store } = get()
    const end = (await readAll(city.actors.office)).next
    const changes = createChangeFeedService({
      ...platform,
      beforeRead: () =>
        platform.database.db.transaction().execute((trx) =>
          appendEvents(trx, store.database.dialect, platform.clock.now().toISOString(), [{ type: 'publicity.ended', subjectId: city.firmId, recordId: city.recordOf('public', 'current'), payload: { recordId: city.recordOf('public', 'current'), endedOn: '2026-03-02' } }]),
        ),
    })
    const page = await changes.read(city.actors.department, { after: end })
    expect(page.events.map((e) => [e.type, e.recordId, e.category])).toEqual([['publicity.ended', city.recordOf('public', 'current'), 'XZCF']])
    expect(page.events[0]!.data).toEqual({ recordId: city.recordOf('public', 'current'), endedOn: '2026-03-02' })
    // The bank holds no authorisation in force for the firm any more.
    expect((await changes.read(city.actors.bank, { after: end })).events).toEqual([])
  })

  it('carries the platform scheduler’s publicity.ended events: a window that closes is announced on the next read', async () => {
    const { platform, clock } = get()
    const end = (await readAll(city.actors.office)).next
    const ended = async (after: string) => (await platform.changes.read(city.actors.department, { after, limit: 1000 })).events.filter((e) => e.type === 'publicity.ended')
    const first = await platform.changes.read(city.actors.department, { after: end, limit: 1000 })
    // Penalties decided 2024-01-10 left public view long ago: announced on the first tick.
    expect(first.events.filter((e) => e.type === 'publicity.ended').map((e) => e.recordId)).toEqual(expect.arrayContaining([city.recordOf('public', 'expired'), city.recordOf('government', 'expired')]))
    expect(first.events.map((e) => e.recordId)).not.toContain(city.recordOf('none', 'expired'))
    const current = city.recordOf('public', 'current')
    const shown = async () => (await platform.profiles.profile({ type: 'public' }, firmUscc, { limit: 200 })).groups.flatMap((g) => g.records).map((r) => r.id)
    expect(await shown()).toContain(current)
    try {
      // Decided 2025-06-01, general tier: shown for a year, so gone on 2026-06-01 in China.
      clock.set('2026-05-31T16:00:00.000Z')
      expect(await shown()).not.toContain(current)
      expect((await ended(first.next)).map((e) => e.recordId)).toContain(current)
    } finally {
      clock.set(TEST_NOW)
    }
  })

  describeHttp(get, () => city)
})

function describeHttp(get: Parameters<Parameters<typeof describeEachPlatform>[1]>[0], cityOf: () => QueryCity) {
  let app: FastifyInstance
  let department: { authorization: string }
  let auditor: { cookie: string }
  beforeAll(async () => {
    const { platform } = get()
    app = await buildApp(platform)
    department = { authorization: `Bearer ${(await platform.access.createApiKey(system, { name: '订阅系统', departmentCode: 'GGZY', roles: ['credit_checker'] })).key}` }
    const password = 'Correct-Horse-9-battery'
    await platform.access.addUser(system, { username: 'feed.auditor', displayName: '审计员', password, departmentCode: 'FGW', roles: ['auditor'] })
    const login = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'feed.auditor', password } })
    auditor = { cookie: `xinyong_session=${login.cookies.find((c) => c.name === 'xinyong_session')!.value}` }
  })
  afterAll(async () => app?.close())

  it('serves GET /changes: 401 → 403 → 400 → 200, resuming from `next`', async () => {
    expect((await app.inject('/api/v1/changes')).statusCode).toBe(401)
    expect((await app.inject({ url: '/api/v1/changes', headers: auditor })).statusCode).toBe(403)
    const bad = await app.inject({ url: '/api/v1/changes?after=nonsense', headers: department })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.code).toBe('CHANGES_CURSOR_INVALID')
    expect((await app.inject({ url: '/api/v1/changes?limit=0', headers: department })).statusCode).toBe(400)
    const first = await app.inject({ url: '/api/v1/changes?limit=5', headers: department })
    expect(first.statusCode).toBe(200)
    expect(first.json()).toMatchObject({ hasMore: true, events: Array.from({ length: 5 }, () => ({ category: 'XZCF', subjectId: cityOf().firmId })) })
    const second = await app.inject({ url: `/api/v1/changes?limit=5&after=${first.json().next}`, headers: department })
    expect(second.json().events[0].type).toBe('record.superseded')
  })
}
