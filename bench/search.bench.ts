/**
 * Issue 4's search figures on a store that already holds the seeded demo subjects: how long the
 * index takes to build (or catch up), then name-search latency (public caller, first page of 20,
 * the index caught up) for 2-, 3- and 4-character queries cut from seeded names, full names, and
 * queries that match nothing. Target: p99 < 30 ms. Prints; never asserts.
 */
import type { Platform } from '../src/platform.ts'
import { publicActor } from '../src/security/actor.ts'
import { mulberry32 } from '../src/demo/prng.ts'

const QUERIES_PER_GROUP = 300
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })

const prng = mulberry32

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!

/** What a person types: a run of Chinese characters from a real name, starting anywhere in it. */
function cut(name: string, length: number, random: () => number): string | undefined {
  const runs = name.match(/\p{Script=Han}+/gu)?.filter((r) => [...r].length >= length) ?? []
  if (!runs.length) return undefined
  const chars = [...runs[Math.floor(random() * runs.length)]!]
  const at = Math.floor(random() * (chars.length - length + 1))
  return chars.slice(at, at + length).join('')
}

async function sampleNames(platform: Platform, count: number, random: () => number): Promise<string[]> {
  const db = platform.database.db
  const max = Number((await db.selectFrom('subjects').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m ?? 0)
  const ids = Array.from({ length: count * 2 }, () => 1 + Math.floor(random() * max))
  const rows = await db.selectFrom('subjects').select('name').where('id', 'in', ids).where('kind', '!=', 'natural_person').execute()
  return rows.map((r) => r.name).slice(0, count)
}

export async function benchSearch(platform: Platform, print: (line: string) => void): Promise<void> {
  const report = await platform.search.indexPending()
  print(`index build / catch-up: ${fmt(report.added)} names in ${fmt(report.seconds, 1)} s = ${fmt(report.added / Math.max(report.seconds, 1e-9))} names/s`)

  const random = prng(20260402)
  const names = await sampleNames(platform, QUERIES_PER_GROUP, random)
  const groups: Array<[string, string[]]> = [
    ['2 characters', names.map((n) => cut(n, 2, random)).filter((q): q is string => !!q)],
    ['3 characters', names.map((n) => cut(n, 3, random)).filter((q): q is string => !!q)],
    ['4 characters', names.map((n) => cut(n, 4, random)).filter((q): q is string => !!q)],
    ['full names', names.slice(0, 100)],
    ['no match', ['鑫鑫', '犇犇', '龘龘龘', '鱻鱻鱻鱻', '乡新', '司公限有', '靐靐', '爨爨爨', '齉齉', '麤麤麤麤', '貔貅', '饕餮纹', '魑魅魍魉', '耄耋', '龖龖']],
  ]

  // Warm the caches (and the lazy catch-up check) before timing.
  for (const q of groups[0]![1].slice(0, 20)) await platform.search.search(publicActor, { q })

  print('name search, public caller, first page of 20 (target p99 < 30 ms):')
  for (const [label, queries] of groups) {
    const times: number[] = []
    let slowest = { q: '', ms: 0 }
    let empty = 0
    for (const q of queries) {
      const started = performance.now()
      const result = await platform.search.search(publicActor, { q })
      const ms = performance.now() - started
      times.push(ms)
      if (ms > slowest.ms) slowest = { q, ms }
      if (result.items.length === 0) empty++
    }
    times.sort((a, b) => a - b)
    print(
      `  ${label.padEnd(12)} ${String(queries.length).padStart(3)} queries  p50 ${fmt(percentile(times, 0.5), 1)} ms  p99 ${fmt(percentile(times, 0.99), 1)} ms  max ${fmt(slowest.ms, 1)} ms (${slowest.q})  ${empty} found nothing`,
    )
  }

  // What every search pays before it reads: the check that nothing is waiting to be indexed.
  const checks: number[] = []
  for (let i = 0; i < 200; i++) {
    const started = performance.now()
    await platform.search.indexPending()
    checks.push(performance.now() - started)
  }
  checks.sort((a, b) => a - b)
  print(`catch-up when nothing is pending: p50 ${fmt(percentile(checks, 0.5), 2)} ms`)
}
