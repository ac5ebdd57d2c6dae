/** Fresh, migrated stores for benchmarks: a temporary SQLite file, or a PostgreSQL schema dropped afterwards. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { openDatabase } from '../src/db/create-database.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import { loadConfig } from '../src/config.ts'
import { assemblePlatform, type Platform } from '../src/platform.ts'
import { systemClock } from '../src/clock.ts'

export type BenchStore = 'sqlite' | 'postgres'

export const benchStores = (): BenchStore[] =>
  (process.env.BENCH_STORES ?? 'sqlite,postgres').split(',').map((s) => s.trim()).filter((s): s is BenchStore => s === 'sqlite' || s === 'postgres')

export const benchPostgresUrl = () => process.env.XINYONG_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

export async function openBenchPlatform(store: BenchStore): Promise<{ platform: Platform; url: string; dispose(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'xinyong-bench-'))
  let url: string
  let dropSchema: string | undefined
  if (store === 'sqlite') {
    url = join(dir, 'bench.db')
  } else {
    dropSchema = `bench_${process.pid}_${randomBytes(3).toString('hex')}`
    const u = new URL(benchPostgresUrl())
    u.searchParams.set('schema', dropSchema)
    url = u.toString()
  }
  const database = openDatabase(url)
  await migrateToLatest(database)
  const config = loadConfig({ XINYONG_ENV: 'test' }, { dataDir: dir, databaseUrl: url })
  const platform = assemblePlatform({ config, database, clock: systemClock, dataKey: randomBytes(32) })
  return {
    platform,
    url,
    async dispose() {
      await platform.close()
      if (dropSchema) {
        const client = new pg.Client({ connectionString: benchPostgresUrl() })
        await client.connect()
        await client.query(`drop schema ${dropSchema} cascade`)
        await client.end()
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
