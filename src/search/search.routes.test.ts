/** GET /api/v1/subjects on each store: validation, the answer's shape, persons, the OpenAPI document. */
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../http/app.ts'
import { describeEachPlatform } from '../../test/platform-fixture.ts'
import { makeResidentId, makeUscc } from '../identifiers/index.ts'
import type { Actor } from '../security/actor.ts'

const system: Actor = { type: 'system', name: 'test' }
const password = 'Correct-Horse-9-battery'
const personId = makeResidentId({ area: '410711', birthDate: '19850505', sequence: 22 })
const usccOf = (n: number) => makeUscc({ authority: '9', category: '1', division: '410702', orgCodeBody8: `MA${String(700 + n).padStart(6, '0')}` })

describeEachPlatform('GET /api/v1/subjects', (get) => {
  let app: FastifyInstance
  let staffCookie: string

  beforeAll(async () => {
    const { platform } = get()
    await platform.departments.add(system, { code: 'GGZY', name: '新乡市公共资源交易中心', division: '410700', kind: 'checker' })
    await platform.access.addUser(system, { username: 'checker', displayName: '核查员', password, departmentCode: 'GGZY', roles: ['credit_checker'] })
    await platform.subjects.register(system, { kind: 'enterprise', name: '新乡市接口测试食品有限公司', division: '410702', identifiers: [{ scheme: 'uscc', value: usccOf(1) }] })
    await platform.subjects.register(system, { kind: 'enterprise', name: '获嘉县接口测试机械厂', division: '410724', identifiers: [{ scheme: 'uscc', value: usccOf(2) }], formerNames: [{ name: '获嘉县老接口农机修造厂' }] })
    await platform.subjects.register(system, { kind: 'natural_person', name: '李接口', identifiers: [{ scheme: 'resident_id', value: personId }] })
    app = await buildApp(platform)
    const login = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'checker', password } })
    staffCookie = `xinyong_session=${login.cookies.find((c) => c.name === 'xinyong_session')!.value}`
  })
  afterAll(async () => app?.close())

  it('answers a name search with ranked, paged items', async () => {
    const res = await app.inject(`/api/v1/subjects?q=${encodeURIComponent('接口测试')}&pageSize=1`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ page: 1, pageSize: 1, hasMore: true, total: null })
    expect(body.items).toEqual([
      {
        id: expect.any(Number),
        kind: 'enterprise',
        name: '新乡市接口测试食品有限公司',
        division: '410702',
        divisionName: expect.stringContaining('红旗'),
        status: 'active',
        identifiers: expect.arrayContaining([{ scheme: 'uscc', value: usccOf(1), masked: false }]),
        match: 'substring',
        rank: 3,
        matchedName: null,
        matchedNameSource: null,
      },
    ])
    const second = (await app.inject(`/api/v1/subjects?q=${encodeURIComponent('接口测试')}&pageSize=1&page=2`)).json()
    expect(second).toMatchObject({ hasMore: false, total: 2, items: [{ name: '获嘉县接口测试机械厂' }] })
  })

  it('applies the filters from the query string', async () => {
    const q = encodeURIComponent('接口')
    const inHuojia = (await app.inject(`/api/v1/subjects?q=${q}&division=410724`)).json()
    expect(inHuojia.items.map((i: { name: string }) => i.name)).toEqual(['获嘉县接口测试机械厂'])
    const byFormer = (await app.inject(`/api/v1/subjects?q=${encodeURIComponent('老接口')}`)).json()
    expect(byFormer.items[0]).toMatchObject({ name: '获嘉县接口测试机械厂', matchedName: '获嘉县老接口农机修造厂', matchedNameSource: 'former' })
    expect((await app.inject(`/api/v1/subjects?q=${q}&kind=individual_business`)).json().items).toEqual([])
    expect((await app.inject(`/api/v1/subjects?q=${q}&negative=true`)).json().items).toEqual([])
    expect((await app.inject(`/api/v1/subjects?q=${q}&negative=false`)).json().items).toHaveLength(2)
  })

  it.each([
    ['no query', ''],
    ['an empty query', '?q=%20%20'],
    ['a query over 50 characters', `?q=${encodeURIComponent('食'.repeat(51))}`],
    ['a page size over 50', '?q=abc&pageSize=51'],
    ['page 0', '?q=abc&page=0'],
    ['an unknown kind', '?q=abc&kind=alien'],
    ['a malformed division', '?q=abc&division=4107'],
    ['a negative flag that is not a boolean', '?q=abc&negative=yes'],
  ])('refuses %s with 400 and a coded bilingual error', async (_, query) => {
    const res = await app.inject(`/api/v1/subjects${query}`)
    expect(res.statusCode).toBe(400)
    expect(res.json().error).toMatchObject({ code: 'REQUEST_INVALID', message: expect.stringMatching(/[\u4e00-\u9fff]/), message_en: expect.any(String) })
  })

  it('refuses a page past the reachable results', async () => {
    const res = await app.inject('/api/v1/subjects?q=abc&pageSize=50&page=11')
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('SEARCH_PAGE_TOO_DEEP')
  })

  it('hides natural persons from the public and shows them to staff by identity number only, masked', async () => {
    expect((await app.inject(`/api/v1/subjects?q=${personId}`)).json().items).toEqual([])
    expect((await app.inject(`/api/v1/subjects?q=${encodeURIComponent('李接口')}`)).json().items).toEqual([])
    expect((await app.inject({ url: `/api/v1/subjects?q=${encodeURIComponent('李接口')}`, headers: { cookie: staffCookie } })).json().items).toEqual([])
    const staff = await app.inject({ url: `/api/v1/subjects?q=${personId}`, headers: { cookie: staffCookie } })
    expect(staff.statusCode).toBe(200)
    expect(staff.json().items).toEqual([expect.objectContaining({ kind: 'natural_person', name: '李**', match: 'code' })])
    expect(staff.body).not.toContain(personId)
    expect(staff.body).not.toContain('李接口')
  })

  it('is described in the OpenAPI document with its query parameters', async () => {
    const doc = (await app.inject('/api/openapi.json')).json()
    const operation = doc.paths['/api/v1/subjects']?.get
    expect(operation).toBeDefined()
    expect(operation.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`).sort()).toEqual(['query:division', 'query:kind', 'query:negative', 'query:page', 'query:pageSize', 'query:q'])
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '400']))
  })
})
