/** The HTTP edge on each store: the 401 → 403 → 400 → 200 ladder, coded bilingual errors, OpenAPI. */
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../src/http/app.ts'
import { describeEachPlatform } from './platform-fixture.ts'
import type { Actor } from '../src/security/actor.ts'

const system: Actor = { type: 'system', name: 'test' }
const password = 'Correct-Horse-9-battery'

describeEachPlatform('the HTTP API', (get) => {
  let app: FastifyInstance
  let adminCookie: string
  let clerkCookie: string
  let apiKey: string

  const login = async (username: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } })
    expect(res.statusCode).toBe(200)
    const cookie = res.cookies.find((c) => c.name === 'xinyong_session')!
    expect(cookie.httpOnly).toBe(true)
    return `xinyong_session=${cookie.value}`
  }

  beforeAll(async () => {
    const { platform } = get()
    await platform.catalog.installBaseCatalog(system)
    await platform.departments.add(system, { code: 'FGW', name: '新乡市发展和改革委员会', division: '410700', kind: 'platform_office' })
    await platform.departments.add(system, { code: 'SCJG', name: '新乡市市场监督管理局', division: '410700', kind: 'provider' })
    await platform.access.addUser(system, { username: 'admin', displayName: '管理员', password, departmentCode: 'FGW', roles: ['platform_admin'] })
    await platform.access.addUser(system, { username: 'clerk', displayName: '报送员', password, departmentCode: 'SCJG', roles: ['department_operator'] })
    apiKey = (await platform.access.createApiKey(system, { name: '执法系统', departmentCode: 'SCJG', roles: ['department_operator'] })).key
    await platform.subjects.register(system, { kind: 'enterprise', name: '福建某某有限公司', identifiers: [{ scheme: 'uscc', value: '91350100M000100Y43' }], division: '350100' })
    await platform.subjects.register(system, { kind: 'natural_person', name: '张三', identifiers: [{ scheme: 'resident_id', value: '11010519491231002X' }] })
    app = await buildApp(platform)
    adminCookie = await login('admin')
    clerkCookie = await login('clerk')
  })
  afterAll(async () => app?.close())

  it('answers /healthz with the store it runs on', async () => {
    const res = await app.inject('/healthz')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'ok', store: get().store.name })
    expect(res.headers['x-request-id']).toBeTruthy()
  })

  it('serves an OpenAPI document that lists every API route, and its browser', async () => {
    const doc = (await app.inject('/api/openapi.json')).json()
    expect(doc.openapi).toMatch(/^3\./)
    for (const path of ['/api/v1/identifiers/{code}', '/api/v1/subjects/{code}', '/api/v1/catalog', '/api/v1/departments', '/api/v1/api-keys', '/api/v1/session']) expect(Object.keys(doc.paths)).toContain(path)
    const ui = await app.inject('/api/docs/')
    expect(ui.statusCode).toBe(200)
    expect(ui.body).toContain('swagger')
  })

  it('checks identifiers with coded bilingual errors', async () => {
    const ok = (await app.inject('/api/v1/identifiers/91350100M000100Y43')).json()
    expect(ok).toMatchObject({ kind: 'uscc', valid: true })
    const bad = (await app.inject('/api/v1/identifiers/91350100M000100Y44')).json()
    expect(bad).toMatchObject({ valid: false, error: { code: 'IDENTIFIER_CHECKSUM' } })
    expect(bad.error.zh).toContain('3')
  })

  it('shows an organisation to the public by USCC, organisation code or id', async () => {
    const byUscc = await app.inject('/api/v1/subjects/91350100M000100Y43')
    expect(byUscc.statusCode).toBe(200)
    expect(byUscc.json()).toMatchObject({ name: '福建某某有限公司', kind: 'enterprise' })
    const byOrgCode = await app.inject('/api/v1/subjects/M000100Y-4')
    expect(byOrgCode.json().id).toBe(byUscc.json().id)
  })

  it('hides natural persons from the public and masks them for staff, logging the read', async () => {
    const anonymous = await app.inject('/api/v1/subjects/11010519491231002X')
    expect(anonymous.statusCode).toBe(404)
    const staff = await app.inject({ url: '/api/v1/subjects/11010519491231002x?purpose=test', headers: { cookie: clerkCookie } })
    expect(staff.statusCode).toBe(200)
    expect(staff.body).not.toContain('11010519491231002X')
    expect(staff.json().identifiers[0]).toMatchObject({ scheme: 'resident_id', value: '110105********002X', masked: true })
    const log = await get().platform.database.db.selectFrom('query_log').selectAll().execute()
    expect(log.at(-1)).toMatchObject({ actor_id: 'clerk', purpose: 'test' })
  })

  it('gives malformed codes a coded 400, never a 500', async () => {
    const nul = await app.inject('/api/v1/subjects/%00')
    expect(nul.statusCode).toBe(400)
    expect(nul.json().error.code).toBe('INPUT_CONTROL_CHARACTER')
    for (const junk of ['%E2%80%AE%F0%9F%92%A9', 'x'.repeat(200), '---', 'DROP%20TABLE%20subjects']) {
      const res = await app.inject(`/api/v1/subjects/${junk}`)
      expect(res.statusCode, junk).toBe(400)
      expect(res.json().error).toMatchObject({ code: 'SUBJECT_CODE_INVALID' })
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/)
    }
    expect((await app.inject(`/api/v1/subjects/${'x'.repeat(201)}`)).json().error.code).toBe('REQUEST_INVALID')
    const huge = await app.inject(`/api/v1/subjects/${'x'.repeat(5000)}`)
    expect(huge.statusCode).toBe(414)
    expect(huge.json().error).toMatchObject({ code: 'URI_TOO_LONG' })
    const undecodable = await app.inject('/api/v1/subjects/%E0%A4%A')
    expect(undecodable.statusCode).toBe(400)
    expect(undecodable.json().error.message).toMatch(/[\u4e00-\u9fff]/)
  })

  it('walks the 401 → 403 → 400 → 201 ladder for adding a department', async () => {
    const body = { code: 'STHJ', name: '新乡市生态环境局', division: '410700', kind: 'provider' }
    expect((await app.inject({ method: 'POST', url: '/api/v1/departments', payload: body })).statusCode).toBe(401)
    expect((await app.inject({ method: 'POST', url: '/api/v1/departments', payload: body, headers: { cookie: clerkCookie } })).statusCode).toBe(403)
    const invalid = await app.inject({ method: 'POST', url: '/api/v1/departments', payload: { ...body, division: '41' }, headers: { cookie: adminCookie } })
    expect(invalid.statusCode).toBe(400)
    expect(invalid.json().error).toMatchObject({ code: 'REQUEST_INVALID' })
    expect(invalid.json().error.message_en).toContain('division')
    const created = await app.inject({ method: 'POST', url: '/api/v1/departments', payload: body, headers: { cookie: adminCookie } })
    expect(created.statusCode).toBe(201)
    expect((await app.inject({ method: 'POST', url: '/api/v1/departments', payload: body, headers: { cookie: adminCookie } })).statusCode).toBe(409)
  })

  it('authenticates department systems by API key and refuses a bad key outright', async () => {
    const me = await app.inject({ url: '/api/v1/session', headers: { authorization: `Bearer ${apiKey}` } })
    expect(me.json().actor).toMatchObject({ type: 'api_key', departmentCode: 'SCJG' })
    const bad = await app.inject({ url: '/api/v1/session', headers: { authorization: 'Bearer xy_000000000000_nope' } })
    expect(bad.statusCode).toBe(401)
    expect(bad.json().error.code).toBe('API_KEY_INVALID')
  })

  it('creates an API key over HTTP and shows it once', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/api-keys', payload: { name: '接口', departmentCode: 'SCJG', roles: ['department_operator'] }, headers: { cookie: adminCookie } })
    expect(res.statusCode).toBe(201)
    const { key, apiKey: shown } = res.json()
    const list = await app.inject({ url: '/api/v1/api-keys', headers: { cookie: adminCookie } })
    expect(list.body).toContain(shown.prefix)
    expect(list.body).not.toContain(key)
  })

  it('serves the catalog, its versions and templates with Chinese file names', async () => {
    const list = (await app.inject('/api/v1/catalog')).json()
    expect(list.items.length).toBeGreaterThanOrEqual(13)
    const xzcf = (await app.inject('/api/v1/catalog/XZCF')).json()
    expect(xzcf).toMatchObject({ code: 'XZCF', version: 1 })
    const csv = await app.inject('/api/v1/catalog/XZCF/template?format=csv')
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-disposition']).toContain("filename*=UTF-8''")
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect((await app.inject('/api/v1/catalog/NOPE')).statusCode).toBe(404)
  })

  it('revises a catalog item into a new audited version over HTTP', async () => {
    const current = (await app.inject('/api/v1/catalog/XZXK')).json()
    const definition = { ...current.definition, description: '修订测试' }
    expect((await app.inject({ method: 'PUT', url: '/api/v1/catalog/XZXK', payload: { definition }, headers: { cookie: clerkCookie } })).statusCode).toBe(403)
    const res = await app.inject({ method: 'PUT', url: '/api/v1/catalog/XZXK', payload: { definition, note: '测试' }, headers: { cookie: adminCookie } })
    expect(res.json()).toEqual({ code: 'XZXK', outcome: 'revised', version: 2 })
    const broken = await app.inject({ method: 'PUT', url: '/api/v1/catalog/XZXK', payload: { definition: { ...definition, sharingLevel: 'everyone' } }, headers: { cookie: adminCookie } })
    expect(broken.statusCode).toBe(400)
    expect(broken.json().error.code).toBe('CATALOG_ITEM_INVALID')
    const versions = (await app.inject('/api/v1/catalog/XZXK/versions')).json()
    expect(versions.items.map((v: { version: number }) => v.version)).toEqual([1, 2])
  })

  it('lets the office disable a staff account over HTTP, ending its sign-in at once, and reset a password', async () => {
    const { platform } = get()
    await platform.access.addUser(system, { username: 'temp.clerk', displayName: '临时报送员', password, departmentCode: 'SCJG', roles: ['department_operator'] })
    const tempCookie = await login('temp.clerk')
    const whoAmI = async () => (await app.inject({ url: '/api/v1/session', headers: { cookie: tempCookie } })).json().actor
    expect(await whoAmI()).toMatchObject({ type: 'user', username: 'temp.clerk' })
    const body = { status: 'disabled' }
    expect((await app.inject({ method: 'PATCH', url: '/api/v1/users/temp.clerk', payload: body })).statusCode).toBe(401)
    expect((await app.inject({ method: 'PATCH', url: '/api/v1/users/temp.clerk', payload: body, headers: { cookie: clerkCookie } })).statusCode).toBe(403)
    expect((await app.inject({ method: 'PATCH', url: '/api/v1/users/temp.clerk', payload: { status: 'gone' }, headers: { cookie: adminCookie } })).statusCode).toBe(400)
    const disabled = await app.inject({ method: 'PATCH', url: '/api/v1/users/temp.clerk', payload: body, headers: { cookie: adminCookie } })
    expect(disabled.statusCode, disabled.body).toBe(200)
    expect(disabled.json()).toMatchObject({ username: 'temp.clerk', status: 'disabled' })
    expect(await whoAmI()).toEqual({ type: 'public' })
    expect((await app.inject({ method: 'PATCH', url: '/api/v1/users/nobody.here', payload: body, headers: { cookie: adminCookie } })).json().error.code).toBe('USER_NOT_FOUND')
    await app.inject({ method: 'PATCH', url: '/api/v1/users/temp.clerk', payload: { status: 'active' }, headers: { cookie: adminCookie } })
    const reset = await app.inject({ method: 'POST', url: '/api/v1/users/temp.clerk/password', payload: { password: 'Fresh-Horse-4-battery' }, headers: { cookie: adminCookie } })
    expect(reset.statusCode, reset.body).toBe(204)
    expect((await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'temp.clerk', password } })).statusCode).toBe(401)
    expect((await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'temp.clerk', password: 'Fresh-Horse-4-battery' } })).statusCode).toBe(200)
  })

  it('answers unknown routes and bad JSON with coded errors', async () => {
    const missing = await app.inject('/api/v1/nothing-here')
    expect(missing.statusCode).toBe(404)
    expect(missing.json().error.code).toBe('ROUTE_NOT_FOUND')
    const badJson = await app.inject({ method: 'POST', url: '/api/v1/session', headers: { 'content-type': 'application/json' }, payload: '{"username":' })
    expect(badJson.statusCode).toBe(400)
    expect(badJson.json().error.message).toMatch(/[\u4e00-\u9fff]/)
  })

  it('lets auditors read and verify the audit trail, and no one else', async () => {
    expect((await app.inject('/api/v1/audit-log')).statusCode).toBe(401)
    expect((await app.inject({ url: '/api/v1/audit-log', headers: { cookie: clerkCookie } })).statusCode).toBe(403)
    const verification = await app.inject({ url: '/api/v1/audit-log/verification', headers: { cookie: adminCookie } })
    expect(verification.json()).toMatchObject({ intact: true })
  })

  it('serves the public website at / with the site title written in', async () => {
    const res = await app.inject('/')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/html')
    expect(res.body).toContain('<title>信用新乡</title>')
  })
})
