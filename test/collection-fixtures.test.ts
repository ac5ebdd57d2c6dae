/**
 * Real-looking department files through the whole pipeline on each store: a GBK CSV with Chinese
 * headers, a UTF-8 CSV with the national column codes, a CSV mixing both column generations, and an
 * XLSX — each with the bad rows listed in test/fixtures/collection/README.md rejected, and only those.
 */
import { beforeAll, expect, it } from 'vitest'
import { fileURLToPath } from 'node:url'
import { describeEachPlatform } from './platform-fixture.ts'
import type { Actor } from '../src/security/actor.ts'
import { installCityDepartments } from '../src/seeding/demo-seed.ts'

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/collection/${name}`, import.meta.url))
const system: Actor = { type: 'system', name: 'test' }

const cases = [
  { file: 'penalties-gbk.csv', encoding: 'gb18030', rejected: [12, 13, 14, 16, 17, 18] },
  { file: 'penalties-utf8-bom.csv', encoding: 'utf-8', rejected: [12, 13, 14, 15, 16, 17, 29] },
  { file: 'penalties-legacy.csv', encoding: 'utf-8', rejected: [12, 13, 14, 15, 16, 17] },
  { file: 'penalties.xlsx', encoding: null, rejected: [2, 12, 13, 14, 15, 16, 17] },
]

describeEachPlatform('department files', (get) => {
  beforeAll(async () => {
    const { platform } = get()
    await platform.catalog.installBaseCatalog(system)
    await installCityDepartments(platform, system)
  })

  it.each(cases)('$file: rejects exactly the bad rows, with the row numbers the clerk sees', async ({ file, encoding, rejected }) => {
    const { platform } = get()
    const summary = await platform.collection.ingestFile(system, { path: fixture(file), fileName: file, category: 'XZCF', departmentCode: 'SCJG', channel: 'cli' })
    const rejectedRows = [...new Set(summary.errors.filter((e) => e.row > 1).map((e) => e.row))].sort((a, b) => a - b)
    expect(rejectedRows, JSON.stringify(summary.errors, null, 1)).toEqual(rejected)
    expect(summary.rejected).toBe(rejected.length)
    expect(summary.accepted + summary.updated + summary.unchanged).toBe(summary.received - rejected.length)
    for (const e of summary.errors) {
      expect(e.code).toMatch(/^[A-Z_]+$/)
      expect(e.message).toMatch(/[\u4e00-\u9fff]/)
      expect(e.message_en).toMatch(/[a-z]/)
    }
    const batch = await platform.collection.getBatch(system, summary.batchId)
    expect(batch.status).toBe('committed')
    expect(batch.encoding).toBe(encoding)
  })

  it('refuses the simple-procedure penalty of a natural person with its own code', async () => {
    const { platform } = get()
    const batches = await platform.collection.listBatches(system, { limit: 10 })
    const gbk = batches.find((b) => b.fileName === 'penalties-gbk.csv')!
    const issues = await platform.collection.batchIssues(system, gbk.id, { severity: 'error', limit: 100 })
    expect(issues.filter((i) => i.row === 17).map((i) => i.code)).toContain('COLLECTION_EXCLUDED_SIMPLE_PROCEDURE')
  })

  it('revoked the record the legacy file marks 撤销 (before later files superseded it)', async () => {
    const { platform } = get()
    const legacy = (await platform.collection.listBatches(system, { limit: 10 })).find((b) => b.fileName === 'penalties-legacy.csv')!
    const event = await platform.database.db.selectFrom('events').select('payload').where('type', '=', 'batch.committed').execute()
    const payload = event.map((e) => JSON.parse(e.payload)).find((p) => p.batchId === legacy.id)
    expect(payload.revoked).toBe(1)
    const versions = await platform.database.db.selectFrom('record_versions').select('status').where('batch_id', '=', legacy.id).where('source_row', '=', 22).execute()
    expect(versions).toEqual([{ status: 'superseded' }])
  })

  it('changes nothing when the same file is sent again', async () => {
    const { platform } = get()
    const again = await platform.collection.ingestFile(system, { path: fixture('penalties.xlsx'), fileName: 'penalties.xlsx', category: 'XZCF', departmentCode: 'SCJG', channel: 'cli' })
    expect(again).toMatchObject({ accepted: 0, updated: 0, rejected: 7 })
    expect(again.unchanged).toBe(again.received - 7)
  })
})
