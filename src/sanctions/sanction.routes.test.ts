/** Joint rewards and punishments over HTTP on each store: the ladder, CSV uploads, 100,000 codes, lists, FtM, commitments. */
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../http/app.ts'
import { describeEachPlatform } from '../../test/platform-fixture.ts'
import { buildSanctionCity, firms, system, type SanctionCity } from './testing.ts'

describeEachPlatform('joint rewards and punishments over HTTP', (get) => {
  let app: FastifyInstance
  let city: SanctionCity
  let checker: { authorization: string }
  let operator: { authorization: string }

  beforeAll(async () => {
    const { platform } = get()
    city = await buildSanctionCity(platform)
    checker = { authorization: `Bearer ${(await platform.access.createApiKey(system, { name: '采购核查', departmentCode: 'CZJ', roles: ['credit_checker'] })).key}` }
    operator = { authorization: `Bearer ${(await platform.access.createApiKey(system, { name: '报送系统', departmentCode: 'SCJG', roles: ['department_operator'] })).key}` }
    app = await buildApp(platform)
  })
  afterAll(async () => app?.close())

  const body = { matter: 'ZFCG', purpose: '某项目投标资格审查', subjects: [firms.listed, firms.clean] }

  it('walks a credit check up the ladder 401 → 403 → 400 → 200, then feedback', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/v1/credit-checks', payload: body })).statusCode).toBe(401)
    expect((await app.inject({ method: 'POST', url: '/api/v1/credit-checks', payload: body, headers: operator })).statusCode).toBe(403)
    const bad = await app.inject({ method: 'POST', url: '/api/v1/credit-checks', payload: { ...body, matter: 'NOPE' }, headers: checker })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.code).toBe('MATTER_NOT_FOUND')
    const ok = await app.inject({ method: 'POST', url: '/api/v1/credit-checks', payload: body, headers: checker })
    expect(ok.statusCode).toBe(200)
    const answer = ok.json()
    expect(answer.check).toMatchObject({ subjects: 2, found: 2, hits: 1, department: 'CZJ' })
    expect(answer.results[0].result.punishments[0]).toMatchObject({ code: 'LC01', legalBasis: expect.stringContaining('《河南省社会信用条例》') })

    const feedback = await app.inject({ method: 'POST', url: `/api/v1/credit-checks/${answer.check.id}/feedback`, headers: checker, payload: { items: [{ code: firms.listed, measures: ['LC01'], outcome: 'applied', note: '取消投标资格' }] } })
    expect(feedback.statusCode).toBe(200)
    expect(feedback.json().check.feedbackCount).toBe(1)
    const read = await app.inject({ url: `/api/v1/credit-checks/${answer.check.id}?hitsOnly=true`, headers: checker })
    expect(read.json().results.map((r: { code: string }) => r.code)).toEqual([firms.listed])
    const stats = await app.inject({ url: '/api/v1/credit-checks/statistics', headers: checker })
    expect(stats.json().measuresApplied).toContainEqual({ department: 'CZJ', matter: 'ZFCG', measure: 'LC01', subjects: 1 })
  })

  it('takes the codes as a CSV upload', async () => {
    const csv = `\uFEFF统一社会信用代码,名称\n${firms.red},红名单企业\n${firms.listed},失信企业\n`
    const res = await app.inject({ method: 'POST', url: `/api/v1/credit-checks/csv?matter=ZTB&purpose=${encodeURIComponent('招标资格审查')}`, headers: { ...checker, 'content-type': 'text/csv' }, payload: csv })
    expect(res.statusCode).toBe(200)
    expect(res.json().results.map((r: { code: string; hit: boolean }) => [r.code, r.hit])).toEqual([
      [firms.red, false],
      [firms.listed, true],
    ])
    const noHeader = await app.inject({ method: 'POST', url: '/api/v1/credit-checks/csv?matter=ZTB&purpose=x', headers: { ...checker, 'content-type': 'text/csv' }, payload: `${firms.red}\n` })
    expect(noHeader.json().error.code).toBe('CHECK_CSV_HEADER')
  })

  it('accepts 100,000 codes in one request and refuses 100,001 with a clear message', async () => {
    const many = Array.from({ length: 100_000 }, (_, i) => String(2_000_000 + i))
    const ok = await app.inject({ method: 'POST', url: '/api/v1/credit-checks', payload: { ...body, subjects: many }, headers: checker })
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toMatchObject({ check: { subjects: 100_000, found: 0 }, more: true })
    const tooMany = await app.inject({ method: 'POST', url: '/api/v1/credit-checks', payload: { ...body, subjects: [...many, '1'] }, headers: checker })
    expect(tooMany.statusCode).toBe(413)
    expect(tooMany.json().error).toMatchObject({ code: 'CHECK_TOO_MANY_SUBJECTS', message: expect.stringContaining('100,000'), message_en: expect.stringContaining('100,000') })
  }, 120_000)

  it('shows the public the black list in force, without pre-notices or persons, and exports an entry as FollowTheMoney', async () => {
    const page = await app.inject('/api/v1/lists/black')
    expect(page.statusCode).toBe(200)
    const items = page.json().items as Array<{ recordId: number; subject: { name: string }; status: string; preNotice?: unknown }>
    // Neither the expired entry nor the one still awaiting its pre-notice is in force.
    expect(items.map((i) => i.subject.name)).toEqual(['新乡市listed测试有限公司'])
    expect(items.every((i) => i.status === 'active' && i.preNotice === undefined)).toBe(true)
    expect((await app.inject('/api/v1/lists/black?status=all')).statusCode).toBe(401)
    const all = await app.inject({ url: '/api/v1/lists/black?status=all', headers: operator })
    expect(all.json().total).toBeGreaterThanOrEqual(3)
    const listed = await city.recordOf('YZSXZT', 'listed')
    const ftm = await app.inject(`/api/v1/lists/entries/${listed}/ftm`)
    expect(ftm.headers['content-type']).toContain('application/x-ndjson')
    const [subject, sanction] = ftm.body.trim().split('\n').map((l) => JSON.parse(l))
    expect(subject).toMatchObject({ schema: 'Company', properties: { registrationNumber: [firms.listed] } })
    expect(sanction).toMatchObject({ schema: 'Sanction', properties: { status: ['Active'], listingDate: ['2026-01-10'], provisions: expect.arrayContaining(['限制参加政府采购活动']) } })
    const expired = await city.recordOf('YZSXZT', 'expired')
    expect((await app.inject(`/api/v1/lists/entries/${expired}/ftm`)).statusCode).toBe(404)
    const exits = await app.inject('/api/v1/lists/black/exits?days=60')
    expect(exits.json().items.map((i: { recordId: number }) => i.recordId)).toEqual([expired])
  })

  it('lets only the accepting department record a breach, which the public commitments page shows', async () => {
    const recordId = await city.recordOf('XYCN', 'clean')
    const url = `/api/v1/commitments/${recordId}/breach`
    const payload = { breachedOn: '2026-02-20', description: '未在承诺期限内补齐证明材料' }
    expect((await app.inject({ method: 'POST', url, payload })).statusCode).toBe(401)
    expect((await app.inject({ method: 'POST', url, payload, headers: checker })).statusCode).toBe(403)
    expect((await app.inject({ method: 'POST', url, payload: { ...payload, breachedOn: 'yesterday' }, headers: operator })).statusCode).toBe(400)
    const ok = await app.inject({ method: 'POST', url, payload, headers: operator })
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toMatchObject({ status: 'breached', breachedOn: '2026-02-20', kind: 'approval_substitute' })
    expect((await app.inject({ method: 'POST', url, payload, headers: operator })).json().error.code).toBe('COMMITMENT_BREACH_REFUSED')
    const page = await app.inject(`/api/v1/commitments?subject=${firms.clean}`)
    expect(page.json().items[0]).toMatchObject({ recordId, status: 'breached', statusLabel: '已违诺' })
    // From now on the breach is dishonesty information: no notify-and-commit approval for this firm.
    const checked = await app.inject({ method: 'POST', url: '/api/v1/credit-checks', payload: { matter: 'GZCN', purpose: '告知承诺审批', subjects: [firms.clean] }, headers: checker })
    expect(checked.json().results[0]).toMatchObject({ hit: true, result: { negativeRecords: [{ recordId, category: 'XYCN', tier: 'general' }], punishments: [{ code: 'SX02' }] } })
    const events = await get().platform.database.db.selectFrom('events').select(['type', 'record_id']).where('record_id', '=', recordId).execute()
    expect(events).toEqual([{ type: 'record.superseded', record_id: recordId }])
  })
})
