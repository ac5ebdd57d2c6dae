/**
 * npm run bench — prints the platform's speed figures on this machine. Benchmarks print; they
 * never assert. Sizes are configurable: BENCH_SUBJECTS (default 1,000,000), BENCH_PENALTY_ROWS
 * (1,000,000), BENCH_RECORDS (10,000,000, for the query platform), BENCH_STORES (sqlite,postgres),
 * XINYONG_BENCH_POSTGRES_URL; BENCH_ONLY picks sections (identifiers,seeding,collection,search,query).
 */
import { benchIdentifierValidation, benchIdentifierValidationWithoutDetails } from './identifiers.bench.ts'
import { benchSeeding } from './seed.bench.ts'
import { benchStores } from './stores.ts'
import { benchCollection } from './collection.bench.ts'
import { benchSearch } from './search.bench.ts'
import { benchQueryPlatform } from './query.bench.ts'
import { openBenchPlatform } from './stores.ts'
import { seedDemo } from '../src/seeding/demo-seed.ts'

const subjects = Number(process.env.BENCH_SUBJECTS ?? 1_000_000)
const penaltyRows = Number(process.env.BENCH_PENALTY_ROWS ?? 1_000_000)
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })

const sections = new Set((process.env.BENCH_ONLY ?? 'identifiers,seeding,collection,search,query').split(',').map((s) => s.trim()))
const print = (line: string) => console.log(line)

console.log(`Xinyong benchmarks — Node ${process.version}, ${(await import('node:os')).cpus().length} cores`)

if (sections.has('identifiers')) {
  console.log('\n## Identifier validation (one core)')
  const ids = await benchIdentifierValidation()
  console.log(`identify(): ${fmt(ids.codes)} codes in ${fmt(ids.seconds, 2)} s = ${fmt(ids.codesPerSecond)} codes/s (target ≥ 1,000,000)`)
  const bare = await benchIdentifierValidationWithoutDetails()
  console.log(`identify(…, { details: false }): ${fmt(bare.codesPerSecond)} codes/s`)
}

if (sections.has('seeding')) {
  console.log(`\n## Seeding ${fmt(subjects)} demo subjects into an empty store`)
  for (const store of benchStores()) {
    const r = await benchSeeding(store, subjects)
    console.log(
      `${store.padEnd(8)} ${fmt(r.subjects)} subjects + ${fmt(r.identifierRows)} identifier rows in ${fmt(r.seconds, 1)} s = ${fmt(r.subjectsPerSecond)} subjects/s, RSS ${fmt(r.peakRssMb)} MB${store === 'sqlite' ? ' (target < 60 s)' : ''}`,
    )
  }
}

if (sections.has('collection')) {
  console.log(`\n## Collection: a ${fmt(penaltyRows)}-row 行政处罚 CSV (≈5 % bad rows) into a store holding ${fmt(subjects)} subjects`)
  for (const store of benchStores()) {
    const r = await benchCollection(store, penaltyRows, subjects)
    const s = r.first.summary
    console.log(`${store.padEnd(8)} file ${fmt(r.bytes / 1048576, 1)} MB, ${fmt(r.bad)} rows bad on purpose`)
    console.log(`  ingest    ${fmt(r.first.seconds, 1)} s = ${fmt(r.ingestRate)} rows/s (accepted ${fmt(s.accepted)}, updated ${fmt(s.updated)}, rejected ${fmt(s.rejected)}, warnings ${fmt(s.warnings)})  target ≥ ${store === 'sqlite' ? '50,000' : '30,000'}`)
    console.log(`  re-ingest ${fmt(r.second.seconds, 1)} s = ${fmt(r.reingestRate)} rows/s (unchanged ${fmt(r.second.summary.unchanged)}), ${fmt(r.first.seconds / r.second.seconds, 2)}× faster  target ≥ 2×`)
    console.log(`  raw load  ${fmt(r.rawRate)} rows/s (${store === 'sqlite' ? 'prepared inserts' : 'COPY'}); ingest / raw = ${fmt(r.ratio, 2)}  target ≥ 0.5`)
    console.log(`  peak RSS of the ingesting process ${fmt(r.peakRssMb)} MB  target < 512`)
  }
}

if (sections.has('search')) {
  for (const store of benchStores()) {
    const bench = await openBenchPlatform(store)
    try {
      const seeded = await seedDemo(bench.platform, { subjects, password: 'Bench-Password-2026!' })
      console.log(`\n## Name search on ${store}: ${fmt(seeded.subjectsAdded)} demo subjects`)
      await benchSearch(bench.platform, print)
    } finally {
      await bench.dispose()
    }
  }
}

if (sections.has('query')) {
  for (const store of benchStores()) {
    console.log(`\n## Query platform on ${store}`)
    await benchQueryPlatform(store, print)
  }
}
