/** The query platform over HTTP on each store: profiles by asker, authorisations, bulk lookup, query log. */
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../http/app.ts'
import { describeEachPlatform } from '../../test/platform-fixture.ts'
import { buildQueryCity, firmUscc, hiddenPersonId, legalRepId, levelItems, system, type QueryCity } from './testing.ts'

const password = 'Correct-Horse-9-battery'

describeEachPlatform('query platform over HTTP', (get) => {
  let app: FastifyInstance
  let city: QueryCity
  let bank: { authorization: string }
  let department: { authorization: string }
  let auditor: { cookie: string }

  beforeAll(async () => {
    const { platform } = get()
    city = await buildQueryCity(platform)
    bank = { authorization: `Bearer ${(await platform.access.createApiKey(system, { name: '信贷系统', departmentCode: 'RMYH', roles: ['credit_checker'] })).key}` }
    department = { authorization: `Bearer ${(await platform.access.createApiKey(system, { name: '核查系统', departmentCode: 'GGZY', roles: ['credit_checker'] })).key}` }
    await platform.access.addUser(system, { username: 'auditor', displayName: '审计员', password, departmentCode: 'FGW', roles: ['auditor'] })
    app = await buildApp(platform)
    const login = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'auditor', password } })
    auditor = { cookie: `xinyong_session=${login.cookies.find((c) => c.name === 'xinyong_session')!.value}` }
  })
  afterAll(async () => app?.close())

  const profileUrl = (code: string, query = '') => `/api/v1/subjects/${encodeURIComponent(code)}/profile${query}`
  const penalties = (body: { groups: Array<{ group: string; count: number; records: Array<{ category: string }> }> }) => body.groups.find((g) => g.group === 'penalty')!

  it('shows the public the public file: no personal data, no non-public records, natural persons absent', async () => {
    const res = await app.inject(profileUrl(firmUscc, '?limit=200'))
    expect(res.statusCode).toBe(200)
    expect(penalties(res.json()).count).toBe(3)
    expect(res.body).not.toContain(legalRepId)
    expect(res.body).not.toContain('"v1:')
    expect(penalties(res.json()).records.every((r) => r.category === 'XZCF')).toBe(true)
    const person = await app.inject(profileUrl(hiddenPersonId))
    expect(person.statusCode).toBe(404)
    expect(person.json().error.code).toBe('SUBJECT_NOT_FOUND')
    expect((await app.inject(profileUrl('nonsense'))).json().error.code).toBe('SUBJECT_CODE_INVALID')
  })

  it('walks a bank through 400 (no purpose) → authorisation 401 → 403 → 400 → 201 → an authorised read → revocation', async () => {
    expect((await app.inject({ url: profileUrl(firmUscc), headers: bank })).json().error.code).toBe('PROFILE_PURPOSE_REQUIRED')
    const body = { subject: firmUscc, scope: [levelItems.authorised], purpose: '流动资金贷款', grantedOn: '2026-02-01', expiresAt: '2026-08-01T00:00:00Z', evidence: '授权书 HTTP-1' }
    expect((await app.inject({ method: 'POST', url: '/api/v1/authorisations', payload: body })).statusCode).toBe(401)
    expect((await app.inject({ method: 'POST', url: '/api/v1/authorisations', payload: body, headers: department })).statusCode).toBe(400)
    expect((await app.inject({ method: 'POST', url: '/api/v1/authorisations', payload: { ...body, department: 'RMYH' }, headers: department })).statusCode).toBe(403)
    expect((await app.inject({ method: 'POST', url: '/api/v1/authorisations', payload: { ...body, grantedOn: 'yesterday' }, headers: bank })).json().error.code).toBe('AUTHORISATION_DATE_INVALID')
    const created = await app.inject({ method: 'POST', url: '/api/v1/authorisations', payload: body, headers: bank })
    expect(created.statusCode).toBe(201)
    const id = created.json().id as number

    const read = await app.inject({ url: profileUrl(firmUscc, `?limit=200&purpose=${encodeURIComponent('贷款审批')}`), headers: bank })
    expect(read.statusCode).toBe(200)
    expect(read.json().view).toMatchObject({ asker: 'authorised', authorisationId: id, logged: true })
    expect(penalties(read.json()).records.filter((r) => r.category === levelItems.authorised)).toHaveLength(4)

    expect((await app.inject({ url: `/api/v1/authorisations/${id}`, headers: bank })).json()).toMatchObject({ id, grantee: { code: 'RMYH' } })
    expect((await app.inject({ url: `/api/v1/authorisations?subject=${firmUscc}&inForce=true`, headers: bank })).json().items.map((a: { id: number }) => a.id)).toContain(id)
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/authorisations/${id}?reason=${encodeURIComponent('客户撤回')}`, headers: bank })).statusCode).toBe(200)
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/authorisations/${id}`, headers: bank })).statusCode).toBe(409)
    const after = await app.inject({ url: profileUrl(firmUscc, `?limit=200&purpose=x&authorisation=${id}`), headers: bank })
    expect(after.statusCode).toBe(403)
    expect(after.json().error.code).toBe('AUTHORISATION_NOT_IN_FORCE')
  })

  it('looks up codes in bulk for a department: 401 → 403 → 400 → 200', async () => {
    const payload = { codes: [firmUscc, '91410700MA00000000', 'x'], purpose: '投标人资格审查' }
    expect((await app.inject({ method: 'POST', url: '/api/v1/subjects/lookup', payload })).statusCode).toBe(401)
    expect((await app.inject({ method: 'POST', url: '/api/v1/subjects/lookup', payload, headers: bank })).statusCode).toBe(403)
    expect((await app.inject({ method: 'POST', url: '/api/v1/subjects/lookup', payload: { codes: [] , purpose: 'x' }, headers: department })).statusCode).toBe(400)
    const tooMany = await app.inject({ method: 'POST', url: '/api/v1/subjects/lookup', payload: { codes: Array.from({ length: 10_001 }, () => firmUscc), purpose: 'x' }, headers: department })
    expect(tooMany.statusCode).toBe(400)
    const res = await app.inject({ method: 'POST', url: '/api/v1/subjects/lookup', payload, headers: department })
    expect(res.statusCode).toBe(200)
    expect(res.json().items).toMatchObject([
      { code: firmUscc, found: true, kind: 'enterprise', counts: { penalty: 8 } },
      { found: false },
      { found: false, error: { code: 'SUBJECT_CODE_INVALID' } },
    ])
  })

  it('shows auditors who read a subject: 401 → 403 → 200', async () => {
    const url = `/api/v1/subjects/${firmUscc}/query-log?limit=50`
    expect((await app.inject(url)).statusCode).toBe(401)
    expect((await app.inject({ url, headers: department })).statusCode).toBe(403)
    const res = await app.inject({ url, headers: auditor })
    expect(res.statusCode).toBe(200)
    const items = res.json().items as Array<{ department: { code: string } | null; purpose: string; authorisationId: number | null }>
    expect(items.some((i) => i.department?.code === 'RMYH' && i.authorisationId !== null && i.purpose === '贷款审批')).toBe(true)
    expect(items.some((i) => i.department?.code === 'GGZY' && i.purpose.includes('投标人资格审查'))).toBe(true)
  })
})
