/** Objections over HTTP (public filing and status, the staff ladder) and from the command line. */
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { describeEachPlatform } from '../../test/platform-fixture.ts'
import { runCli } from '../../test/cli-io.ts'
import { buildApp } from '../http/app.ts'
import { buildQueryCity, firmUscc, system, type QueryCity } from '../profiles/testing.ts'

const pdf = Buffer.from('%PDF-1.7\n%%EOF\n')
const password = 'Correct-Horse-9-battery'

function multipart(fields: Record<string, string>, files: Array<{ field: string; name: string; bytes: Buffer }>) {
  const boundary = '----xinyong-test-boundary'
  const parts: Buffer[] = []
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
  for (const f of files) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), f.bytes, Buffer.from('\r\n'))
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

describeEachPlatform('objections over HTTP and the CLI', (get) => {
  let app: FastifyInstance
  let city: QueryCity
  let admin: { cookie: string }
  let scjg: { authorization: string }
  let bank: { authorization: string }

  beforeAll(async () => {
    const { platform } = get()
    city = await buildQueryCity(platform)
    await platform.access.addUser(system, { username: 'office', displayName: '信用办', password, departmentCode: 'FGW', roles: ['platform_admin'] })
    scjg = { authorization: `Bearer ${(await platform.access.createApiKey(system, { name: '市监异议', departmentCode: 'SCJG', roles: ['department_reviewer'] })).key}` }
    bank = { authorization: `Bearer ${(await platform.access.createApiKey(system, { name: '银行', departmentCode: 'RMYH', roles: ['credit_checker'] })).key}` }
    app = await buildApp(platform)
    const login = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'office', password } })
    admin = { cookie: `xinyong_session=${login.cookies.find((c) => c.name === 'xinyong_session')!.value}` }
  })
  afterAll(async () => app?.close())

  it('takes a public filing with evidence as multipart, and shows its status only with the right code', async () => {
    const recordId = city.recordOf('public', 'current')
    const fields = { subject: firmUscc, recordId: String(recordId), applicantName: '某律师事务所', applicantContact: '0373-1234567', applicantRelation: 'agent', grounds: '处罚对象有误' }
    const noPoa = await app.inject({ method: 'POST', url: '/api/v1/objections', ...multipart(fields, [{ field: 'evidence', name: '说明.pdf', bytes: pdf }]) })
    expect(noPoa.statusCode).toBe(400)
    expect(noPoa.json().error.code).toBe('OBJECTION_POWER_OF_ATTORNEY_REQUIRED')
    const badType = await app.inject({ method: 'POST', url: '/api/v1/objections', ...multipart(fields, [{ field: 'powerOfAttorney', name: '委托书.pdf', bytes: Buffer.from('MZ') }]) })
    expect(badType.json().error).toMatchObject({ code: 'EVIDENCE_TYPE_NOT_ALLOWED', message: expect.stringContaining('委托书.pdf') })
    const res = await app.inject({ method: 'POST', url: '/api/v1/objections', ...multipart(fields, [{ field: 'powerOfAttorney', name: '委托书.pdf', bytes: pdf }, { field: 'evidence', name: '身份证明.pdf', bytes: pdf }]) })
    expect(res.statusCode, res.body).toBe(201)
    const { receiptNumber, statusToken } = res.json()
    expect(res.json()).toMatchObject({ state: 'received', dueOn: '2026-03-05', finalDueOn: '2026-03-11' })

    const status = await app.inject({ method: 'POST', url: '/api/v1/objections/status', payload: { receipt: receiptNumber, token: statusToken } })
    expect(status.statusCode).toBe(200)
    expect(status.json()).toMatchObject({ receiptNumber, state: 'received' })
    const wrong = await app.inject({ method: 'POST', url: '/api/v1/objections/status', payload: { receipt: receiptNumber, token: 'not-the-code' } })
    // The code is never taken from an address (access logs keep addresses).
    expect((await app.inject(`/api/v1/objections/status?receipt=${receiptNumber}&token=${statusToken}`)).statusCode).not.toBe(200)
    expect(wrong.statusCode).toBe(404)
    expect(wrong.json().error.code).toBe('OBJECTION_STATUS_NOT_FOUND')

    const profile = await app.inject(`/api/v1/subjects/${firmUscc}/profile?limit=200`)
    const shown = profile.json().groups.flatMap((g: { records: Array<{ id: number; underObjection: boolean }> }) => g.records).find((r: { id: number }) => r.id === recordId)
    expect(shown.underObjection).toBe(true)
  })

  it('walks the staff ladder 401 → 403 → 400 → 200, and the provider answers over its API key', async () => {
    const payload = { subject: firmUscc, recordId: city.recordOf('government', 'current'), applicant: { name: '赵敏', contact: '138', relation: 'subject' }, grounds: '金额有误' }
    // Not public: an anonymous caller is told it does not exist; the office's counter files it.
    const anonymous = await app.inject({ method: 'POST', url: '/api/v1/objections', payload })
    expect(anonymous.statusCode).toBe(404)
    expect(anonymous.json().error.code).toBe('OBJECTION_RECORD_NOT_FOUND')
    const filed = await app.inject({ method: 'POST', url: '/api/v1/objections', payload, headers: admin })
    expect(filed.statusCode, filed.body).toBe(201)
    const invalid = await app.inject({ method: 'POST', url: '/api/v1/objections', payload: { subject: firmUscc, recordId: 'x', applicant: { name: '赵敏', contact: '138', relation: 'friend' }, grounds: '' } })
    expect(invalid.json().error.code).toBe('OBJECTION_REQUEST_INVALID')
    const queue = await app.inject({ url: '/api/v1/objections', headers: admin })
    const id = queue.json().items.find((o: { receiptNumber: string }) => o.receiptNumber === filed.json().receiptNumber).id as number
    expect((await app.inject({ url: '/api/v1/objections' })).statusCode).toBe(401)
    expect((await app.inject({ url: '/api/v1/objections', headers: bank })).statusCode).toBe(403)
    expect((await app.inject({ method: 'POST', url: `/api/v1/objections/${id}/decide`, payload: { outcome: 'maybe', note: 'x' }, headers: admin })).statusCode).toBe(400)
    expect((await app.inject({ method: 'POST', url: `/api/v1/objections/${id}/forward`, payload: {}, headers: scjg })).json().error.code).toBe('OBJECTION_NOT_YOURS')
    const forwarded = await app.inject({ method: 'POST', url: `/api/v1/objections/${id}/forward`, payload: { note: '请核实' }, headers: admin })
    expect(forwarded.statusCode, forwarded.body).toBe(200)
    expect(forwarded.json()).toMatchObject({ state: 'forwarded', case: { forwardedOn: '2026-03-02', providerDueOn: '2026-03-05' } })
    expect((await app.inject({ url: '/api/v1/objections', headers: scjg })).json().items.map((o: { id: number }) => o.id)).toContain(id)
    const answered = await app.inject({ method: 'POST', url: `/api/v1/objections/${id}/answer`, payload: { outcome: 'confirmed', note: '信息无误' }, headers: scjg })
    expect(answered.json().state).toBe('answered')
    expect((await app.inject({ method: 'POST', url: `/api/v1/objections/${id}/answer`, payload: { outcome: 'confirmed', note: '再答' }, headers: scjg })).statusCode).toBe(409)
    const decided = await app.inject({ method: 'POST', url: `/api/v1/objections/${id}/decide`, payload: { outcome: 'confirmed', note: '维持' }, headers: admin })
    expect(decided.json()).toMatchObject({ state: 'decided', outcome: 'confirmed', dueOn: null })
    const detail = await app.inject({ url: `/api/v1/objections/${id}`, headers: admin })
    expect(detail.json().steps.map((s: { action: string }) => s.action)).toEqual(['objection.file', 'objection.forward', 'objection.answer', 'objection.decide'])
    const review = await app.inject({ method: 'POST', url: '/api/v1/objections/status/review', payload: { receipt: filed.json().receiptNumber, token: filed.json().statusToken, grounds: '不服' } })
    expect(review.json()).toMatchObject({ state: 'under_review' })
    expect((await app.inject({ method: 'POST', url: '/api/v1/objections/status/withdraw', payload: { receipt: filed.json().receiptNumber, token: 'bad' } })).statusCode).toBe(404)
  })

  it('serves the evidence to staff only', async () => {
    const { platform } = get()
    const filed = await platform.objections.file(system, { subject: firmUscc, recordId: city.recordOf('authorised', 'current'), applicant: { name: '赵敏', contact: '138', relation: 'subject' }, grounds: 'x', evidence: [{ name: '决定书.pdf', bytes: pdf }] })
    const evidenceId = (await platform.objections.show(system, filed.objection.id)).evidence[0]!.id
    const url = `/api/v1/objections/${filed.objection.id}/evidence/${evidenceId}`
    expect((await app.inject(url)).statusCode).toBe(401)
    const file = await app.inject({ url, headers: admin })
    expect(file.statusCode).toBe(200)
    expect(file.headers['content-type']).toBe('application/pdf')
    expect(file.rawPayload.equals(pdf)).toBe(true)
    expect((await app.inject({ url: `/api/v1/objections/${filed.objection.id}/evidence/${evidenceId + 999}`, headers: admin })).statusCode).toBe(404)
  })

  it('is driven from the command line: file, list, decide, tick', async () => {
    const { store } = get()
    const run = (args: string[]) => runCli(args, { env: { XINYONG_DATA_DIR: store.dir, DATABASE_URL: store.url, USER: 'tester', XINYONG_NOW: '2026-03-02T02:00:00Z' } })
    const filed = await run(['objection', 'file', '--subject', firmUscc, '--record', String(city.recordOf('none', 'current')), '--name', '赵敏', '--contact', '138', '--grounds', '窗口受理'])
    expect(filed.code, filed.stderr).toBe(0)
    expect(filed.stdout).toMatch(/受理编号 Receipt YY-20260302-\d{4}/)
    expect(filed.stdout).toContain('Due 2026-03-05')
    const list = await run(['objection', 'list', '--state', 'received'])
    const id = list.out.find((l) => l.includes('窗口') || l.includes(String(city.recordOf('none', 'current'))))!.trim().split(/\s+/)[0]!
    const decided = await run(['objection', 'decide', id, '--outcome', 'unverifiable', '--note', '无法核实'])
    expect(decided.code, decided.stderr).toBe(0)
    expect(JSON.parse(decided.stdout)).toMatchObject({ state: 'decided', outcome: 'unverifiable' })
    expect((await run(['objection', 'decide', id, '--outcome', 'confirmed', '--note', 'x'])).stderr).toContain('OBJECTION_TRANSITION_NOT_ALLOWED')
    expect((await run(['objection', 'review', 'decide', id, '--note', 'x'])).stderr).toContain('OBJECTION_REVIEW_RESULT_REQUIRED')
    const tick = await run(['objection', 'tick'])
    expect(tick.code, tick.stderr).toBe(0)
    expect(tick.stdout).toMatch(/提醒 reminders \d+\s+超期 overdue \d+/)
  })
})
