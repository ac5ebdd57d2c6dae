/**
 * The demo seed on each store with the clock fixed: records through the collection service with no
 * reject, in every 信用中国 group the demo has an item for, linked to the generated subjects (no new
 * subject appears); the 严重失信 entries with their pre-notices bar procurement in a credit check,
 * the red-list firms earn incentives; the open cases are there; the public figures and the search
 * index see the records; and a second run adds nothing.
 */
import { beforeAll, expect, it } from 'vitest'
import { describeEachPlatform } from '../../test/platform-fixture.ts'
import { findBaseItem } from '../catalog/base-catalog/index.ts'
import { chinaDate } from '../clock.ts'
import { castDemoSubjects, type DemoCast } from '../demo/featured-cast.ts'
import { generateSubjects } from '../demo/subject-generator.ts'
import type { Actor } from '../security/actor.ts'
import { DEMO_SEED, seedDemo, type DemoSeedReport } from './demo-seed.ts'

const SUBJECTS = 300

describeEachPlatform('the demo seed with records', (get) => {
  let report: DemoSeedReport
  let cast: DemoCast
  let checker: Actor
  const db = () => get().platform.database.db
  const count = async (table: 'records' | 'record_versions' | 'subjects' | 'objections' | 'repairs' | 'credit_checks' | 'audit_log' | 'events' | 'list_pre_notices') =>
    Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

  beforeAll(async () => {
    const { platform } = get()
    report = await seedDemo(platform, { subjects: SUBJECTS, password: 'Demo-Password-2026!', records: true })
    cast = castDemoSubjects(DEMO_SEED, [...generateSubjects({ seed: DEMO_SEED, count: SUBJECTS })], chinaDate(get().clock))
    const czj = await platform.departments.get('CZJ')
    checker = { type: 'user', id: 99, username: 'czj.checker', displayName: '财政局核查员', departmentId: czj.id, departmentCode: 'CZJ', roles: ['credit_checker'] }
  })

  it('submits every row through collection without a reject, linked to the generated subjects', async () => {
    expect(report.records.rejected, JSON.stringify(report.records.errors)).toBe(0)
    expect(report.records.accepted).toBe(report.records.received)
    expect(report.records.received).toBeGreaterThan(SUBJECTS / 2)
    const batches = await db().selectFrom('batches').select(['status', 'rejected']).execute()
    expect(batches.length).toBe(report.records.batches)
    expect(batches.every((b) => b.status === 'committed' && Number(b.rejected) === 0)).toBe(true)
    // Every record found its subject by code, under the subject's own name: no subject was added.
    expect(await count('subjects')).toBe(SUBJECTS)
    expect(report.subjectsTotal).toBe(SUBJECTS)
  })

  it('has records in every 信用中国 group the demo has an item for', async () => {
    const categories = (await db().selectFrom('records').select('category').distinct().execute()).map((r) => r.category)
    const groups = new Set(categories.map((c) => findBaseItem(c)!.displayGroup))
    expect([...groups].sort()).toEqual(['focus', 'incentive', 'licensing', 'other', 'penalty', 'punishment'])
    const figures = await get().platform.statistics.collection()
    expect(figures.total).toBeGreaterThan(0)
    expect(figures.byItem.map((i) => i.code)).toEqual(expect.arrayContaining(['XZXK', 'XZCF', 'YZSXZT', 'NSXYAJ']))
  })

  it('shows a listed firm’s entry in its public profile, and finds it by name', async () => {
    const { platform } = get()
    const firm = cast.listed[0]!
    const profile = await platform.profiles.profile({ type: 'public' }, firm.uscc!, { limit: 20 })
    const punishment = profile.groups.find((g) => g.group === 'punishment')!
    expect(punishment.records.length).toBe(1)
    const found = await platform.search.search({ type: 'public' }, { q: firm.name })
    expect(found.items[0]?.name).toBe(firm.name)
  })

  it('bars the listed firms from government procurement once their pre-notice was served, and no one else', async () => {
    const { platform } = get()
    const codes = [...cast.listed, ...cast.awaitingNotice, ...cast.delisted].map((s) => s.uscc!)
    const { check, results } = await platform.creditChecks.check(checker, { matter: 'ZFCG', purpose: '政府采购供应商资格审查', subjects: codes })
    expect(check.hits).toBe(cast.listed.length)
    for (const r of results.slice(0, cast.listed.length)) {
      expect(r.hit).toBe(true)
      expect(r.result!.punishments.map((m) => m.code)).toContain('LC01')
      expect(r.result!.entries[0]).toMatchObject({ category: 'YZSXZT' })
    }
    expect(results.slice(cast.listed.length).map((r) => r.hit)).toEqual([false, false])
  })

  it('gives a red-list firm its incentives in tendering', async () => {
    const { results } = await get().platform.creditChecks.check(checker, { matter: 'ZTB', purpose: '招标投标资格审查', subjects: [cast.taxA[0]!.uscc!, cast.contractKeeping[0]!.uscc!] })
    for (const r of results) {
      expect(r.hit).toBe(false)
      expect(r.result!.incentives.map((m) => m.code)).toContain('JL03')
    }
  })

  it('leaves open cases for the console: objections, a repair, checks with and without feedback, a breach, a withdrawal', async () => {
    const { platform } = get()
    const system: Actor = { type: 'system', name: 'test' }
    expect((await platform.objections.list(system, { limit: 10 })).map((o) => o.state).sort()).toEqual(['forwarded', 'received'])
    expect((await platform.repairs.list(system, { limit: 10 })).map((r) => r.state)).toEqual(['submitted'])
    const checks = await db().selectFrom('credit_checks').select(['id', 'hits', 'feedback_count']).where('matter', 'in', ['ZTB', 'ZFCG']).orderBy('id').limit(2).execute()
    expect(checks.map((c) => Number(c.feedback_count) > 0)).toEqual([true, false])
    expect(checks.every((c) => Number(c.hits) > 0)).toBe(true)
    const commitments = await platform.commitments.ofSubject(system, cast.committed[0]!.uscc!)
    expect(commitments[0]).toMatchObject({ status: 'breached' })
    expect(await db().selectFrom('records').select('id').where('status', '=', 'revoked').execute()).toHaveLength(2)
    expect(report.cases).toMatchObject({ preNotices: cast.listed.length + cast.delisted.length, objections: 2, repairs: 1, creditChecks: 2, breaches: 1, withdrawals: 1 })
  })

  it('adds nothing on a second run', async () => {
    const { platform } = get()
    const before = await Promise.all((['records', 'record_versions', 'objections', 'repairs', 'credit_checks', 'list_pre_notices'] as const).map(count))
    const again = await seedDemo(platform, { subjects: SUBJECTS, records: true })
    expect(again).toMatchObject({ subjectsAdded: 0, usersAdded: [], cases: null, records: { batches: 0, received: 0 } })
    expect(await Promise.all((['records', 'record_versions', 'objections', 'repairs', 'credit_checks', 'list_pre_notices'] as const).map(count))).toEqual(before)
  })
})
