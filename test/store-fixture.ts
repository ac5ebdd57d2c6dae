/**
 * Store tests run once per store (SQLite and PostgreSQL). Each suite gets a fresh, migrated database:
 * a temporary SQLite file, or its own PostgreSQL schema that is dropped afterwards.
 */
import { afterAll, beforeAll, describe } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { openDatabase, type Database } from '../src/db/create-database.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import { testPostgresUrl, testStores, type StoreName } from './stores.ts'

export interface TestStore {
  name: StoreName
  database: Database
  /** A temporary folder for key files and uploads. */
  dir: string
  /** A URL that opens this same store again (for the CLI and child processes). */
  url: string
}

export async function openTestStore(name: StoreName): Promise<TestStore & { dispose(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'xinyong-test-'))
  if (name === 'sqlite') {
    const url = join(dir, 'test.db')
    const database = openDatabase(url)
    await migrateToLatest(database)
    return {
      name,
      database,
      dir,
      url,
      dispose: async () => {
        await database.close()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  const schema = `t_${process.pid}_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: testPostgresUrl() })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  await admin.end()
  const database = openDatabase(testPostgresUrl(), { schema, poolSize: 4 })
  await migrateToLatest(database)
  const url = new URL(testPostgresUrl())
  url.searchParams.set('schema', schema)
  return {
    name,
    database,
    dir,
    url: url.toString(),
    dispose: async () => {
      await database.close()
      const cleanup = new pg.Client({ connectionString: testPostgresUrl() })
      await cleanup.connect()
      await cleanup.query(`drop schema ${schema} cascade`)
      await cleanup.end()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** describe() once per store; the callback gets a getter for the suite's store. */
/** `only`: for behaviour one store has and the other cannot (e.g. PostgreSQL's concurrent writers). */
export function describeEachStore(title: string, body: (store: () => TestStore) => void, options: { only?: StoreName[] } = {}) {
  for (const name of testStores().filter((n) => !options.only || options.only.includes(n))) {
    describe(`${title} [${name}]`, () => {
      let current: (TestStore & { dispose(): Promise<void> }) | undefined
      beforeAll(async () => {
        current = await openTestStore(name)
      })
      afterAll(async () => {
        await current?.dispose()
      })
      body(() => {
        if (!current) throw new Error('store not opened')
        return current
      })
    })
  }
}
