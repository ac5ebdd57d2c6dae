/**
 * Issue 3's figures: a realistic 1,000,000-row 行政处罚 CSV (about 5 % bad rows) ingested end to end
 * on each store — parse, validate, link, version, index — then the same file again, and the raw
 * load rate of the file for comparison.
 */
import { spawn } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writePenaltyCsv } from './penalty-file.ts'
import { openBenchPlatform, type BenchStore } from './stores.ts'
import { seedDemo } from '../src/seeding/demo-seed.ts'
import { DEMO_SEED } from '../src/seeding/demo-seed.ts'
import { rawLoad } from './raw-load.ts'

export async function penaltyFile(rows: number): Promise<{ path: string; bytes: number; bad: number }> {
  const path = join(tmpdir(), `xinyong-bench-penalties-${rows}.csv`)
  const meta = `${path}.bad`
  if (!existsSync(path) || !existsSync(meta)) {
    const written = await writePenaltyCsv(path, rows, { seed: 2026, badRate: 0.05, subjectSeed: DEMO_SEED, subjects: Math.min(rows, 1_000_000) })
    const { writeFileSync } = await import('node:fs')
    writeFileSync(meta, String(written.bad))
  }
  const { readFileSync } = await import('node:fs')
  return { path, bytes: statSync(path).size, bad: Number(readFileSync(meta, 'utf8')) }
}

interface Timed {
  seconds: number
  summary: { received: number; accepted: number; updated: number; unchanged: number; rejected: number; warnings: number }
}

function runChild(url: string, dataDir: string, file: string): Promise<{ first: Timed; second: Timed; peakRssMb: number }> {
  return new Promise((resolve, reject) => {
    // The same heap bound and malloc arenas as `xinyong ingest` runs with (bin/xinyong.js).
    const child = spawn(process.execPath, ['--max-old-space-size=256', '--max-semi-space-size=8', 'bin/run-ts.js', 'bench/ingest-child.ts', url, dataDir, file], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { MALLOC_ARENA_MAX: '2', ...process.env },
    })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`ingest child exited with ${code}`))))
  })
}

export async function benchCollection(store: BenchStore, rows: number, subjects: number) {
  const file = await penaltyFile(rows)
  const bench = await openBenchPlatform(store)
  try {
    await seedDemo(bench.platform, { subjects, password: 'Bench-Password-2026!' })
    // As on a serving platform, which builds both before it listens (serve) and keeps them current:
    // the search index, so the batch's commit indexes only what the batch added, and standing_facts,
    // so penalties are projected as they are written.
    await bench.platform.search.indexPending()
    await bench.platform.creditChecks.refreshStandingFacts()
    const ingest = await runChild(bench.url, bench.platform.config.dataDir, file.path)
    const raw = await rawLoad(bench.platform.database, file.path)
    const ingestRate = rows / ingest.first.seconds
    const rawRate = raw.rows / raw.seconds
    return {
      store,
      rows,
      bytes: file.bytes,
      bad: file.bad,
      first: ingest.first,
      second: ingest.second,
      ingestRate,
      reingestRate: rows / ingest.second.seconds,
      rawRate,
      ratio: ingestRate / rawRate,
      peakRssMb: ingest.peakRssMb,
    }
  } finally {
    await bench.dispose()
  }
}
