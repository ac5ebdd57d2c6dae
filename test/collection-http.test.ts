/** Collection over HTTP on each store: the API-key JSON path, file upload, batch reports. */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../src/http/app.ts'
import { describeEachPlatform } from './platform-fixture.ts'
import { cityDepartments } from '../src/demo/city-departments.ts'
import { makeUscc } from '../src/identifiers/index.ts'
import type { Actor } from '../src/security/actor.ts'
import { installCityDepartments } from '../src/seeding/demo-seed.ts'

const system: Actor = { type: 'system', name: 'test' }
const password = 'Correct-Horse-9-battery'
const scjg = cityDepartments.find((d) => d.code === 'SCJG')!
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/collection/${name}`, import.meta.url))

function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer; type: string }) {
  const boundary = '----xinyong' + Math.random().toString(16).slice(2)
  const parts: Buffer[] = []
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`))
    parts.push(file.content, Buffer.from('\r\n'))
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

const record = (n: number, extra: Record<string, string> = {}) => ({
  CF_XDR_MC: `新乡市接口${n}有限公司`,
  CF_XDR_LB: '法人及非法人组织',
  CF_XDR_SHXYM: makeUscc({ authority: '9', category: '1', division: '410711', orgCodeBody8: `MC${String(n).padStart(6, '0')}` }),
  CF_FRDB: '赵敏',
  CF_FR_ZJLX: '01',
  CF_FR_ZJHM: '11010519491231002X',
  CF_WSH: `新市监罚〔2025〕9${n}号`,
  CF_WFXW: '虚假宣传',
  CF_SY: '经查，当事人作虚假宣传。',
  CF_YJ: '《中华人民共和国反不正当竞争法》第二十条',
  CF_CFLB: '罚款',
  CF_NR: '罚款人民币30,000元',
  CF_NR_FK: '3',
  CF_JDRQ: '2025/6/1',
  CF_YXQ: '2026-06-01',
  CF_GSJZQ: '2026-06-01',
  CF_CFJG: scjg.name,
  CF_CFJGDM: scjg.uscc,
  CF_SJLY: scjg.name,
  CF_SJLYDM: scjg.uscc,
  ...extra,
})

describeEachPlatform('collection over HTTP', (get) => {
  let app: FastifyInstance
  let key: string
  let otherKey: string
  let clerkCookie: string

  beforeAll(async () => {
    const { platform } = get()
    await platform.catalog.installBaseCatalog(system)
    await installCityDepartments(platform, system)
    key = (await platform.access.createApiKey(system, { name: '执法办案系统', departmentCode: 'SCJG', roles: ['department_operator'] })).key
    otherKey = (await platform.access.createApiKey(system, { name: '核查系统', departmentCode: 'GGZY', roles: ['credit_checker'] })).key
    await platform.access.addUser(system, { username: 'clerk', displayName: '报送员', password, departmentCode: 'SCJG', roles: ['department_operator'] })
    app = await buildApp(platform)
    const login = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'clerk', password } })
    clerkCookie = `xinyong_session=${login.cookies.find((c) => c.name === 'xinyong_session')!.value}`
  })
  afterAll(async () => app?.close())

  it('walks 401 → 403 → 400 → 201 for a department system posting JSON', async () => {
    const body = { category: 'XZCF', records: [record(1), record(2, { CF_JDRQ: '2025-13-01' })] }
    expect((await app.inject({ method: 'POST', url: '/api/v1/batches', payload: body })).statusCode).toBe(401)
    expect((await app.inject({ method: 'POST', url: '/api/v1/batches', payload: body, headers: { authorization: `Bearer ${otherKey}` } })).statusCode).toBe(403)
    const invalid = await app.inject({ method: 'POST', url: '/api/v1/batches', payload: { category: 'XZCF', records: [] }, headers: { authorization: `Bearer ${key}` } })
    expect(invalid.statusCode).toBe(400)
    const res = await app.inject({ method: 'POST', url: '/api/v1/batches', payload: body, headers: { authorization: `Bearer ${key}` } })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ received: 2, accepted: 1, rejected: 1, errors: [{ row: 2, column: 'CF_JDRQ', code: 'COLLECTION_DATE_INVALID' }] })
    const batch = (await app.inject({ url: `/api/v1/batches/${res.json().batchId}`, headers: { authorization: `Bearer ${key}` } })).json()
    expect(batch).toMatchObject({ status: 'committed', channel: 'api', submittedBy: expect.stringMatching(/^api_key:/) })
    expect((await app.inject({ url: `/api/v1/batches/${res.json().batchId}`, headers: { authorization: `Bearer ${otherKey}` } })).statusCode).toBe(403)
  })

  it('takes an uploaded GBK file with a Chinese file name and reports it row by row', async () => {
    const form = multipart({ category: 'XZCF' }, { name: '2024年行政处罚.csv', content: readFileSync(fixture('penalties-gbk.csv')), type: 'text/csv' })
    const res = await app.inject({ method: 'POST', url: '/api/v1/batches/upload', ...form, headers: { ...form.headers, cookie: clerkCookie } })
    expect(res.statusCode, res.body).toBe(201)
    const summary = res.json()
    expect(summary.rejected).toBe(6)
    const batch = (await app.inject({ url: `/api/v1/batches/${summary.batchId}`, headers: { cookie: clerkCookie } })).json()
    expect(batch).toMatchObject({ fileName: '2024年行政处罚.csv', encoding: 'gb18030', format: 'csv', channel: 'file' })
    const issues = (await app.inject({ url: `/api/v1/batches/${summary.batchId}/issues?severity=error`, headers: { cookie: clerkCookie } })).json()
    expect(issues.items.map((i: { row: number }) => i.row)).toContain(12)
    const xlsx = await app.inject({ url: `/api/v1/batches/${summary.batchId}/rejected?format=xlsx`, headers: { cookie: clerkCookie } })
    expect(xlsx.statusCode).toBe(200)
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK')
    expect(xlsx.headers['content-disposition']).toContain("filename*=UTF-8''")
    const csv = await app.inject({ url: `/api/v1/batches/${summary.batchId}/rejected?format=csv`, headers: { cookie: clerkCookie } })
    expect(csv.body).toContain('COLLECTION_DATE_INVALID')
    const list = (await app.inject({ url: '/api/v1/batches', headers: { cookie: clerkCookie } })).json()
    expect(list.items[0].id).toBe(summary.batchId)
  })

  it('answers uploads without a file, without a category or in an unknown format with coded errors', async () => {
    const noFile = multipart({ category: 'XZCF' })
    const a = await app.inject({ method: 'POST', url: '/api/v1/batches/upload', ...noFile, headers: { ...noFile.headers, cookie: clerkCookie } })
    expect(a.json().error.code).toBe('UPLOAD_FILE_MISSING')
    const noCategory = multipart({}, { name: 'a.csv', content: Buffer.from('a,b\n1,2\n'), type: 'text/csv' })
    expect((await app.inject({ method: 'POST', url: '/api/v1/batches/upload', ...noCategory, headers: { ...noCategory.headers, cookie: clerkCookie } })).json().error.code).toBe('UPLOAD_CATEGORY_MISSING')
    const pdf = multipart({ category: 'XZCF' }, { name: 'a.pdf', content: Buffer.from('%PDF-1.4 binary\u0000\u0001'), type: 'application/pdf' })
    const c = await app.inject({ method: 'POST', url: '/api/v1/batches/upload', ...pdf, headers: { ...pdf.headers, cookie: clerkCookie } })
    expect(c.statusCode).toBe(400)
    expect(c.json().error.code).toMatch(/^FILE_/)
    const plain = await app.inject({ method: 'POST', url: '/api/v1/batches/upload', payload: { category: 'XZCF' }, headers: { cookie: clerkCookie } })
    expect(plain.statusCode).toBe(400)
  })
})
