/**
 * `npm start` as users run it (`xinyong serve --seed-demo`, a real child process) on each store: the
 * first start seeds the demo city with records and cases, then prints the public site, the console
 * and the demo accounts with their passwords (Chinese first); a second start adds and prints no
 * account again. Each start is stopped by its own pid.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterEach, expect, it } from 'vitest'
import { describeEachStore } from '../../../test/store-fixture.ts'

const bin = fileURLToPath(new URL('../../../bin/xinyong.js', import.meta.url))
let running: ChildProcess | undefined

/** Starts serve and resolves with what it printed once the addresses are out (or rejects on exit). */
function start(env: Record<string, string>): Promise<{ lines: string[]; seconds: number }> {
  const started = performance.now()
  const child = spawn(process.execPath, [bin, 'serve', '--seed-demo'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  running = child
  let out = ''
  let err = ''
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8')
      // The accounts (if any) follow the API docs line in the same write burst; wait for a quiet moment.
      if (out.includes('/api/docs')) setTimeout(() => resolve({ lines: out.split('\n'), seconds: (performance.now() - started) / 1000 }), 300)
    })
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')))
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)))
  })
}

async function stop(): Promise<void> {
  const child = running
  running = undefined
  if (!child || child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
}

afterEach(stop)

describeEachStore('serve --seed-demo', (store) => {
  const env = () => ({ XINYONG_ENV: 'test', XINYONG_DATA_DIR: store().dir, DATABASE_URL: store().url, PORT: '0', XINYONG_DEMO_SUBJECTS: '150', XINYONG_PUBLICITY_TICK_SECONDS: '0', XINYONG_NOW: '2026-03-02T02:00:00.000Z' })

  it('seeds records on first start and prints the site, the console and the accounts once', { timeout: 60_000 }, async () => {
    const { lines, seconds } = await start(env())
    await stop()
    const text = lines.join('\n')
    expect(text).toContain('subjects +150')
    expect(text).toMatch(/演示信用记录 Demo records: \+[\d,]+ 条经归集报送 through collection \(\d+ 批次 batches, 0 条被拒 rejected/)
    expect(text).toContain('异议 objections 2')
    const site = lines.findIndex((l) => /公共网站 Public site: +http:\/\/127\.0\.0\.1:\d+\/$/.test(l))
    const consoleLine = lines.findIndex((l) => /管理后台 Console: +http:\/\/127\.0\.0\.1:\d+\/console$/.test(l))
    const accounts = lines.findIndex((l) => l.startsWith('演示账号'))
    expect(site).toBeGreaterThan(0)
    expect(consoleLine).toBe(site + 1)
    expect(accounts).toBeGreaterThan(consoleLine)
    for (const [i, user] of ['admin', 'auditor', 'scjg.clerk', 'ggzy.checker'].entries()) {
      expect(lines[accounts + 1 + i]).toMatch(new RegExp(`^  ${user.replace('.', '\\.')} +\\S{12,} +[\\u4e00-\\u9fff]`))
    }
    expect(lines[accounts + 1]).toContain('平台管理员 platform_admin')
    expect(seconds).toBeLessThan(30)
  })

  it('adds nothing and shows no password on the next start', { timeout: 60_000 }, async () => {
    const { lines } = await start(env())
    const text = lines.join('\n')
    expect(text).toContain('/console')
    expect(text).not.toContain('演示数据 Demo data')
    expect(text).not.toContain('演示账号')
  })
})
