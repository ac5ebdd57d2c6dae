/** Serving the built web app: pages with the city's title, client-route fallbacks, cached assets, the API's own 404s. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Fastify, { type FastifyInstance } from 'fastify'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '../config.ts'
import type { Platform } from '../platform.ts'
import { registerErrorHandling } from './error-handler.ts'
import { webRoutes } from './web.routes.ts'

const page = (name: string) => `<!doctype html><html><head><meta name="xinyong:site-title" content="__SITE_TITLE__"><title>__SITE_TITLE__</title></head><body>${name} __CITY_NAME__</body></html>`

async function appFor(root: string, siteTitle = '信用新乡'): Promise<FastifyInstance> {
  const config = loadConfig({ XINYONG_ENV: 'test', XINYONG_SITE_TITLE: siteTitle })
  const app = Fastify()
  registerErrorHandling(app)
  app.get('/api/v1/ping', async () => ({ pong: true }))
  await app.register(webRoutes({ config } as Platform, { root }))
  return app
}

describe('web routes', () => {
  let dir: string
  let app: FastifyInstance

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'xinyong-web-'))
    await mkdir(join(dir, 'assets'))
    await mkdir(join(dir, 'console'))
    await writeFile(join(dir, 'index.html'), page('public site'))
    await writeFile(join(dir, 'console/index.html'), page('console'))
    await writeFile(join(dir, 'assets/site-abc123.js'), 'console.log(1)')
    await writeFile(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
    app = await appFor(dir)
  })
  afterAll(async () => {
    await app?.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('serves the public site at / with the title written in, revalidated, under a CSP without inline script', async () => {
    const res = await app.inject('/')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/html')
    expect(res.body).toContain('<title>信用新乡</title>')
    expect(res.body).toContain('public site 新乡市')
    expect(res.headers['cache-control']).toBe('no-cache')
    expect(res.headers['content-security-policy']).toContain("script-src 'self'")
    expect(res.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/)
  })

  it('answers the public site’s client routes with its page, and /console’s with the console', async () => {
    for (const url of ['/search?q=%E9%B9%A4%E9%B8%A3', '/subjects/91410702MA000000XX']) expect((await app.inject(url)).body).toContain('public site')
    for (const url of ['/console', '/console/', '/console/batches/12']) expect((await app.inject(url)).body).toContain('console')
  })

  it('caches hashed assets for a year and other files briefly', async () => {
    const asset = await app.inject('/assets/site-abc123.js')
    expect(asset.statusCode).toBe(200)
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const icon = await app.inject('/favicon.svg')
    expect(icon.statusCode).toBe(200)
    expect(icon.headers['cache-control']).toBe('public, max-age=3600')
  })

  it('leaves the API its routes and its coded 404, and does not turn missing files into pages', async () => {
    expect((await app.inject('/api/v1/ping')).json()).toEqual({ pong: true })
    for (const url of ['/api/v1/no-such-route', '/api', '/assets/gone-000.js', '/assets/../../package.json', '/missing.js', '/console/missing.js', '/../package.json', '/no-such-page']) {
      const res = await app.inject(url)
      expect(res.statusCode, url).toBe(404)
      expect(res.json().error.code, url).toBe('ROUTE_NOT_FOUND')
    }
  })

  it('escapes a site title taken from configuration', async () => {
    const other = await appFor(dir, '信用<b>"城"</b>')
    const res = await other.inject('/')
    expect(res.body).toContain('<title>信用&#60;b&#62;&#34;城&#34;&#60;/b&#62;</title>')
    await other.close()
  })

  it('says how to build the web app when it has not been built', async () => {
    const empty = await appFor(join(dir, 'no-build-here'))
    const res = await empty.inject('/')
    expect(res.statusCode).toBe(503)
    expect(res.body).toContain('npm run web:build')
    expect((await empty.inject('/api/v1/ping')).statusCode).toBe(200)
    await empty.close()
  })
})
