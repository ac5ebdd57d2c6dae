/** Every public client route the site has (web/src/site/SiteApp.tsx) is answered with the site's page, not a 404. */
import { afterAll, beforeAll, expect, it } from 'vitest'
import Fastify, { type FastifyInstance } from 'fastify'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '../src/config.ts'
import type { Platform } from '../src/platform.ts'
import { registerErrorHandling } from '../src/http/error-handler.ts'
import { webRoutes } from '../src/http/web.routes.ts'

let dir: string
let app: FastifyInstance

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xinyong-pages-'))
  await mkdir(join(dir, 'console'))
  await writeFile(join(dir, 'index.html'), '<html><body>public site</body></html>')
  await writeFile(join(dir, 'console/index.html'), '<html><body>console</body></html>')
  app = Fastify()
  registerErrorHandling(app)
  await app.register(webRoutes({ config: loadConfig({ XINYONG_ENV: 'test' }) } as Platform, { root: dir }))
})
afterAll(async () => {
  await app?.close()
  await rm(dir, { recursive: true, force: true })
})

it.each(['/lists/black', '/lists/red', '/commitments', '/policy', '/news', '/notices/12', '/objection?subject=X&record=1', '/repair?subject=X&record=1', '/status?type=repair'])('serves the site at %s', async (url) => {
  const res = await app.inject(url)
  expect(res.statusCode).toBe(200)
  expect(res.body).toContain('public site')
})

it.each(['/console/objections', '/console/checks/3', '/console/api-keys', '/console/notices'])('serves the console at %s', async (url) => {
  const res = await app.inject(url)
  expect(res.statusCode).toBe(200)
  expect(res.body).toContain('console')
})
