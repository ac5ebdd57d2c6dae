/**
 * What the browser journeys run on: the real server (the same buildApp as `npm start`) on a SQLite
 * store in a temporary folder with a small demo city, listening on a free port, and headless Chromium
 * from Debian's `chromium` package driven by playwright-core. A missing Chromium fails the run — CI
 * installs it (.ci/run) — and no browser is ever downloaded.
 */
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import { loadConfig } from '../../src/config.ts'
import { openPlatform, type Platform } from '../../src/platform.ts'
import { buildApp } from '../../src/http/app.ts'
import { seedDemo } from '../../src/seeding/demo-seed.ts'
import { defaultWebRoot } from '../../src/http/web.routes.ts'

export const CHROMIUM = process.env.XINYONG_CHROMIUM ?? '/usr/bin/chromium'
export const DEMO_PASSWORD = 'Browser-Journey-2026'
export const artifacts = resolve(import.meta.dirname, '../../test-artifacts/browser')

// STACK.md gotcha 4: a fresh profile comes with launch(); root needs --no-sandbox; this machine has no network.
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']

export interface Journey {
  platform: Platform
  baseUrl: string
  browser: Browser
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<{ context: BrowserContext; page: Page; shot(name: string): Promise<void> }>
  close(): Promise<void>
}

const webDir = resolve(import.meta.dirname, '../../web')
const manifest = join(defaultWebRoot, '.vite/manifest.json')

function newestSource(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs)
  }
  return newest
}

const buildIsCurrent = () => existsSync(manifest) && statSync(manifest).mtimeMs >= newestSource(webDir)

/**
 * The journeys test the built app. `npm install` builds it; when web/ has changed since (a developer
 * at work) it is built again here, by one test file at a time (a lock directory), the others waiting.
 */
async function ensureWebBuild() {
  if (buildIsCurrent()) return
  const lock = join(tmpdir(), 'xinyong-web-build.lock')
  const deadline = Date.now() + 120_000
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      if (Date.now() > deadline) throw new Error(`Waited 2 minutes for ${lock}: remove it if no build is running`)
      await new Promise((r) => setTimeout(r, 250))
    }
  }
  try {
    if (buildIsCurrent()) return
    const { build } = await import('vite')
    await build({ configFile: join(webDir, 'vite.config.ts'), logLevel: 'warn' })
  } finally {
    rmdirSync(lock)
  }
}

export async function startJourney(name: string, options: { subjects?: number } = {}): Promise<Journey> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: the browser tests need Debian's chromium package (apt-get install chromium fonts-wqy-microhei; .ci/run installs it). They never download a browser.`)
  }
  await ensureWebBuild()
  const dir = await mkdtemp(join(tmpdir(), `xinyong-browser-${name}-`))
  const config = loadConfig({ XINYONG_ENV: 'test', XINYONG_DEMO_PASSWORD: DEMO_PASSWORD }, { dataDir: dir, databaseUrl: join(dir, 'xinyong.db'), host: '127.0.0.1', port: 0 })
  const platform = await openPlatform(config)
  let app: FastifyInstance | undefined
  let browser: Browser | undefined
  try {
    await seedDemo(platform, { subjects: options.subjects ?? 40, password: DEMO_PASSWORD })
    await platform.search.indexPending()
    app = await buildApp(platform)
    const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 })
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: chromiumArgs })
    await mkdir(artifacts, { recursive: true })
    const opened = browser
    const server = app
    return {
      platform,
      baseUrl,
      browser: opened,
      async newPage(o = {}) {
        const context = await opened.newContext({ baseURL: baseUrl, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true, viewport: o.viewport ?? { width: 1280, height: 900 } })
        // Generous for a loaded CI machine running the whole suite beside; a passing step takes well under a second.
        context.setDefaultTimeout(15_000)
        const page = await context.newPage()
        const errors: string[] = []
        page.on('pageerror', (e) => errors.push(e.message))
        let step = 0
        return {
          context,
          page,
          async shot(label: string) {
            step++
            await page.screenshot({ path: join(artifacts, `${name}-${String(step).padStart(2, '0')}-${label}.png`), fullPage: true })
            if (errors.length) throw new Error(`The page threw: ${errors.join(' | ')}`)
          },
        }
      },
      async close() {
        await browser?.close()
        await server.close()
        await platform.close()
        await rm(dir, { recursive: true, force: true })
      },
    }
  } catch (error) {
    await browser?.close()
    await app?.close()
    await platform.close()
    await rm(dir, { recursive: true, force: true })
    throw error
  }
}
