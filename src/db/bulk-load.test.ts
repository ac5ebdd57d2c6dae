import { describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { describeEachStore } from '../../test/store-fixture.ts'
import { bulkLoad, type BulkTable } from './bulk-load.ts'
import { openDatabase } from './create-database.ts'
import { migrateToLatest } from './migrate.ts'

const tables: BulkTable[] = [
  { name: 'subjects', columns: ['id', 'kind', 'name', 'division', 'status', 'legal_representative', 'established_on', 'created_at', 'updated_at'] },
  { name: 'subject_identifiers', columns: ['id', 'subject_id', 'scheme', 'value', 'value_hash', 'ciphertext', 'masked', 'created_at'] },
]
const at = '2026-01-01T00:00:00.000Z'
const subject = (id: number) => [id, 'enterprise', `名称\t含制表符\\与换行\n${id}`, '410700', 'active', null, null, at, at]
const identifier = (id: number, value: string) => [id, id, 'uscc', value, null, null, null, at]

describeEachStore('bulk loading', (store) => {
  it('rolls back everything, indexes included, when a unique key repeats', async () => {
    const { database } = store()
    const chunks = [
      [[subject(1), subject(2)], [identifier(1, 'A'), identifier(2, 'B')]],
      [[subject(3)], [identifier(3, 'A')]],
    ]
    await expect(bulkLoad(database, tables, chunks)).rejects.toThrow()
    expect(await database.db.selectFrom('subjects').select('id').execute()).toEqual([])
    const indexes = (await database.db.introspection.getTables()).length
    expect(indexes).toBeGreaterThan(0)
    // The unique index is back: a duplicate inserted the ordinary way still fails.
    await bulkLoad(database, tables, [[[subject(1), subject(2)], [identifier(1, 'A'), identifier(2, 'B')]]])
    await expect(database.db.insertInto('subject_identifiers').values({ subject_id: 1, scheme: 'uscc', value: 'A', value_hash: null, ciphertext: null, masked: null, created_at: at }).execute()).rejects.toThrow()
  })

  it('keeps tabs, backslashes and newlines in text intact, and continues ids afterwards', async () => {
    const { database } = store()
    const row = await database.db.selectFrom('subjects').select('name').where('id', '=', 2).executeTakeFirstOrThrow()
    expect(row.name).toBe('名称\t含制表符\\与换行\n2')
    const next = await database.db.insertInto('subjects').values({ kind: 'enterprise', name: 'n', division: null, status: 'active', legal_representative: null, established_on: null, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()
    expect(next.id).toBe(3)
  })
})

describe('bulk loading into an empty SQLite file', () => {
  const fresh = async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xinyong-bulk-'))
    const file = join(dir, 'load.db')
    const database = openDatabase(file)
    await migrateToLatest(database)
    return { dir, file, database }
  }
  const rows = (n: number) => [[Array.from({ length: n }, (_, i) => subject(i + 1)), Array.from({ length: n }, (_, i) => identifier(i + 1, `V${i}`))]]
  const walBytes = (file: string) => (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0)

  it('writes each page once through a rollback journal, then returns to write-ahead logging', async () => {
    const { dir, file, database } = await fresh()
    try {
      database.sqlite!.pragma('wal_checkpoint(truncate)')
      expect(await bulkLoad(database, tables, rows(5000))).toBe(10_000)
      expect(database.sqlite!.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(walBytes(file)).toBe(0)
      expect((await database.db.selectFrom('subjects').select('id').execute()).length).toBe(5000)
    } finally {
      await database.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('stays in write-ahead logging when another connection has the file open, and still loads', async () => {
    const { dir, file, database } = await fresh()
    const reader = new Sqlite(file)
    try {
      reader.prepare('select count(*) from subjects').get()
      expect(await bulkLoad(database, tables, rows(5000))).toBe(10_000)
      expect(database.sqlite!.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(walBytes(file)).toBeGreaterThan(0)
      expect(reader.prepare('select count(*) as n from subjects').get()).toEqual({ n: 5000 })
    } finally {
      reader.close()
      await database.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
