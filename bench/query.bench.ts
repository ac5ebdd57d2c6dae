/**
 * Issue 4's figures: on a store of BENCH_SUBJECTS subjects (default 1,000,000) and BENCH_RECORDS
 * credit records (default 10,000,000), a credit profile's p50/p99 in-process and over HTTP at
 * concurrency 16 (targets: p99 < 5 ms and < 20 ms), and a bulk lookup of 10,000 codes (< 500 ms);
 * then issue 6's credit checks on the same store (credit-check.bench.ts).
 */
import { sql } from 'kysely'
import type { AddressInfo } from 'node:net'
import { buildApp } from '../src/http/app.ts'
import { seedDemo } from '../src/seeding/demo-seed.ts'
import { makeUscc } from '../src/identifiers/index.ts'
import type { Actor } from '../src/security/actor.ts'
import type { Platform } from '../src/platform.ts'
import { loadBenchRecords } from './query-records.ts'
import { benchCreditChecks } from './credit-check.bench.ts'
import { openBenchPlatform, type BenchStore } from './stores.ts'
import { httpFloor, loadOverHttp, percentiles } from './http-load.ts'

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
const ms = (n: number) => `${fmt(n, 2)} ms`


interface Samples {
  /** Organisations by USCC (what the public looks up). */
  firms: string[]
  /** Anyone, by USCC or subject id (persons). */
  anyone: string[]
  /** Subjects with 100 or more records. */
  heavy: string[]
  lookupCodes: string[]
}

async function sampleCodes(platform: Platform, perSubject: Uint16Array, seed = 7): Promise<Samples> {
  let a = seed
  const random = () => ((a = (Math.imul(a, 1103515245) + 12345) >>> 0) / 4294967296)
  const maxId = perSubject.length - 1
  const ids = Array.from({ length: 12_000 }, () => 1 + Math.floor(random() * maxId))
  const heavyIds: number[] = []
  for (let id = 1; id <= maxId && heavyIds.length < 500; id += 1 + Math.floor(random() * 50)) if (perSubject[id]! >= 100) heavyIds.push(id)
  const db = platform.database.db
  const usccOf = new Map<number, string>()
  for (let i = 0; i < ids.length + heavyIds.length; i += 1000) {
    const part = [...ids, ...heavyIds].slice(i, i + 1000)
    for (const r of await db.selectFrom('subject_identifiers').select(['subject_id', 'value']).where('scheme', '=', 'uscc').where('subject_id', 'in', part).execute()) usccOf.set(r.subject_id, r.value!)
  }
  const codeOf = (id: number) => usccOf.get(id) ?? String(id)
  const lookupCodes = ids.slice(0, 10_000).map((id, i) => {
    const code = codeOf(id)
    if (i % 20 === 0) return makeUscc({ authority: '9', category: '1', division: '410702', orgCodeBody8: `QQ${String(i).padStart(6, '0')}` }) // valid, unknown
    if (i % 20 === 1) return `not-a-code-${i}`
    if (i % 20 === 2 && code.length === 18) return code.slice(8, 17) // organisation code
    return code
  })
  return { firms: ids.filter((id) => usccOf.has(id)).map(codeOf), anyone: ids.map(codeOf), heavy: heavyIds.map(codeOf), lookupCodes }
}

async function inProcess(platform: Platform, actor: Actor, codes: string[], n: number, purpose?: string) {
  const times: number[] = []
  let records = 0
  let missing = 0
  for (let i = 0; i < n; i++) {
    const code = codes[i % codes.length]!
    const t = performance.now()
    try {
      const p = await platform.profiles.profile(actor, code, purpose ? { purpose } : {})
      records += p.total
    } catch {
      missing++
    }
    times.push(performance.now() - t)
  }
  return { ...percentiles(times), avgRecords: records / Math.max(1, n - missing), missing }
}

const profilePath = '/api/v1/subjects/{code}/profile'
const overHttp = (base: string, codes: string[], n: number, headers: Record<string, string>) => loadOverHttp({ base, path: profilePath, codes, n, headers })

export async function benchQueryPlatform(store: BenchStore, print: (line: string) => void): Promise<void> {
  const subjects = Number(process.env.BENCH_SUBJECTS ?? 1_000_000)
  const records = Number(process.env.BENCH_RECORDS ?? 10_000_000)
  const bench = await openBenchPlatform(store)
  const { platform } = bench
  try {
    const seeded = await seedDemo(platform, { subjects, password: 'Bench-Password-2026!' })
    const loaded = await loadBenchRecords(platform, records)
    print(`${store.padEnd(8)} store: ${fmt(seeded.subjectsTotal)} subjects (${fmt(seeded.seconds.subjects, 1)} s), ${fmt(loaded.records)} records in ${fmt(loaded.versions)} versions loaded in ${fmt(loaded.seconds, 1)} s`)
    const analyzed = performance.now()
    // After a bulk load: statistics for the planner, and (PostgreSQL) the visibility map that index-only scans need, as autovacuum would set.
    if (store === 'postgres') await sql`vacuum analyze`.execute(platform.database.db)
    else platform.database.sqlite!.exec('pragma analysis_limit = 1000; analyze')
    print(`  ${store === 'postgres' ? 'vacuum analyze' : 'analyze'} ${fmt((performance.now() - analyzed) / 1000, 1)} s`)
    // The bulk loader writes records without the collection path, so what checks read is built once here (as the scheduler would).
    const projected = performance.now()
    const standing = await platform.creditChecks.refreshStandingFacts()
    if (store === 'postgres') await sql`vacuum analyze standing_facts`.execute(platform.database.db)
    print(`  standing facts for credit checks: ${fmt(standing.facts)} built in ${fmt((performance.now() - projected) / 1000, 1)} s`)

    const samples = await sampleCodes(platform, loaded.perSubject)
    const department = await platform.departments.get('GGZY')
    const checker: Actor = { type: 'api_key', id: 0, prefix: 'bench', name: 'bench', departmentId: department.id, departmentCode: 'GGZY', roles: ['credit_checker'] }
    await inProcess(platform, { type: 'public' }, samples.firms, 500) // warm-up

    const N = Number(process.env.BENCH_PROFILE_READS ?? 5000)
    const pub = await inProcess(platform, { type: 'public' }, samples.firms, N)
    print(`  profile in-process, public, ${fmt(N)} random firms, first read (avg ${fmt(pub.avgRecords, 1)} visible records): p50 ${ms(pub.p50)}, p99 ${ms(pub.p99)}, max ${ms(pub.max)}  target p99 < 5 ms`)
    const again = await inProcess(platform, { type: 'public' }, samples.firms, N)
    print(`  profile in-process, public, the same firms again (their pages now cached): p50 ${ms(again.p50)}, p99 ${ms(again.p99)}, max ${ms(again.max)}`)
    const dep = await inProcess(platform, checker, samples.anyone, N, '政府采购资格审查')
    print(`  profile in-process, department (query-logged), ${fmt(N)} random subjects incl. persons (avg ${fmt(dep.avgRecords, 1)} records): p50 ${ms(dep.p50)}, p99 ${ms(dep.p99)}, max ${ms(dep.max)}  target p99 < 5 ms`)
    const heavy = await inProcess(platform, checker, samples.heavy, Math.min(N, samples.heavy.length * 4), '政府采购资格审查')
    print(`  profile in-process, department, ${fmt(samples.heavy.length)} subjects with ≥ 100 records (avg ${fmt(heavy.avgRecords, 0)}): p50 ${ms(heavy.p50)}, p99 ${ms(heavy.p99)}, max ${ms(heavy.max)}`)

    const key = (await platform.access.createApiKey({ type: 'system', name: 'bench' }, { name: 'bench', departmentCode: 'GGZY', roles: ['credit_checker'] })).key
    const app = await buildApp(platform)
    await app.listen({ host: '127.0.0.1', port: 0 })
    try {
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
      const H = Number(process.env.BENCH_HTTP_READS ?? 10_000)
      await overHttp(base, samples.firms, 1000, {})
      const hp = await overHttp(base, samples.firms, H, {})
      print(`  profile over HTTP, public, concurrency 16, ${fmt(H)} requests: p50 ${ms(hp.p50)}, p99 ${ms(hp.p99)}, ${fmt(hp.perSecond)} req/s${hp.failed ? `, ${hp.failed} failed` : ''}  target p99 < 20 ms`)
      const hd = await overHttp(base, samples.anyone, H, { authorization: `Bearer ${key}` })
      print(`  profile over HTTP, department (query-logged), concurrency 16, ${fmt(H)} requests: p50 ${ms(hd.p50)}, p99 ${ms(hd.p99)}, ${fmt(hd.perSecond)} req/s${hd.failed ? `, ${hd.failed} failed` : ''}  target p99 < 20 ms`)
      const answer = await (await fetch(`${base}${profilePath.replace('{code}', samples.firms[0]!)}`)).text()
      const floor = await httpFloor(answer, { path: profilePath, codes: samples.firms, n: H })
      print(`  HTTP floor: a bare Fastify route answering one of those profiles (${fmt(answer.length)} chars), same client, concurrency 16: p50 ${ms(floor.p50)}, p99 ${ms(floor.p99)}, ${fmt(floor.perSecond)} req/s`)

      const runs: number[] = []
      let found = 0
      for (let i = 0; i < 5; i++) {
        const t = performance.now()
        const items = await platform.profiles.lookup(checker, samples.lookupCodes, { purpose: '批量核查' })
        runs.push(performance.now() - t)
        found = items.filter((x) => x.found).length
      }
      print(`  bulk lookup in-process, ${fmt(samples.lookupCodes.length)} codes (${fmt(found)} found, query-logged): ${runs.map((r) => fmt(r)).join(' / ')} ms, median ${ms(percentiles(runs).p50)}  target < 500 ms`)
      const httpRuns: number[] = []
      for (let i = 0; i < 3; i++) {
        const t = performance.now()
        const res = await fetch(`${base}/api/v1/subjects/lookup`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ codes: samples.lookupCodes, purpose: '批量核查' }) })
        await res.arrayBuffer()
        httpRuns.push(performance.now() - t)
      }
      print(`  bulk lookup over HTTP, ${fmt(samples.lookupCodes.length)} codes: ${httpRuns.map((r) => fmt(r)).join(' / ')} ms`)

      await benchCreditChecks(platform, { base, key }, checker, samples.anyone, print)
    } finally {
      await app.close()
    }
    const logged = await platform.database.db.selectFrom('query_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    print(`  query_log rows written: ${fmt(Number(logged.n))}`)
  } finally {
    await bench.dispose()
  }
}
