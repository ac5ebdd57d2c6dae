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
