/** Credit repair over HTTP on each store: the public 申请 button, JSON and multipart applications, the status page, the staff ladder. */
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../http/app.ts'
import { describeEachPlatform } from '../../test/platform-fixture.ts'
import { buildQueryCity, firmUscc, system, type QueryCity } from '../profiles/testing.ts'
import { application, pdf } from './testing.ts'

const json = (recordId: number, change: Record<string, unknown> = {}) => {
  const { materials: _, ...a } = application(recordId)
  return { ...a, materials: [{ name: '缴款凭证.pdf', contentBase64: pdf('json').toString('base64') }], ...change }
}

/** A multipart body by hand: the JSON in `application`, then the files. */
function multipart(fields: Record<string, string>, files: Array<{ field: string; name: string; bytes: Buffer }>) {
  const boundary = '----xinyong-test-boundary'
  const parts: Buffer[] = []
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: application/pdf\r\n\r\n`), f.bytes, Buffer.from('\r\n'))
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

describeEachPlatform('credit repair over HTTP', (get) => {
  let app: FastifyInstance
  let city: QueryCity
  let reviewer: { authorization: string }
  let other: { authorization: string }

  beforeAll(async () => {
    const { platform } = get()
    city = await buildQueryCity(platform)
    reviewer = { authorization: `Bearer ${(await platform.access.createApiKey(system, { name: '市场监管审核', departmentCode: 'SCJG', roles: ['department_reviewer'] })).key}` }
    other = { authorization: `Bearer ${(await platform.access.createApiKey(system, { name: '公共资源审核', departmentCode: 'GGZY', roles: ['department_reviewer'] })).key}` }
    app = await buildApp(platform)
  })
  afterAll(async () => app?.close())

  it('documents every repair route in the OpenAPI document', async () => {
    const paths = Object.keys((await app.inject('/api/openapi.json')).json().paths as Record<string, unknown>)
    for (const p of ['/api/v1/records/{id}/repair-eligibility', '/api/v1/repairs', '/api/v1/repairs/status', '/api/v1/repairs/{id}', '/api/v1/repairs/{id}/decide', '/api/v1/repairs/{id}/request-materials']) expect(paths).toContain(p)
  })

  it('answers the 申请 button for a public record, and hides non-public ones from the public', async () => {
    const res = await app.inject(`/api/v1/records/${city.recordOf('public', 'current')}/repair-eligibility`)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ mayApply: true, eligible: false, unmet: [], department: { code: 'SCJG' } })
    expect(res.json().toProvide.map((u: { condition: string }) => u.condition)).toEqual(['obligations', 'commitment'])
    const hidden = await app.inject(`/api/v1/records/${city.recordOf('government', 'current')}/repair-eligibility`)
    expect(hidden.statusCode).toBe(404)
    expect(hidden.json().error.code).toBe('REPAIR_RECORD_NOT_FOUND')
    expect((await app.inject({ url: `/api/v1/records/${city.recordOf('government', 'current')}/repair-eligibility`, headers: reviewer })).statusCode).toBe(200)
  })

  it('takes a JSON application from the public, and walks the staff ladder 401 → 404 (other department) → 400 → 200', async () => {
    const recordId = city.recordOf('public', 'current')
    const bad = await app.inject({ method: 'POST', url: '/api/v1/repairs', payload: json(recordId, { commitment: { text: '承诺' } }) })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.code).toBe('REPAIR_APPLICATION_INVALID')
    const created = await app.inject({ method: 'POST', url: '/api/v1/repairs', payload: json(recordId) })
    expect(created.statusCode, created.body).toBe(201)
    const { receiptNumber, token } = created.json() as { receiptNumber: string; token: string }
    expect(created.json()).toMatchObject({ state: 'submitted', department: '新乡市市场监督管理局', feedbackDueOn: '2026-03-16' })
    const again = await app.inject({ method: 'POST', url: '/api/v1/repairs', payload: json(recordId) })
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'REPAIR_ALREADY_OPEN'])

    const status = await app.inject({ method: 'POST', url: '/api/v1/repairs/status', payload: { receipt: receiptNumber, token } })
    expect(status.json()).toMatchObject({ state: 'submitted', materials: [{ name: '缴款凭证.pdf' }] })
    expect((await app.inject({ method: 'POST', url: '/api/v1/repairs/status', payload: { receipt: receiptNumber, token: 'nope' } })).statusCode).toBe(404)

    expect((await app.inject('/api/v1/repairs')).statusCode).toBe(401)
    const listed = (await app.inject({ url: '/api/v1/repairs', headers: reviewer })).json().items as Array<{ id: number; receiptNumber: string }>
    const id = listed.find((r) => r.receiptNumber === receiptNumber)!.id
    expect((await app.inject({ method: 'POST', url: `/api/v1/repairs/${id}/accept`, headers: other, payload: {} })).statusCode).toBe(404)
    expect((await app.inject({ method: 'POST', url: `/api/v1/repairs/${id}/request-materials`, headers: reviewer, payload: { missing: [] } })).statusCode).toBe(400)
    expect((await app.inject({ method: 'POST', url: `/api/v1/repairs/${id}/accept`, headers: reviewer, payload: {} })).json()).toMatchObject({ state: 'accepted', decisionDueOn: '2026-03-05' })
    const detail = await app.inject({ url: `/api/v1/repairs/${id}`, headers: reviewer })
    const file = detail.json().materials[0] as { id: number; name: string }
    const download = await app.inject({ url: `/api/v1/repairs/${id}/materials/${file.id}`, headers: reviewer })
    expect([download.statusCode, download.headers['content-type'], download.body.startsWith('%PDF-')]).toEqual([200, 'application/pdf', true])
    const rejected = await app.inject({ method: 'POST', url: `/api/v1/repairs/${id}/decide`, headers: reviewer, payload: { outcome: 'rejected' } })
    expect([rejected.statusCode, rejected.json().error.code]).toEqual([400, 'REPAIR_REASONS_REQUIRED'])
    const approved = await app.inject({ method: 'POST', url: `/api/v1/repairs/${id}/decide`, headers: reviewer, payload: { outcome: 'approved' } })
    expect(approved.json()).toMatchObject({ state: 'approved', decision: 'approved' })
    const profile = await app.inject(`/api/v1/subjects/${encodeURIComponent(firmUscc)}/profile?limit=200`)
    const shown = (profile.json().groups as Array<{ records: Array<{ id: number }> }>).flatMap((g) => g.records.map((r) => r.id))
    expect(shown).not.toContain(recordId)
    expect((await app.inject({ method: 'POST', url: `/api/v1/repairs/${id}/withdraw`, headers: reviewer, payload: {} })).statusCode).toBe(409)
  })

  it('takes a multipart application from an agent, with the power of attorney as a file; the applicant resubmits and withdraws', async () => {
    const recordId = city.recordOf('public', 'revised')
    const { materials: _, ...a } = application(recordId, { applicant: { name: '张律师', contact: '13900000000', relation: 'agent' } })
    const body = multipart({ application: JSON.stringify(a) }, [
      { field: 'materials', name: '缴款凭证.pdf', bytes: pdf('mp') },
      { field: 'powerOfAttorney', name: '授权委托书.pdf', bytes: pdf('poa') },
    ])
    const created = await app.inject({ method: 'POST', url: '/api/v1/repairs', ...body })
    expect(created.statusCode, created.body).toBe(201)
    const { receiptNumber: receipt, token } = created.json() as { receiptNumber: string; token: string }
    const id = ((await app.inject({ url: '/api/v1/repairs?state=submitted', headers: reviewer })).json().items as Array<{ id: number; receiptNumber: string }>).find((r) => r.receiptNumber === receipt)!.id
    const detail = (await app.inject({ url: `/api/v1/repairs/${id}`, headers: reviewer })).json()
    expect(detail.applicant).toMatchObject({ relation: 'agent', powerOfAttorney: '授权委托书.pdf' })
    expect(detail.materials.map((m: { name: string }) => m.name)).toEqual(['缴款凭证.pdf', '授权委托书.pdf'])

    const notPdf = await app.inject({ method: 'POST', url: '/api/v1/repairs', ...multipart({ application: JSON.stringify({ ...application(city.recordOf('public', 'objected')), materials: [] }) }, [{ field: 'materials', name: 'x.pdf', bytes: Buffer.from('plain text') }]) })
    expect([notPdf.statusCode, notPdf.json().error.code]).toEqual([400, 'EVIDENCE_TYPE_NOT_ALLOWED'])

    await app.inject({ method: 'POST', url: `/api/v1/repairs/${id}/request-materials`, headers: reviewer, payload: { missing: ['代理人身份证明'] } })
    const resubmitted = await app.inject({ method: 'POST', url: '/api/v1/repairs/status/resubmit', ...multipart({ application: JSON.stringify({ receipt, token, note: '补交' }) }, [{ field: 'materials', name: '代理人身份证明.pdf', bytes: pdf('agent id') }]) })
    expect(resubmitted.statusCode, resubmitted.body).toBe(200)
    expect(resubmitted.json()).toMatchObject({ state: 'resubmitted', materials: [{}, {}, { name: '代理人身份证明.pdf' }] })
    const withdrawn = await app.inject({ method: 'POST', url: '/api/v1/repairs/status/withdraw', payload: { receipt, token } })
    expect(withdrawn.json()).toMatchObject({ state: 'withdrawn', stateLabel: '已撤回' })
  })
})
