/** The publicity engine over HTTP on each store: explanations and rule-set versions, 401 → 403 → 400/404 → 200. */
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../http/app.ts'
import { describeEachPlatform } from '../../test/platform-fixture.ts'
import { buildQueryCity, system, type QueryCity } from '../profiles/testing.ts'
import { builtInRuleSet } from './built-in-rule-set.ts'

describeEachPlatform('publicity over HTTP', (get) => {
  let app: FastifyInstance
  let city: QueryCity
  let provider: { authorization: string }
  let other: { authorization: string }
  let office: { cookie: string }

  beforeAll(async () => {
    const { platform } = get()
    city = await buildQueryCity(platform)
    const key = async (departmentCode: string, roles: Array<'department_operator' | 'credit_checker'>) => ({ authorization: `Bearer ${(await platform.access.createApiKey(system, { name: `${departmentCode} 系统`, departmentCode, roles })).key}` })
    provider = await key('SCJG', ['department_operator'])
    other = await key('GGZY', ['department_operator'])
    const password = 'Correct-Horse-9-battery'
    await platform.access.addUser(system, { username: 'office', displayName: '信用办', password, departmentCode: 'FGW', roles: ['platform_admin'] })
    app = await buildApp(platform)
    const login = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'office', password } })
    office = { cookie: `xinyong_session=${login.cookies.find((c) => c.name === 'xinyong_session')!.value}` }
  })
  afterAll(async () => app?.close())

  it('explains a record to the office and its provider only', async () => {
    const url = `/api/v1/records/${city.recordOf('public', 'expired')}/publicity`
    expect((await app.inject(url)).statusCode).toBe(401)
    expect((await app.inject({ url, headers: other })).statusCode).toBe(403)
    expect((await app.inject({ url: '/api/v1/records/99999999/publicity', headers: office })).json().error.code).toBe('RECORD_NOT_FOUND')
    expect((await app.inject({ url: '/api/v1/records/abc/publicity', headers: office })).statusCode).toBe(400)
    const res = await app.inject({ url, headers: provider })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ state: 'ended', tier: 'general', start: '2024-01-10', end: '2025-01-10', minimumEnd: '2024-04-10', earlyEndAllowed: true, shownToPublic: false, ruleSet: { version: 1 } })
    expect((await app.inject({ url, headers: office })).statusCode).toBe(200)
  })

  it('lists rule sets to anyone and installs a new one for the office only', async () => {
    const list = await app.inject('/api/v1/publicity/rule-sets')
    expect(list.json()).toEqual([expect.objectContaining({ version: 1, inForce: true })])
    const { version: _v, createdBy: _b, createdAt: _a, ...definition } = builtInRuleSet
    const body = { ...definition, name: '新乡市补充规则', effectiveFrom: '2027-01-01' }
    expect((await app.inject({ method: 'POST', url: '/api/v1/publicity/rule-sets', payload: body })).statusCode).toBe(401)
    expect((await app.inject({ method: 'POST', url: '/api/v1/publicity/rule-sets', payload: body, headers: provider })).statusCode).toBe(403)
    const bad = await app.inject({ method: 'POST', url: '/api/v1/publicity/rule-sets', payload: { ...body, effectiveFrom: '2027-02-30' }, headers: office })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error).toMatchObject({ code: 'PUBLICITY_RULES_INVALID', details: { issues: [expect.objectContaining({ path: 'effectiveFrom' })] } })
    const created = await app.inject({ method: 'POST', url: '/api/v1/publicity/rule-sets', payload: body, headers: office })
    expect(created.statusCode).toBe(201)
    expect(created.json()).toMatchObject({ version: 2, effectiveFrom: '2027-01-01', inForce: false, createdBy: 'user:office' })
  })
})
