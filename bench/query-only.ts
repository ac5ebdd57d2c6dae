/** Runs only the query-platform bench: BENCH_STORES, BENCH_SUBJECTS, BENCH_RECORDS as for npm run bench. */
import { benchQueryPlatform } from './query.bench.ts'
import { benchStores } from './stores.ts'

const fmt = (n: number) => n.toLocaleString('en-US')
console.log(`\n## Query platform: ${fmt(Number(process.env.BENCH_SUBJECTS ?? 1_000_000))} subjects, ${fmt(Number(process.env.BENCH_RECORDS ?? 10_000_000))} records`)
for (const store of benchStores()) await benchQueryPlatform(store, (line) => console.log(line))
