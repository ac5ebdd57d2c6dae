/**
 * The credit check on each store, end to end through collection: measures follow the matter, only
 * entries in force with their pre-notice trigger anything, red lists earn incentives, every check is
 * stored and logged, feedback closes the loop and unanswered hits turn overdue after the working days.
 */
import { penaltyRow } from '../profiles/testing.ts'
import { makeUscc } from '../identifiers/index.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import { loadConfig } from '../config.ts'
import { assemblePlatform } from '../platform.ts'
import { openDatabase } from '../db/create-database.ts'
import { configGeneration } from '../db/config-generation.ts'
import { checkWorkerFor } from './parallel-check.ts'
import { describeEachPlatform } from '../../test/platform-fixture.ts'
import { buildSanctionCity, firms, type SanctionCity } from './testing.ts'

describeEachPlatform('credit checks', (get) => {
  let city: SanctionCity
  beforeAll(async () => {
    city = await buildSanctionCity(get().platform)
  })
  const check = (matter: string, subjects: string[], purpose = '政府采购资格审查') => get().platform.creditChecks.check(city.actors.checker, { matter, purpose, subjects })
  const codes = (ms: Array<{ code: string }> | undefined) => (ms ?? []).map((m) => m.code).sort()

  it('bars a subject on the serious-dishonesty list from procurement, naming the entry and the legal basis', async () => {
    const { check: c, results } = await check('ZFCG', [firms.listed])
    expect(c).toMatchObject({ matter: { code: 'ZFCG' }, subjects: 1, found: 1, hits: 1 })
    const [r] = results
    expect(r).toMatchObject({ found: true, hit: true, subjectId: city.subjectOf.listed })
    expect(codes(r!.result!.punishments)).toEqual(['LC01'])
    const ban = r!.result!.punishments[0]!
    expect(ban.legalBasis).toContain('第三十四条')
    expect(ban.triggeredBy).toEqual([{ kind: 'list_entry', recordId: await city.recordOf('YZSXZT', 'listed'), category: 'YZSXZT', listName: '市场监督管理严重违法失信名单' }])
    expect(r!.result!.why[0]).toContain('市场监督管理严重违法失信名单')
    // The entry's own fields, read out of the record's payload by the store.
    expect(r!.result!.entries).toEqual([
      expect.objectContaining({ category: 'YZSXZT', listKind: 'black', reason: '提供虚假材料骗取许可', decisionNumber: '新市监严列〔2026〕listed号', authority: expect.stringContaining('市场监督管理局'), listingDate: '2026-01-10', endDate: '2029-01-09' }),
    ])
  })

  it('does not apply the procurement ban to a matter the measure does not cover', async () => {
    const { results } = await check('JDJC', [firms.listed], '日常检查')
    expect(results[0]!.hit).toBe(false)
    expect(codes(results[0]!.result?.punishments)).not.toContain('LC01')
    expect(results[0]!.result!.entries.map((e) => e.category)).toEqual(['YZSXZT'])
  })

  it('lets an expired entry trigger nothing', async () => {
    const { check: c, results } = await check('ZFCG', [firms.expired])
    expect(c.hits).toBe(0)
    expect(results[0]).toMatchObject({ found: true, hit: false, result: null })
  })

  it('gives a red-list subject its incentives', async () => {
    const { results } = await check('ZTB', [firms.red], '招标投标资格审查')
    expect(results[0]!.hit).toBe(false)
    expect(codes(results[0]!.result!.incentives)).toEqual(['JL03'])
    expect(results[0]!.result!.incentives[0]!.triggeredBy[0]).toMatchObject({ kind: 'list_entry', category: 'NSXYAJ' })
  })

  it('needs the pre-notice served by the start before an entry takes effect', async () => {
    const { platform } = get()
    expect((await check('ZFCG', [firms.unnoticed])).results[0]!.hit).toBe(false)
    const notice = { subject: firms.unnoticed, category: 'YZSXZT', noticeNumber: '新市监告〔2026〕9号', delivery: '邮寄送达', basis: '《河南省社会信用条例》第二十八条', reasons: '提供虚假材料', measures: '限制参加政府采购活动' }
    // Served after the listing date: too late, the entry still awaits its notice.
    await platform.lists.recordPreNotice(city.actors.listingClerk, { ...notice, servedOn: '2026-01-15' })
    expect((await check('ZFCG', [firms.unnoticed])).results[0]!.hit).toBe(false)
    await platform.lists.recordPreNotice(city.actors.listingClerk, { ...notice, servedOn: '2026-01-02' })
    expect((await check('ZFCG', [firms.unnoticed])).results[0]!.hit).toBe(true)
    const audit = await platform.database.db.selectFrom('audit_log').select('action').where('action', '=', 'list.pre_notice_served').execute()
    expect(audit.length).toBeGreaterThanOrEqual(4)
  })

  it('applies Art. 32 measures for a penalty in its publicity period', async () => {
    const { results } = await check('GZCN', [firms.penalised], '告知承诺审批')
    expect(results[0]!.hit).toBe(true)
    expect(codes(results[0]!.result!.punishments)).toEqual(['SX02'])
    expect(results[0]!.result!.negativeRecords).toEqual([{ recordId: await city.recordOf('XZCF', 'penalised'), category: 'XZCF', tier: 'general' }])
  })

  it('follows the publicity rules engine: a warning-only penalty is minor and sets off nothing, a fine in the same window does', async () => {
    const { platform } = get()
    const warned = makeUscc({ authority: '9', category: '1', division: '410702', orgCodeBody8: 'MA000090' })
    const warning = { CF_XDR_MC: '新乡市警告测试有限公司', CF_XDR_SHXYM: warned, CF_CFLB: '警告', CF_NR: '警告', CF_NR_FK: '', CF_JDRQ: '2026-01-20', CF_YXQ: '2026-12-31', CF_GSJZQ: '2027-01-20' }
    await city.submit(city.actors.listingClerk, 'XZCF', [penaltyRow('新市监罚〔2026〕90号', warning)])
    const minor = await check('GZCN', [warned])
    expect(minor.results[0]!.hit).toBe(false)
    const [record] = await platform.database.db.selectFrom('records').select('id').where('subject_id', '=', (await platform.subjects.resolveId(warned))!).where('category', '=', 'XZCF').execute()
    expect((await platform.publicity.explain(Number(record!.id))).tier).toBe('minor')
    await city.submit(city.actors.listingClerk, 'XZCF', [penaltyRow('新市监罚〔2026〕90号', { ...warning, CF_CFLB: '警告,罚款', CF_NR: '警告并罚款人民币5,000元', CF_NR_FK: '0.5' })])
    expect(codes((await check('GZCN', [warned])).results[0]!.result!.punishments)).toEqual(['SX02'])
  })

  it('answers per code in order: found or not, invalid codes with their error', async () => {
    const { check: c, results } = await check('ZFCG', [firms.clean, 'nonsense', '91410700MA00000000', firms.listed])
    expect(c).toMatchObject({ subjects: 4, found: 2, hits: 1 })
    expect(results.map((r) => [r.position, r.found, r.hit])).toEqual([
      [1, true, false],
      [2, false, false],
      [3, false, false],
      [4, true, true],
    ])
    expect(results[1]!.error?.code).toBe('SUBJECT_CODE_INVALID')
  })

  it('stores the check with its results and logs the reads in the same transaction', async () => {
    const { platform } = get()
    const before = await platform.database.db.selectFrom('query_log').select('id').execute()
    const { check: c } = await check('ZFCG', [firms.listed, firms.clean])
    const log = await platform.database.db.selectFrom('query_log').selectAll().where('id', '>', Math.max(0, ...before.map((r) => Number(r.id)))).execute()
    expect(log.map((l) => Number(l.subject_id))).toEqual([city.subjectOf.listed])
    expect(log[0]!.purpose).toContain('ZFCG')
    const again = await platform.creditChecks.get(city.actors.checker, c.id)
    expect(again.results.map((r) => r.hit)).toEqual([true, false])
    await expect(platform.creditChecks.get(city.actors.otherChecker, c.id)).rejects.toMatchObject({ code: 'CHECK_NOT_FOUND' })
  })

  it('logs a check of a natural person even when nothing is on record, and of a firm only when something non-public was read', async () => {
    const { platform } = get()
    const db = platform.database.db
    const at = '2026-03-01T00:00:00.000Z'
    const person = await db.insertInto('subjects').values({ kind: 'natural_person', name: '张三', division: null, status: 'active', legal_representative: null, established_on: null, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()
    const before = Math.max(0, ...(await db.selectFrom('query_log').select('id').execute()).map((r) => Number(r.id)))
    const { check: c, results } = await check('ZFCG', [String(person.id), firms.clean])
    expect(c).toMatchObject({ found: 2, hits: 0 })
    expect(results.map((r) => [r.found, r.hit, r.result])).toEqual([[true, false, null], [true, false, null]])
    const log = await db.selectFrom('query_log').select(['subject_id', 'record_ids']).where('id', '>', before).execute()
    expect(log.map((l) => [Number(l.subject_id), l.record_ids])).toEqual([[Number(person.id), null]])
  })

  it('decides a large check half on a worker thread, saying and logging exactly what one thread does', async () => {
    const { platform, store, clock } = get()
    const config = loadConfig({ XINYONG_ENV: 'test' }, { dataDir: store.dir, databaseUrl: store.url, parallelCheckFrom: 2 })
    const parallel = assemblePlatform({ config, database: openDatabase(store.url), clock, dataKey: randomBytes(32) })
    try {
      expect(await parallel.creditChecks.parallelReady()).toBe(true)
      const codes = [firms.listed, firms.red, 'nonsense', firms.penalised, firms.expired, firms.clean, firms.unnoticed]
      const loggedBy = async (id: number) => {
        const { at } = await platform.database.db.selectFrom('credit_checks').select('at').where('id', '=', id).executeTakeFirstOrThrow()
        return (await platform.database.db.selectFrom('query_log').select(['subject_id', 'record_ids']).where('at', '=', at).orderBy('subject_id').execute()).map((l) => [Number(l.subject_id), l.record_ids])
      }
      // Each check at its own instant, to tell their log entries apart.
      clock.set('2026-03-02T02:00:01.000Z')
      try {
        const one = await check('GZCN', codes, '告知承诺审批')
        clock.set('2026-03-02T02:00:02.000Z')
        const two = await parallel.creditChecks.check(city.actors.checker, { matter: 'GZCN', purpose: '告知承诺审批', subjects: codes })
        expect(parallel.creditChecks.decidedInParallel()).toBe(3)
        expect(two.results).toEqual(one.results)
        expect({ ...two.check, id: 0, at: '' }).toEqual({ ...one.check, id: 0, at: '' })
        expect(two.results.filter((r) => r.hit).length).toBeGreaterThan(0)
        expect(await loggedBy(two.check.id)).toEqual(await loggedBy(one.check.id))
      } finally {
        clock.set('2026-03-02T02:00:00.000Z')
      }
    } finally {
      await parallel.close()
    }
  })

  it('uses a worker\'s half only when the configuration generation was the check\'s throughout', async () => {
    const { platform, store } = get()
    const worker = checkWorkerFor(loadConfig({ XINYONG_ENV: 'test' }, { dataDir: store.dir, databaseUrl: store.url, parallelCheckFrom: 2 }))!
    try {
      expect(await worker.started()).toBe(true)
      const at = await configGeneration(platform.database.db)()
      const when = { today: '2026-03-02', now: '2026-03-02T02:00:00.000Z' }
      const subjects: Array<[number, { kind: string }]> = [[city.subjectOf.listed, { kind: 'enterprise' }]]
      const decided = await worker.decide(subjects, { matter: 'ZFCG', when, configAt: at })
      expect(decided?.decisions.map(([id, d]) => [id, d.hit])).toEqual([[city.subjectOf.listed, true]])
      expect(await worker.decide(subjects, { matter: 'ZFCG', when, configAt: at - 1 })).toBeUndefined()
    } finally {
      await worker.close()
    }
  })

  it('keeps each answer as it was stated: the wording of its measures kept once with the check, unchanged by a later edit of the catalog', async () => {
    const { platform } = get()
    const { check: c, results } = await check('ZFCG', [firms.listed, firms.clean])
    const said = results[0]!.result!
    // Per subject only the entries, the records and the measures by code; their wording lies with the check.
    const stored = await platform.database.db.selectFrom('credit_check_results').select('outcome').where('check_id', '=', c.id).where('position', '=', 1).executeTakeFirstOrThrow()
    expect(JSON.parse(stored.outcome!)).toEqual({ entries: said.entries, negativeRecords: [], punishments: [{ code: 'LC01', triggeredBy: [said.entries[0]!.recordId] }], incentives: [] })
    const lc01 = await platform.measures.getMeasure('LC01')
    await platform.measures.setMeasure(city.actors.office, { ...lc01.definition, name: '限制参加政府采购活动（修订）', legalBasis: '《政府采购法》修订后的依据' })
    try {
      const again = await platform.creditChecks.get(city.actors.checker, c.id)
      expect(again.results[0]!.result).toEqual(said)
      expect(said.punishments[0]).toMatchObject({ name: lc01.definition.name, legalBasis: lc01.definition.legalBasis })
      const later = await check('ZFCG', [firms.listed])
      expect(later.results[0]!.result!.punishments[0]).toMatchObject({ name: '限制参加政府采购活动（修订）', legalBasis: '《政府采购法》修订后的依据' })
      expect(later.results[0]!.result!.why[0]).toContain('《政府采购法》修订后的依据')
    } finally {
      await platform.measures.setMeasure(city.actors.office, lc01.definition)
    }
  })

  it('refuses more than 100,000 subjects with a clear message, and accepts 100,000', async () => {
    const { platform } = get()
    const many = Array.from({ length: 100_001 }, (_, i) => String(i + 1_000_000))
    await expect(check('ZFCG', many)).rejects.toMatchObject({ code: 'CHECK_TOO_MANY_SUBJECTS', kind: 'too_large', zh: expect.stringContaining('100,000') })
    const { check: c, more } = await check('ZFCG', [firms.listed, ...many.slice(0, 99_999)])
    expect(c).toMatchObject({ subjects: 100_000, found: 1, hits: 1 })
    expect(more).toBe(true)
    const page = await platform.creditChecks.get(city.actors.checker, c.id, { hitsOnly: true })
    expect(page.results.map((r) => r.code)).toEqual([firms.listed])
  }, 120_000)

  describe('feedback', () => {
    it('closes the loop: measures applied per subject, audited, counted in statistics', async () => {
      const { platform, clock } = get()
      const { check: c } = await check('ZFCG', [firms.listed, firms.clean])
      expect(c.feedbackDueOn).toBe('2026-03-16') // 10 working days after Monday 2026-03-02
      await expect(platform.creditChecks.feedback(city.actors.checker, c.id, [{ code: firms.listed, measures: ['LC02'], outcome: 'applied' }])).rejects.toMatchObject({ code: 'CHECK_FEEDBACK_MEASURE_UNKNOWN' })
      await expect(platform.creditChecks.feedback(city.actors.checker, c.id, [{ code: firms.clean, measures: [], outcome: 'not_adopted' }])).rejects.toMatchObject({ code: 'CHECK_FEEDBACK_REASON_REQUIRED' })
      const done = await platform.creditChecks.feedback(city.actors.checker, c.id, [{ code: firms.listed, measures: ['LC01'], outcome: 'applied', amount: '0', note: '取消其投标资格' }])
      expect(done).toMatchObject({ recorded: 1, check: { feedbackCount: 1, overdue: false } })
      const audit = await platform.database.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'credit_check.feedback').execute()
      expect(audit.map((a) => a.entity_id)).toContain(String(c.id))
      clock.set('2026-04-01T02:00:00.000Z')
      try {
        expect((await platform.creditChecks.list(city.actors.checker, { overdue: true })).map((x) => x.id)).not.toContain(c.id)
      } finally {
        clock.set('2026-03-02T02:00:00.000Z')
      }
      const stats = await platform.creditChecks.statistics(city.actors.office)
      expect(stats.measuresApplied).toContainEqual({ department: 'CZJ', matter: 'ZFCG', measure: 'LC01', subjects: 1 })
      expect(stats.checksAnswered).toBeGreaterThanOrEqual(1)
      expect(stats.feedbackRate).toBeGreaterThan(0)
    })

    it('lists checks with hits and no feedback after 10 working days as overdue, only to their department', async () => {
      const { platform, clock } = get()
      const { check: c } = await check('ZFCG', [firms.listed])
      const { check: clean } = await check('ZFCG', [firms.clean])
      const overdue = async (actor = city.actors.checker) => (await platform.creditChecks.list(actor, { overdue: true })).map((x) => x.id)
      clock.set('2026-03-16T02:00:00.000Z') // the last day to report
      try {
        expect(await overdue()).not.toContain(c.id)
        clock.set('2026-03-17T02:00:00.000Z')
        expect(await overdue()).toContain(c.id)
        expect(await overdue()).not.toContain(clean.id)
        expect(await overdue(city.actors.otherChecker)).not.toContain(c.id)
        expect(await overdue(city.actors.office)).toContain(c.id)
      } finally {
        clock.set('2026-03-02T02:00:00.000Z')
      }
    })
  })
})
