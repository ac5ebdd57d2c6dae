/** Notices on each store: the office publishes, edits and unpublishes (audited); the public reads what is published, as plain text. */
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { describeEachPlatform, TEST_NOW } from '../../test/platform-fixture.ts'
import { buildApp } from '../http/app.ts'
import type { Actor } from '../security/actor.ts'
import { excerptOf, paragraphsOf } from './notice.ts'

const office: Actor = { type: 'system', name: 'test' }
const publicActor: Actor = { type: 'public' }
const checker: Actor = { type: 'user', id: 5, username: 'checker', displayName: '核查员', departmentId: 1, departmentCode: 'CZJ', roles: ['credit_checker'] }
const password = 'Correct-Horse-9-battery'
const SCRIPT_BODY = '第一段：<script>alert(1)</script>\n\n第二段 <b>不加粗</b>'

it.each([
  ['joins whitespace onto one line', '甲\n\n乙  丙', 10, '甲 乙 丙'],
  ['cuts long text with an ellipsis', '一二三四五六', 4, '一二三四…'],
])('excerptOf %s', (_, body, length, expected) => expect(excerptOf(body, length)).toBe(expected))

it('paragraphsOf keeps non-empty lines, trimmed', () => expect(paragraphsOf(' 一 \r\n\r\n二\n  \n三')).toEqual(['一', '二', '三']))

describeEachPlatform('notices', (get) => {
  let app: FastifyInstance
  let cookie: string
  beforeAll(async () => {
    const { platform } = get()
    await platform.departments.add(office, { code: 'FGW', name: '市发展改革委', division: '410700', kind: 'platform_office', shortName: null, uscc: null, parentCode: null })
    await platform.access.addUser(office, { username: 'admin', displayName: '管理员', password, departmentCode: 'FGW', roles: ['platform_admin'] })
    await platform.access.addUser(office, { username: 'checker', displayName: '核查员', password, departmentCode: 'FGW', roles: ['credit_checker'] })
    app = await buildApp(platform)
    const login = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'admin', password } })
    cookie = `xinyong_session=${login.cookies.find((c) => c.name === 'xinyong_session')!.value}`
  })
  afterAll(async () => app?.close())

  it('publishes, edits and unpublishes with an audit entry for each, and the public sees only what is published', async () => {
    const { platform } = get()
    const policy = await platform.notices.create(office, { category: 'policy', title: ' 新乡市社会信用体系建设实施方案 ', source: '新政办〔2026〕1号', body: '第一条 为……\n第二条 本方案……' })
    expect(policy).toMatchObject({ category: 'policy', title: '新乡市社会信用体系建设实施方案', source: '新政办〔2026〕1号', publishedAt: TEST_NOW, unpublishedAt: null, createdBy: 'system:test' })
    const news = await platform.notices.create(office, { category: 'news', title: '信用修复培训会召开', body: '3 月 2 日，市信用办召开培训会。' })

    const edited = await platform.notices.edit(office, news.id, { title: '信用修复专题培训会召开', body: news.body })
    expect(edited.title).toBe('信用修复专题培训会召开')
    const editEntry = (await platform.audit.list({ limit: 1, entityType: 'notice' }))[0]!
    expect(editEntry).toMatchObject({ action: 'notice.edit', entityId: String(news.id), detail: { changed: ['title'], before: { title: '信用修复培训会召开' } } })

    await platform.notices.unpublish(office, policy.id, '文件已废止')
    await expect(platform.notices.unpublish(office, policy.id)).rejects.toMatchObject({ code: 'NOTICE_ALREADY_UNPUBLISHED' })
    const actions = (await platform.audit.list({ limit: 10, entityType: 'notice' })).map((e) => e.action)
    expect(actions).toEqual(['notice.unpublish', 'notice.edit', 'notice.create', 'notice.create'])

    const shown = await platform.notices.list(publicActor, {})
    expect(shown.items.map((n) => n.title)).toEqual(['信用修复专题培训会召开'])
    expect(shown.items[0]!.excerpt).toBe('3 月 2 日，市信用办召开培训会。')
    await expect(platform.notices.get(publicActor, policy.id)).rejects.toMatchObject({ code: 'NOTICE_NOT_FOUND' })
    expect((await platform.notices.get(office, policy.id)).unpublishedAt).toBe(TEST_NOW)
    expect((await platform.notices.list(office, { includeUnpublished: true, category: 'policy' })).total).toBe(1)
    await expect(platform.notices.list(publicActor, { includeUnpublished: true })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })

    await platform.notices.republish(office, policy.id)
    expect((await platform.notices.list(publicActor, { category: 'policy' })).items.map((n) => n.id)).toEqual([policy.id])
  })

  it('refuses empty or over-long fields and anyone but the office', async () => {
    const { platform } = get()
    await expect(platform.notices.create(office, { category: 'news', title: '  ', body: '正文' })).rejects.toMatchObject({ code: 'NOTICE_FIELD_REQUIRED', details: { field: 'title' } })
    await expect(platform.notices.create(office, { category: 'news', title: '标题', body: '字'.repeat(50_001) })).rejects.toMatchObject({ code: 'NOTICE_FIELD_TOO_LONG', details: { field: 'body' } })
    await expect(platform.notices.create(checker, { category: 'news', title: '标题', body: '正文' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('walks the HTTP ladder and serves a body with <script> as the same plain text', async () => {
    const body = { category: 'news', title: '测试 <script>', body: SCRIPT_BODY }
    expect((await app.inject({ method: 'POST', url: '/api/v1/notices', payload: body })).statusCode).toBe(401)
    const checkerLogin = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'checker', password } })
    const checkerCookie = `xinyong_session=${checkerLogin.cookies.find((c) => c.name === 'xinyong_session')!.value}`
    expect((await app.inject({ method: 'POST', url: '/api/v1/notices', headers: { cookie: checkerCookie }, payload: body })).statusCode).toBe(403)
    expect((await app.inject({ method: 'POST', url: '/api/v1/notices', headers: { cookie }, payload: { ...body, category: 'gossip' } })).statusCode).toBe(400)
    const created = await app.inject({ method: 'POST', url: '/api/v1/notices', headers: { cookie }, payload: body })
    expect(created.statusCode, created.body).toBe(201)
    const read = await app.inject(`/api/v1/notices/${created.json().id}`)
    expect(read.headers['content-type']).toContain('application/json')
    expect(read.json()).toMatchObject({ title: '测试 <script>', body: '第一段：<script>alert(1)</script>\n\n第二段 <b>不加粗</b>' })
    const list = await app.inject('/api/v1/notices?category=news&pageSize=1')
    expect(list.json()).toMatchObject({ page: 1, pageSize: 1, items: [{ id: created.json().id }] })
    expect(list.json().items[0]).not.toHaveProperty('body')
    const unpublished = await app.inject({ method: 'POST', url: `/api/v1/notices/${created.json().id}/unpublish`, headers: { cookie }, payload: {} })
    expect(unpublished.statusCode).toBe(200)
    expect((await app.inject(`/api/v1/notices/${created.json().id}`)).statusCode).toBe(404)
  })
})
