#!/usr/bin/env node
// The xinyong command: runs the TypeScript CLI through tsx, so the package needs no build step.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const args = process.argv.slice(2)

// Ingesting a large file allocates fast; left alone V8 grows its heap to gigabytes before it
// collects. Such commands run in a child node with a bounded heap (and small young generation:
// little of what ingestion allocates lives long), unless the caller chose one.
const BOUNDED_HEAP_MB = { ingest: 256 }
const heapMb = BOUNDED_HEAP_MB[args[0]]
const chosen = process.execArgv.some((a) => a.startsWith('--max-old-space-size')) || /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? '')

if (heapMb && !chosen && !process.env.XINYONG_BOUNDED_CHILD) {
  const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, '--max-semi-space-size=8', fileURLToPath(import.meta.url), ...args], {
    stdio: 'inherit',
    // Two malloc arenas, not one per thread: per-thread arenas keep freed memory (a 1M-row file
    // peaked about 20 MB higher without this).
    env: { MALLOC_ARENA_MAX: '2', ...process.env, XINYONG_BOUNDED_CHILD: String(process.pid) },
  })
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)))
} else {
  if (process.env.XINYONG_BOUNDED_CHILD) {
    // If the command the user started dies (even by kill -9), its work dies with it.
    const parent = Number(process.env.XINYONG_BOUNDED_CHILD)
    setInterval(() => {
      try {
        process.kill(parent, 0)
      } catch {
        process.kill(process.pid, 'SIGKILL')
      }
    }, 100).unref()
  }
  const { register } = await import('tsx/esm/api')
  register()
  const { main } = await import('../src/cli/main.ts')
  process.exitCode = await main(args)
}
