/**
 * Malformed input to any route gets a coded bilingual error, never a 500: every route in the
 * OpenAPI document is called with junk parameters, queries and bodies, anonymously and as an
 * administrator.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { FastifyInstance, InjectOptions } from 'fastify'
import fc from 'fast-check'
import { buildApp } from '../src/http/app.ts'
import { describeEachPlatform } from './platform-fixture.ts'

const password = 'Correct-Horse-9-battery'
const junkStrings = ['', ' ', '%00', '%E2%80%AE', '..%2F..%2Fetc%2Fpasswd', "'; drop table subjects; --", '<script>alert(1)</script>', '９１３５', 'x'.repeat(300), '-1', '1e309', 'null', '%F0%9F%92%A9']
const junkBodies: unknown[] = [null, 42, 'text', [], [1, 2], {}, { code: 123 }, { username: ['a'] }, { definition: { code: 'X', fields: 'nope' } }, { roles: ['king'] }, { identifiers: [{ scheme: 'uscc', value: '{}' }] }, { a: { b: { c: { d: {} } } } }]

const isCoded = (body: string) => {
  const parsed = JSON.parse(body)
  return typeof parsed.error?.code === 'string' && /[\u4e00-\u9fff]/.test(parsed.error.message) && typeof parsed.error.message_en === 'string'
}

describeEachPlatform('every route under malformed input', (get) => {
  let app: FastifyInstance
  let routes: Array<{ method: string; path: string }>

  beforeAll(async () => {
    const { platform } = get()
    const system = { type: 'system' as const, name: 'test' }
    await platform.catalog.installBaseCatalog(system)
    await platform.departments.add(system, { code: 'FGW', name: '新乡市发展和改革委员会', division: '410700', kind: 'platform_office' })
    await platform.access.addUser(system, { username: 'admin', displayName: '管理员', password, departmentCode: 'FGW', roles: ['platform_admin'] })
    app = await buildApp(platform)
    const doc = (await app.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> }
    routes = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })))
  })
  afterAll(async () => app?.close())

  const adminCookie = async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'admin', password } })
    return `xinyong_session=${res.cookies.find((c) => c.name === 'xinyong_session')!.value}`
  }

  async function expectCodedAnswer(options: InjectOptions) {
    const res = await app.inject(options)
    expect(res.statusCode, `${options.method} ${options.url} → ${res.body.slice(0, 200)}`).toBeLessThan(500)
    if (res.statusCode >= 400) expect(isCoded(res.body), `${options.method} ${options.url} → ${res.body.slice(0, 200)}`).toBe(true)
  }

  it('covers the whole API', () => {
    expect(routes.length).toBeGreaterThanOrEqual(20)
  })

  it('answers junk path parameters and queries with coded errors', async () => {
    for (const asAdmin of [false, true]) {
      for (const route of routes) {
        const cookie = asAdmin ? await adminCookie() : undefined
        for (const junk of junkStrings) {
          const url = route.path.replace(/\{[^}]+\}/g, junk) + `?version=${junk}&limit=${junk}&format=${junk}&purpose=${junk}`
          await expectCodedAnswer({ method: route.method as InjectOptions['method'], url, ...(cookie ? { headers: { cookie } } : {}) })
        }
      }
    }
  })

  it('answers junk bodies with coded errors', async () => {
    for (const asAdmin of [false, true]) {
      for (const route of routes.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method))) {
        const cookie = asAdmin ? await adminCookie() : undefined
        for (const body of junkBodies) {
          await expectCodedAnswer({ method: route.method as InjectOptions['method'], url: route.path.replace(/\{[^}]+\}/g, 'XZCF'), payload: JSON.stringify(body), headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) } })
        }
        await expectCodedAnswer({ method: route.method as InjectOptions['method'], url: route.path.replace(/\{[^}]+\}/g, 'XZCF'), payload: '{"broken', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) } })
        await expectCodedAnswer({ method: route.method as InjectOptions['method'], url: route.path.replace(/\{[^}]+\}/g, 'XZCF'), payload: 'a=b', headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) } })
      }
    }
  })

  it('never fails on arbitrary JSON sent as an administrator', async () => {
    const cookie = await adminCookie()
    const writes = routes.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method) && r.path !== '/api/v1/session')
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writes), fc.jsonValue({ maxDepth: 3 }), async (route, body) => {
        const res = await app.inject({ method: route.method as InjectOptions['method'], url: route.path.replace(/\{[^}]+\}/g, 'XZCF'), payload: JSON.stringify(body), headers: { 'content-type': 'application/json', cookie } })
        return res.statusCode < 500 && (res.statusCode < 400 || isCoded(res.body))
      }),
      { numRuns: 150 },
    )
  })
})
