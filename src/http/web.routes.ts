/**
 * The web app built by Vite (web/ → dist/web, `npm run web:build`, run by `npm install`): the public
 * site at / and the staff console at /console, each with client routes falling back to its page.
 * Only named paths are served here, so every other path, /api ones included, keeps the API's coded
 * errors. Hashed assets are cached for a year; pages are revalidated, and
 * get the city's site title written in and a Content-Security-Policy that allows no inline script.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import fastifyStatic from '@fastify/static'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Platform } from '../platform.ts'
import { escapeHtml } from './html.ts'

export const defaultWebRoot = fileURLToPath(new URL('../../dist/web/', import.meta.url))

// antd writes its styles at run time (CSS-in-JS), hence inline styles; scripts come from this origin only.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

const notBuilt = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>网站尚未构建</title>
<p>网站尚未构建：请运行 <code>npm run web:build</code>（<code>npm install</code> 会自动构建）。接口照常可用：<a href="/api/docs">/api/docs</a>。</p>
<p lang="en">The web app has not been built: run <code>npm run web:build</code> (<code>npm install</code> does). The API works: <a href="/api/docs">/api/docs</a>.</p></html>`

const hasExtension = (path: string) => /\.[A-Za-z0-9]+$/.test(path.split('/').pop() ?? '')

/**
 * The public site's client routes (web/src/site/SiteApp.tsx): add one here when the site gains a
 * page. Named rather than caught by a `/*`, which would also catch API paths the router refuses
 * (an over-long parameter must stay the API's coded 414, an unknown /api path its coded 404).
 */
export const publicPages = ['/search', '/subjects/*', '/lists/*', '/commitments', '/policy', '/news', '/notices/*', '/objection', '/repair', '/status'] as const

/** Files of web/public, copied to the build's root. */
const rootFiles = ['favicon.svg'] as const

export const webRoutes =
  (platform: Platform, options: { root?: string } = {}): FastifyPluginAsync =>
  async (app) => {
    const root = options.root ?? defaultWebRoot
    const { siteTitle, name: cityName } = platform.config.city
    // Only reply.sendFile: the routes below decide what is a file, a page, or not found.
    await app.register(fastifyStatic, { root, serve: false })

    async function sendPage(reply: FastifyReply, file: 'index.html' | 'console/index.html') {
      reply.header('x-content-type-options', 'nosniff').header('referrer-policy', 'same-origin')
      let html: string
      try {
        // Read on each request (a few KB, in the page cache): a rebuild is served without a restart.
        html = await readFile(join(root, file), 'utf8')
      } catch {
        return reply.code(503).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(notBuilt)
      }
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('content-security-policy', contentSecurityPolicy)
        .header('x-frame-options', 'DENY')
        .send(html.replaceAll('__SITE_TITLE__', escapeHtml(siteTitle)).replaceAll('__CITY_NAME__', escapeHtml(cityName)))
    }

    const hide = { schema: { hide: true } }
    app.get('/', hide, (_request, reply) => sendPage(reply, 'index.html'))
    app.get('/console', hide, (_request, reply) => sendPage(reply, 'console/index.html'))
    app.get('/console/*', hide, (request, reply) => {
      const path = (request.params as { '*': string })['*']
      return hasExtension(path) ? reply.callNotFound() : sendPage(reply, 'console/index.html')
    })
    for (const route of publicPages) app.get(route, hide, (_request, reply) => sendPage(reply, 'index.html'))
    // Vite names these by content hash: a changed file is a new name.
    app.get('/assets/*', hide, (request, reply) => reply.sendFile(`assets/${(request.params as { '*': string })['*']}`, root, { maxAge: '365d', immutable: true }))
    for (const file of rootFiles) app.get(`/${file}`, hide, (_request, reply) => reply.sendFile(file, root, { maxAge: '1h' }))
  }
