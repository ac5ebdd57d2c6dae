/**
 * npm run bench — prints the platform's speed figures on this machine. Benchmarks print; they
 * never assert. Sizes are configurable: BENCH_SUBJECTS (default 1,000,000), BENCH_STORES
 * (sqlite,postgres), XINYONG_BENCH_POSTGRES_URL.
 */
import { benchIdentifierValidation, benchIdentifierValidationWithoutDetails } from './identifiers.bench.ts'
import { benchSeeding } from './seed.bench.ts'
import { benchStores } from './stores.ts'

const subjects = Number(process.env.BENCH_SUBJECTS ?? 1_000_000)
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })

console.log(`Xinyong benchmarks — Node ${process.version}, ${(await import('node:os')).cpus().length} cores`)

console.log('\n## Identifier validation (one core)')
const ids = await benchIdentifierValidation()
console.log(`identify(): ${fmt(ids.codes)} codes in ${fmt(ids.seconds, 2)} s = ${fmt(ids.codesPerSecond)} codes/s (target ≥ 1,000,000)`)
const bare = await benchIdentifierValidationWithoutDetails()
console.log(`identify(…, { details: false }): ${fmt(bare.codesPerSecond)} codes/s`)

console.log(`\n## Seeding ${fmt(subjects)} demo subjects into an empty store`)
for (const store of benchStores()) {
  const r = await benchSeeding(store, subjects)
  console.log(
    `${store.padEnd(8)} ${fmt(r.subjects)} subjects + ${fmt(r.identifierRows)} identifier rows in ${fmt(r.seconds, 1)} s = ${fmt(r.subjectsPerSecond)} subjects/s, RSS ${fmt(r.peakRssMb)} MB${store === 'sqlite' ? ' (target < 60 s)' : ''}`,
  )
}
