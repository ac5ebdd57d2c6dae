/**
 * Search figures alone: node bin/run-ts.js bench/search-only.ts
 * Seeds BENCH_SUBJECTS demo subjects (default 1,000,000) into a fresh store of each of BENCH_STORES,
 * then runs benchSearch.
 */
import { seedDemo } from '../src/seeding/demo-seed.ts'
import { benchSearch } from './search.bench.ts'
import { benchStores, openBenchPlatform } from './stores.ts'

const subjects = Number(process.env.BENCH_SUBJECTS ?? 1_000_000)
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })

for (const store of benchStores()) {
  const bench = await openBenchPlatform(store)
  try {
    const seeded = await seedDemo(bench.platform, { subjects, password: 'Bench-Password-2026!' })
    console.log(`\n## Search on ${store}: ${fmt(seeded.subjectsAdded)} demo subjects seeded in ${fmt(seeded.seconds.subjects, 1)} s`)
    await benchSearch(bench.platform, (line) => console.log(line))
  } finally {
    await bench.dispose()
  }
}
