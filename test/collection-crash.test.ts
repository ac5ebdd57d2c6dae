/**
 * Nothing half-written survives a crash: `xinyong ingest` is killed with SIGKILL in the middle of a
 * batch; none of its rows are visible and the batch is not completed; running it again completes it.
 */
import { beforeAll, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { sql } from 'kysely'
import { describeEachPlatform } from './platform-fixture.ts'
import { writePenaltyCsv } from '../bench/penalty-file.ts'
import { runCli } from './cli-io.ts'
import { installCityDepartments } from '../src/seeding/demo-seed.ts'

const ROWS = 150_000

describeEachPlatform('a killed ingestion', (get) => {
  let file: string
  beforeAll(async () => {
    const { platform, store } = get()
    const system = { type: 'system' as const, name: 'test' }
    await platform.catalog.installBaseCatalog(system)
    await installCityDepartments(platform, system)
    file = join(store.dir, 'penalties.csv')
    await writePenaltyCsv(file, ROWS, { seed: 7, badRate: 0.05, subjectSeed: 1, subjects: 50_000 })
  }, 120_000)

  it('leaves no row of the batch visible and the batch not completed; a second run completes it', async () => {
    const { platform, store } = get()
    const db = platform.database.db
    const env = { ...process.env, DATABASE_URL: store.url, XINYONG_DATA_DIR: store.dir, XINYONG_ENV: 'test' }
    const child = spawn(process.execPath, ['bin/xinyong.js', 'ingest', file, '--category', 'XZCF', '--department', 'SCJG', '--json'], { env, stdio: 'ignore' })
    const exited = new Promise((resolve) => child.on('exit', resolve))
    // Wait until the batch is under way, then give it time to write chunks inside its transaction.
    for (let i = 0; i < 200; i++) {
      const batch = await db.selectFrom('batches').select('status').executeTakeFirst()
      if (batch) break
      await new Promise((r) => setTimeout(r, 50))
    }
    await new Promise((r) => setTimeout(r, 1500))
    child.kill('SIGKILL')
    await exited

    const count = async (table: 'records' | 'record_versions' | 'batch_errors') => Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n)
    expect(await count('records')).toBe(0)
    expect(await count('record_versions')).toBe(0)
    expect(await count('batch_errors')).toBe(0)
    const [killed] = await db.selectFrom('batches').selectAll().execute()
    expect(killed).toMatchObject({ status: 'validating', completed_at: null })

    const again = await runCli(['ingest', file, '--category', 'XZCF', '--department', 'SCJG', '--json'], { env: { DATABASE_URL: store.url, XINYONG_DATA_DIR: store.dir } })
    expect(again.code, again.stderr).toBe(0)
    const summary = JSON.parse(again.stdout)
    expect(summary.received).toBe(ROWS)
    expect(summary.accepted + summary.updated + summary.rejected).toBe(ROWS)
    expect(await count('records')).toBe(summary.accepted)
    const statuses = await db.selectFrom('batches').select(['id', 'status']).orderBy('id').execute()
    expect(statuses).toEqual([
      { id: killed!.id, status: 'interrupted' },
      { id: summary.batchId, status: 'committed' },
    ])
  }, 180_000)
})
