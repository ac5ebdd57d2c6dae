/** The applicant's status pages by POST (the web app's way): the receipt and code travel in the body, never in the address. */
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { describeEachPlatform } from './platform-fixture.ts'
import { buildApp } from '../src/http/app.ts'
import { buildQueryCity, firmUscc, type QueryCity } from '../src/profiles/testing.ts'
import { application, pdf } from '../src/repairs/testing.ts'

describeEachPlatform('applicant status by POST', (get) => {
  let app: FastifyInstance
  let city: QueryCity
  beforeAll(async () => {
    city = await buildQueryCity(get().platform)
    app = await buildApp(get().platform)
  })
  afterAll(async () => app?.close())

  it('answers an objection status for the right code only', async () => {
    const filed = await app.inject({ method: 'POST', url: '/api/v1/objections', payload: { subject: firmUscc, recordId: city.recordOf('public', 'current'), applicant: { name: '法务', contact: '0373-1234567', relation: 'subject' }, grounds: '处罚对象有误' } })
    expect(filed.statusCode, filed.body).toBe(201)
    const { receiptNumber, statusToken } = filed.json()
    const ok = await app.inject({ method: 'POST', url: '/api/v1/objections/status', payload: { receipt: receiptNumber, token: statusToken } })
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toMatchObject({ receiptNumber, state: 'received', stateLabel: '已受理，异议处理中' })
    const wrong = await app.inject({ method: 'POST', url: '/api/v1/objections/status', payload: { receipt: receiptNumber, token: 'wrong-code' } })
    expect(wrong.statusCode).toBe(404)
    expect((await app.inject({ method: 'POST', url: '/api/v1/objections/status', payload: { receipt: receiptNumber } })).statusCode).toBe(400)
  })

  it('answers a repair status for the right token only', async () => {
    const { materials: _, ...a } = application(city.recordOf('public', 'current'))
    const applied = await app.inject({ method: 'POST', url: '/api/v1/repairs', payload: { ...a, materials: [{ name: '凭证.pdf', contentBase64: pdf().toString('base64') }] } })
    expect(applied.statusCode, applied.body).toBe(201)
    const { receiptNumber, token } = applied.json()
    const ok = await app.inject({ method: 'POST', url: '/api/v1/repairs/status', payload: { receipt: receiptNumber, token } })
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toMatchObject({ receiptNumber, state: 'submitted', materials: [{ name: '凭证.pdf' }] })
    expect((await app.inject({ method: 'POST', url: '/api/v1/repairs/status', payload: { receipt: receiptNumber, token: 'nope' } })).statusCode).toBe(404)
  })
})
