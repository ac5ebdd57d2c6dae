/**
 * Runs once before the suite: every store-touching test runs on SQLite and PostgreSQL, so a
 * PostgreSQL that cannot be reached fails the run here, loudly, instead of skipping half of it.
 */
import pg from 'pg'
import { testStores, testPostgresUrl } from './stores.ts'

export default async function setup() {
  if (!testStores().includes('postgres')) return
  const client = new pg.Client({ connectionString: testPostgresUrl(), connectionTimeoutMillis: 5000 })
  try {
    await client.connect()
    await client.query('select 1')
    // Suites killed mid-run leave their schemas behind; drop those whose process is gone.
    const leftovers = await client.query<{ nspname: string }>("select nspname from pg_namespace where nspname ~ '^t_[0-9]+_[0-9a-f]+$'")
    for (const { nspname } of leftovers.rows) {
      const pid = Number(nspname.split('_')[1])
      if (!processAlive(pid)) await client.query(`drop schema if exists ${nspname} cascade`)
    }
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${testPostgresUrl()} (${(error as Error).message}). ` +
        'The test suite runs every store test on PostgreSQL too: start it (bash .ci/run does), or set ' +
        'XINYONG_TEST_POSTGRES_URL. Outside CI, XINYONG_TEST_STORES=sqlite limits a local run to SQLite.',
    )
  } finally {
    await client.end().catch(() => {})
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
