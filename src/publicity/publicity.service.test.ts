/**
 * The publicity engine on each store, with the clock moved: explanations, the public profile
 * following the engine and the decisions, the scheduler announcing each window end once, and a new
 * rule-set version taking over from its effective date.
 */
import { beforeAll, expect, it } from 'vitest'
import { describeEachPlatform, TEST_NOW } from '../../test/platform-fixture.ts'
import type { Profile } from '../profiles/profile.ts'
import { buildQueryCity, firmUscc, penaltyRow, system, type QueryCity } from '../profiles/testing.ts'
import { builtInRuleSet } from './built-in-rule-set.ts'
import { appendDecision } from './record-decisions.ts'

describeEachPlatform('the publicity engine', (get) => {
  let city: QueryCity
  let serious: number
  const shownIds = (p: Profile) => p.groups.flatMap((g) => g.records.map((r) => r.id))
  const publicProfile = () => get().platform.profiles.profile(city.actors.public, firmUscc, { limit: 200 })
  const endedEvents = async (recordId: number) =>
    (await get().platform.database.db.selectFrom('events').selectAll().where('type', '=', 'publicity.ended').where('record_id', '=', recordId).orderBy('seq').execute()).map((e) => JSON.parse(e.payload) as Record<string, unknown>)
  const atChina = (date: string) => `${date}T00:00:00+08:00`

  beforeAll(async () => {
    const { platform } = get()
    city = await buildQueryCity(platform)
    await platform.collection.submitRecords(city.actors.provider, { category: 'XZCF', records: [penaltyRow('新市监罚〔2025〕吊销1号', { CF_CFLB: '吊销许可证件', CF_GSJZQ: '2028-05-31', CF_NR_ZKDX: '食品经营许可证 JY14107020000001' })] })
    serious = (await platform.database.db.selectFrom('records').select('id').where('business_key', 'like', '%吊销1号%').executeTakeFirstOrThrow()).id
  })

  it('explains a record: rule, tier, dates, state and why, in both languages', async () => {
    const e = await get().platform.publicity.explain(city.recordOf('public', 'current'))
    expect(e).toMatchObject({
      state: 'shown',
      shownToPublic: true,
      tier: 'general',
      tierSource: 'default_table',
      start: '2025-06-01',
      startField: 'decision_date',
      minimumEnd: '2025-09-01',
      maximumEnd: '2026-06-01',
      end: '2026-06-01',
      ceiling: '2030-06-01',
      earlyEndAllowed: true,
      ruleSet: { version: 1 },
      dates: { decision: '2025-06-01', publicityEnd: '2026-06-01' },
      decisions: [],
    })
    expect(e.reasons.map((r) => r.zh).join()).toContain('一般失信')
    expect(await get().platform.publicity.explain(serious)).toMatchObject({ tier: 'serious', maximumEnd: '2028-06-01', earlyEndAllowed: false, state: 'shown' })
    await expect(get().platform.publicity.explain(99_999_999)).rejects.toMatchObject({ code: 'RECORD_NOT_FOUND' })
  })

  it('lets the office and the provider read an explanation, and no other department', async () => {
    const { platform } = get()
    const id = city.recordOf('public', 'current')
    await expect(platform.publicity.explainFor(city.actors.office, id)).resolves.toMatchObject({ recordId: id })
    await expect(platform.publicity.explainFor(city.actors.provider, id)).resolves.toMatchObject({ recordId: id })
    await expect(platform.publicity.explainFor(city.actors.department, id)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(platform.publicity.explainFor(city.actors.public, id)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
  })

  it('announces, on its first tick, each window that already closed, once', async () => {
    const { platform } = get()
    const expired = city.recordOf('public', 'expired')
    const first = await platform.publicity.tick()
    expect(first.ended).toBeGreaterThanOrEqual(4)
    expect(await endedEvents(expired)).toEqual([expect.objectContaining({ recordId: expired, category: 'XZCF', endedOn: '2025-01-10', ruleSetVersion: 1, tier: 'general' })])
    expect(await endedEvents(city.recordOf('public', 'current'))).toEqual([])
    expect(await platform.publicity.tick()).toEqual({ ended: 0, archived: 0, complete: true })
  })

  it('plans records of later batches from the change feed, and drops a withdrawn one', async () => {
    const { platform, clock } = get()
    const submit = (n: string) => platform.collection.submitRecords(city.actors.provider, { category: 'XZCF', records: [penaltyRow(n, { CF_JDRQ: '2025-03-03', CF_YXQ: '2026-03-02', CF_GSJZQ: '2026-03-02' })] })
    await submit('新市监罚〔2025〕排期1号')
    await submit('新市监罚〔2025〕排期2号')
    const idOf = async (n: string) => (await platform.database.db.selectFrom('records').select('id').where('business_key', 'like', `%${n}%`).executeTakeFirstOrThrow()).id
    const [kept, withdrawn] = [await idOf('排期1号'), await idOf('排期2号')]
    expect(await platform.publicity.tick()).toEqual({ ended: 0, archived: 0, complete: true })
    await platform.withdrawals.withdraw(city.actors.provider, withdrawn, { reason: '行政复议撤销', legalBasis: '《中华人民共和国行政处罚法》第四十八条' })
    try {
      clock.set(atChina('2026-03-03'))
      expect(await platform.publicity.tick()).toMatchObject({ ended: 1 })
      expect(await endedEvents(kept)).toEqual([expect.objectContaining({ endedOn: '2026-03-03' })])
      expect(await endedEvents(withdrawn)).toEqual([])
    } finally {
      clock.set(TEST_NOW)
    }
  })

  it('takes a repaired record off public view at once; the subject and the office still see it', async () => {
    const { platform } = get()
    const id = city.recordOf('public', 'objected')
    expect(shownIds(await publicProfile())).toContain(id)
    await platform.database.db.transaction().execute((trx) =>
      appendDecision(trx, { recordId: id, subjectId: city.firmId, kind: 'repaired', effectiveAt: new Date(TEST_NOW).toISOString(), basis: '信用修复', sourceType: 'repair', sourceId: 'T1', decidedBy: 'user:scjg.clerk' }, TEST_NOW),
    )
    expect(shownIds(await publicProfile())).not.toContain(id)
    const own = await platform.profiles.ownProfile({ subjectId: city.firmId, verifiedBy: 'test' }, { limit: 200 })
    const mine = own.groups.flatMap((g) => g.records).find((r) => r.id === id)
    expect(mine).toMatchObject({ publicityState: 'repaired', publicNow: false })
    expect(shownIds(await platform.profiles.profile(city.actors.office, firmUscc, { limit: 200 }))).toContain(id)
    expect(shownIds(await platform.profiles.profile(city.actors.department, firmUscc, { limit: 200, purpose: '核查' }))).not.toContain(id)
    expect(await platform.publicity.explain(id)).toMatchObject({ state: 'repaired', withdrawn: true, decisions: [expect.objectContaining({ kind: 'repaired' })] })
    expect(await platform.publicity.tick()).toEqual({ ended: 0, archived: 0, complete: true })
  })

  it('hides a record once the clock passes its window, and the tick announces that exactly once', async () => {
    const { platform, clock } = get()
    const id = city.recordOf('public', 'current')
    try {
      clock.set(atChina('2026-05-31'))
      expect(shownIds(await publicProfile())).toContain(id)
      expect((await platform.publicity.tick()).ended).toBe(0)
      clock.set(atChina('2026-06-01'))
      expect(shownIds(await publicProfile())).not.toContain(id)
      const ticked = await platform.publicity.tick()
      expect(ticked.ended).toBeGreaterThanOrEqual(1)
      expect(await endedEvents(id)).toEqual([expect.objectContaining({ recordId: id, endedOn: '2026-06-01', ruleSetVersion: 1, source: 'publicity_schedule', reason: expect.objectContaining({ zh: expect.stringContaining('公示期已于 2026-06-01 结束') }) })])
      // The repaired record's window closes too, but a repair already ended it: nothing to announce.
      expect(await endedEvents(city.recordOf('public', 'objected'))).toEqual([])
      expect(await platform.publicity.tick()).toEqual({ ended: 0, archived: 0, complete: true })
      expect(await endedEvents(id)).toHaveLength(1)
    } finally {
      clock.set(TEST_NOW)
    }
  })

  it('follows a new rule-set version from its effective date, audited', async () => {
    const { platform, clock } = get()
    const { version: _v, createdBy: _b, createdAt: _a, ...definition } = builtInRuleSet
    const next = { ...definition, name: '测试：严重失信最长一年', effectiveFrom: '2026-09-01', tiers: { ...definition.tiers, serious: { published: true, minimumMonths: 6, maximumMonths: 12, earlyEnd: true } } }
    await expect(platform.publicity.installRuleSet(city.actors.department, next)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(platform.publicity.installRuleSet(system, { ...next, tiers: { ...next.tiers, general: { published: true, minimumMonths: 13, maximumMonths: 12, earlyEnd: true } } })).rejects.toMatchObject({ code: 'PUBLICITY_RULES_INVALID' })
    await expect(platform.publicity.installRuleSet(system, { ...next, items: { NOPE: { kind: 'not_public', legalBasis: 'x' } } })).rejects.toMatchObject({ code: 'PUBLICITY_RULES_UNKNOWN_ITEM' })
    const installed = await platform.publicity.installRuleSet(system, next)
    expect(installed).toMatchObject({ version: 2, effectiveFrom: '2026-09-01', inForce: false })
    expect((await platform.audit.list({ limit: 1 }))[0]).toMatchObject({ action: 'publicity_rules.install', entityId: '2' })
    try {
      clock.set(atChina('2026-08-31'))
      expect(await platform.publicity.explain(serious)).toMatchObject({ ruleSet: { version: 1 }, state: 'shown', maximumEnd: '2028-06-01' })
      expect(shownIds(await publicProfile())).toContain(serious)
      await platform.publicity.tick()
      clock.set(atChina('2026-09-01'))
      expect(await platform.publicity.explain(serious)).toMatchObject({ ruleSet: { version: 2 }, ruleSetVersion: 2, state: 'ended', maximumEnd: '2026-06-01' })
      expect(shownIds(await publicProfile())).not.toContain(serious)
      await platform.publicity.tick()
      expect(await endedEvents(serious)).toEqual([expect.objectContaining({ endedOn: '2026-06-01', ruleSetVersion: 2, tier: 'serious' })])
      expect((await platform.publicity.ruleSets()).map((s) => [s.version, s.inForce])).toEqual([
        [1, false],
        [2, true],
      ])
    } finally {
      clock.set(TEST_NOW)
    }
  })

  it('serialises two ticks at once: each end is announced once', async () => {
    const { platform, clock } = get()
    try {
      clock.set(atChina('2030-06-01'))
      const [a, b] = await Promise.all([platform.publicity.tick(), platform.publicity.tick()])
      expect(a.archived + b.archived).toBeGreaterThanOrEqual(1)
      const archivedEvents = await platform.database.db.selectFrom('events').select(['record_id']).where('type', '=', 'record.archived').execute()
      const ids = archivedEvents.map((e) => e.record_id)
      expect(new Set(ids).size).toBe(ids.length)
      expect(ids).toContain(city.recordOf('public', 'current'))
      expect(ids).not.toContain(city.recordOf('public', 'objected'))
    } finally {
      clock.set(TEST_NOW)
    }
  })

  it('leaves the rest of a long plan to the next tick when given a budget (a change-feed read does not wait)', async () => {
    const { platform } = get()
    const rows = Array.from({ length: 1100 }, (_, i) => penaltyRow(`新市监罚〔2026〕预算${i + 1}号`, { CF_JDRQ: '2026-01-10', CF_YXQ: '2027-01-10', CF_GSJZQ: '2027-01-10' }))
    expect((await platform.collection.submitRecords(city.actors.provider, { category: 'XZCF', records: rows })).accepted).toBe(1100)
    // A spent budget stops after one step (a page of the feed or of records); the next tick goes on from there.
    expect(await platform.publicity.tick({ budgetMs: 0 })).toMatchObject({ complete: false })
    let ticks = 1
    while (!(await platform.publicity.tick({ budgetMs: 0 })).complete) if (++ticks > 50) throw new Error('the bounded ticks do not converge')
    expect(ticks).toBeGreaterThan(1)
    expect(await platform.publicity.tick()).toEqual({ ended: 0, archived: 0, complete: true })
    const planned = await platform.database.db.selectFrom('publicity_schedule as s').innerJoin('records as r', 'r.id', 's.record_id').select((eb) => eb.fn.countAll<number>().as('n')).where('r.business_key', 'like', '%预算%').executeTakeFirstOrThrow()
    expect(Number(planned.n)).toBe(1100)
  })
})
