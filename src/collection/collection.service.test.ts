/** Collection end to end on each store: API and file batches, linking, versions, provenance, reports. */
import { beforeAll, expect, it } from 'vitest'
import { join } from 'node:path'
import { writeFileSync } from 'node:fs'
import { PassThrough } from 'node:stream'
import { describeEachPlatform } from '../../test/platform-fixture.ts'
import { cityDepartments } from '../demo/city-departments.ts'
import { makeResidentId, makeUscc } from '../identifiers/index.ts'
import { openFileSource } from './sources/open-source.ts'
import type { Actor } from '../security/actor.ts'
import { installCityDepartments } from '../seeding/demo-seed.ts'

const system: Actor = { type: 'system', name: 'test' }
const scjg = cityDepartments.find((d) => d.code === 'SCJG')!
const clerk: Actor = { type: 'user', id: 1, username: 'clerk', displayName: '报送员', departmentId: 0, departmentCode: 'SCJG', roles: ['department_operator'] }

const csvLine = (values: string[]) => values.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')

const firm = (n: number) => makeUscc({ authority: '9', category: '1', division: '410702', orgCodeBody8: `MA${String(n).padStart(6, '0')}` })

function penalty(n: number, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    行政相对人名称: `新乡市测试${n}食品有限公司`,
    行政相对人类别: '法人及非法人组织',
    统一社会信用代码: firm(n),
    法定代表人: '王建国',
    法定代表人证件类型: '身份证',
    法定代表人证件号码: makeResidentId({ area: '410702', birthDate: '19700101', sequence: 11 }),
    行政处罚决定书文号: `新市监罚〔2025〕${n}号`,
    违法行为类型: '销售不符合食品安全标准的食品',
    违法事实: '经查，当事人销售过期食品。',
    处罚依据: '《中华人民共和国食品安全法》第一百二十四条',
    处罚类别: '罚款',
    处罚内容: '罚款人民币5,000元',
    '罚款金额（万元）': '0.5',
    处罚决定日期: '2025-03-05',
    处罚有效期: '2026-03-05',
    公示截止期: '2026-03-05',
    处罚机关: scjg.name,
    处罚机关统一社会信用代码: scjg.uscc,
    数据来源单位: scjg.name,
    数据来源单位统一社会信用代码: scjg.uscc,
    ...overrides,
  }
}

describeEachPlatform('collection', (get) => {
  let actor: Actor
  beforeAll(async () => {
    const { platform } = get()
    await platform.catalog.installBaseCatalog(system)
    await installCityDepartments(platform, system)
    const department = await platform.departments.get('SCJG')
    actor = { ...clerk, departmentId: department.id } as Actor
    await platform.subjects.register(system, { kind: 'enterprise', name: '新乡市测试1食品有限公司', identifiers: [{ scheme: 'uscc', value: firm(1) }] })
  })

  it('accepts good rows, rejects bad ones with row, column, code and both languages, and commits the batch', async () => {
    const { platform } = get()
    const summary = await platform.collection.submitRecords(actor, { category: 'XZCF', records: [penalty(1), penalty(2), penalty(3, { 处罚决定日期: '2025-02-30' }), penalty(4)] })
    expect(summary).toMatchObject({ received: 4, accepted: 3, updated: 0, unchanged: 0, rejected: 1 })
    expect(summary.errors).toContainEqual(expect.objectContaining({ row: 3, column: '处罚决定日期', value: '2025-02-30', code: 'COLLECTION_DATE_INVALID' }))
    expect(summary.errors[0]!.message).toMatch(/[\u4e00-\u9fff]/)
    const batch = await platform.collection.getBatch(actor, summary.batchId)
    expect(batch).toMatchObject({ status: 'committed', accepted: 3, rejected: 1, channel: 'api', departmentCode: 'SCJG' })
  })

  it('links a known subject by USCC and creates an unknown one', async () => {
    const { platform } = get()
    const known = await platform.subjects.basicRecord(system, firm(1))
    const records = await platform.database.db.selectFrom('records').select(['subject_id', 'business_key']).orderBy('id').execute()
    expect(records[0]!.subject_id).toBe(known.id)
    const created = await platform.subjects.basicRecord(system, firm(2))
    expect(created).toMatchObject({ name: '新乡市测试2食品有限公司', kind: 'enterprise', division: '410702' })
  })

  it('changes nothing when the same batch is sent again', async () => {
    const { platform } = get()
    const before = await platform.database.db.selectFrom('record_versions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    const summary = await platform.collection.submitRecords(actor, { category: 'XZCF', records: [penalty(1), penalty(2), penalty(3, { 处罚决定日期: '2025-02-30' }), penalty(4)] })
    expect(summary).toMatchObject({ accepted: 0, updated: 0, unchanged: 3, rejected: 1 })
    const after = await platform.database.db.selectFrom('record_versions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
  })

  it('treats full-width and half-width brackets of a decision number as the same record', async () => {
    const { platform } = get()
    const summary = await platform.collection.submitRecords(actor, { category: 'XZCF', records: [penalty(1, { 行政处罚决定书文号: '新市监罚(2025)1号' })] })
    expect(summary).toMatchObject({ accepted: 0, unchanged: 1 })
  })

  it('keeps every version: new content supersedes, a revocation revokes, nothing is overwritten', async () => {
    const { platform } = get()
    const revised = await platform.collection.submitRecords(actor, { category: 'XZCF', records: [penalty(2, { 处罚内容: '罚款人民币6,000元', '罚款金额（万元）': '0.6' })] })
    expect(revised).toMatchObject({ accepted: 0, updated: 1 })
    const revoked = await platform.collection.submitRecords(actor, { category: 'XZCF', records: [penalty(2, { 处罚内容: '罚款人民币6,000元', '罚款金额（万元）': '0.6', 状态: '撤销' })] })
    expect(revoked).toMatchObject({ updated: 1 })
    const db = platform.database.db
    const record = await db.selectFrom('records').selectAll().where('business_key', 'like', '%2025%2号%').executeTakeFirstOrThrow()
    expect(record).toMatchObject({ status: 'revoked', current_version: 3 })
    const versions = await db.selectFrom('record_versions').select(['version', 'status']).where('record_id', '=', record.id).orderBy('version').execute()
    expect(versions).toEqual([
      { version: 1, status: 'superseded' },
      { version: 2, status: 'superseded' },
      { version: 3, status: 'revoked' },
    ])
    const events = await db.selectFrom('events').select(['type', 'payload']).orderBy('seq').execute()
    expect(events.slice(-2).map((e) => [e.type, JSON.parse(e.payload).updated, JSON.parse(e.payload).revoked])).toEqual([
      ['batch.committed', 1, 0],
      ['batch.committed', 1, 1],
    ])
  })

  it('stores provenance on every version and never an identity number in clear', async () => {
    const { platform } = get()
    const v = await platform.database.db.selectFrom('record_versions').selectAll().orderBy('id').executeTakeFirstOrThrow()
    expect(v).toMatchObject({ source_row: 1, submitted_by: 'user:clerk', catalog_version: 1 })
    expect(v.batch_id).toBeGreaterThan(0)
    expect(v.file_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(v.received_at).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    const everything = JSON.stringify(await platform.database.db.selectFrom('record_versions').select('payload').execute())
    expect(everything).not.toContain(makeResidentId({ area: '410702', birthDate: '19700101', sequence: 11 }))
    expect(everything).toContain('410702********')
  })

  it('warns when a known USCC comes with another name, and keeps that name as an alias', async () => {
    const { platform } = get()
    const summary = await platform.collection.submitRecords(actor, { category: 'XZCF', records: [penalty(5, { 行政相对人名称: '新乡市测试1食品有限公司', 统一社会信用代码: firm(1), 行政处罚决定书文号: '新市监罚〔2025〕501号' })] })
    expect(summary).toMatchObject({ accepted: 1, warnings: 0 })
    const sameInOtherWidth = await platform.collection.submitRecords(actor, { category: 'XZCF', records: [penalty(7, { 行政相对人名称: '新乡市测试１食品有限公司', 统一社会信用代码: firm(1) })] })
    expect(sameInOtherWidth.warnings).toBe(0)
    const renamed = await platform.collection.submitRecords(actor, { category: 'XZCF', records: [penalty(6, { 行政相对人名称: '新乡市测试壹食品有限公司', 统一社会信用代码: firm(1) })] })
    expect(renamed.warnings).toBe(1)
    const issues = await platform.collection.batchIssues(actor, renamed.batchId, { severity: 'warning', limit: 10 })
    expect(issues[0]).toMatchObject({ code: 'COLLECTION_NAME_DIFFERS', row: 1 })
    const basic = await platform.subjects.basicRecord(system, firm(1))
    expect(basic.formerNames).toContainEqual(expect.objectContaining({ name: '新乡市测试壹食品有限公司', source: 'observed' }))
  })

  it('stores values with tabs, line breaks, quotes and backslashes exactly as sent', async () => {
    const { platform } = get()
    const facts = '经查，当事人\t销售"过期"食品。\n第二行 C:\\库房\\N'
    const summary = await platform.collection.submitRecords(actor, { category: 'XZCF', records: [penalty(46, { 违法事实: facts, 法定代表人: '王\t建国' })] })
    expect(summary.accepted).toBe(1)
    const v = await platform.database.db.selectFrom('record_versions').select('payload').orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(JSON.parse(v.payload)).toMatchObject({ CF_SY: facts })
  })

  it('compares the names of a whole batch once, warning once per new name of each subject, in row order', async () => {
    const { platform } = get()
    await platform.collection.submitRecords(actor, { category: 'XZCF', records: [penalty(40, { 行政相对人名称: '新乡市测试2食品有限公司', 统一社会信用代码: firm(2) }), penalty(41, { 行政相对人名称: '新乡市测试3食品有限公司', 统一社会信用代码: firm(3) })] })
    const summary = await platform.collection.submitRecords(actor, {
      category: 'XZCF',
      records: [
        penalty(42, { 行政相对人名称: '新乡市测试贰食品有限公司', 统一社会信用代码: firm(2) }),
        penalty(43, { 行政相对人名称: '新乡市测试３食品有限公司', 统一社会信用代码: firm(3) }),
        penalty(44, { 行政相对人名称: '新乡市测试贰食品有限公司', 统一社会信用代码: firm(2) }),
        penalty(45, { 行政相对人名称: '新乡市测试二食品有限公司', 统一社会信用代码: firm(2) }),
      ],
    })
    expect(summary).toMatchObject({ accepted: 4, warnings: 2 })
    const issues = await platform.collection.batchIssues(actor, summary.batchId, { severity: 'warning', limit: 10 })
    expect(issues.map((i) => [i.code, i.row, i.value])).toEqual([
      ['COLLECTION_NAME_DIFFERS', 1, '新乡市测试贰食品有限公司'],
      ['COLLECTION_NAME_DIFFERS', 4, '新乡市测试二食品有限公司'],
    ])
    const basic = await platform.subjects.basicRecord(system, firm(2))
    expect(basic.formerNames.filter((n) => n.source === 'observed').map((n) => n.name).sort()).toEqual(['新乡市测试二食品有限公司', '新乡市测试贰食品有限公司'])
  })

  it('rejects control characters and warns about a key repeated in one batch, keeping both rows as versions', async () => {
    const { platform } = get()
    const summary = await platform.collection.submitRecords(actor, {
      category: 'XZCF',
      records: [penalty(30, { 违法事实: '含\u0007响铃' }), penalty(31), penalty(31, { 处罚内容: '罚款人民币8,000元', '罚款金额（万元）': '0.8' })],
    })
    expect(summary).toMatchObject({ received: 3, rejected: 1, accepted: 1, updated: 1 })
    expect(summary.errors[0]).toMatchObject({ row: 1, code: 'COLLECTION_CONTROL_CHARACTER', column: '违法事实' })
    const warnings = await platform.collection.batchIssues(actor, summary.batchId, { severity: 'warning', limit: 10 })
    expect(warnings.map((w) => [w.row, w.code])).toEqual([[3, 'COLLECTION_DUPLICATE_IN_BATCH']])
    const record = await platform.database.db.selectFrom('records').select(['id', 'current_version']).where('business_key', 'like', '%2025%31号%').executeTakeFirstOrThrow()
    expect(record.current_version).toBe(2)
  })

  it('refuses a department that does not provide the item, and another department’s clerk', async () => {
    const { platform } = get()
    const court = await platform.departments.get('ZYFY')
    const courtClerk = { ...clerk, departmentId: court.id, departmentCode: 'ZYFY' } as Actor
    await expect(platform.collection.submitRecords(courtClerk, { category: 'XZCF', records: [penalty(9)] })).rejects.toMatchObject({ code: 'CATEGORY_NOT_PROVIDED', kind: 'forbidden' })
    await expect(platform.collection.submitRecords(actor, { category: 'XZCF', departmentCode: 'STHJ', records: [penalty(9)] })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(platform.collection.submitRecords({ type: 'public' }, { category: 'XZCF', records: [penalty(9)] })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
  })

  it('ingests a file on a worker thread and gives the clerk the rejected rows to fix and send again', async () => {
    const { platform, store } = get()
    const rows = [penalty(20), penalty(21, { 统一社会信用代码: '91410702MA*****X' }), penalty(22, { '罚款金额（万元）': '壹仟元' }), penalty(23)]
    const headers = Object.keys(rows[0]!)
    const file = join(store.dir, 'penalties.csv')
    writeFileSync(file, '\ufeff' + [headers.join(','), ...rows.map((r) => csvLine(headers.map((h) => r[h]!)))].join('\r\n'))
    const summary = await platform.collection.ingestFile(actor, { path: file, fileName: '处罚.csv', category: 'XZCF', channel: 'file' })
    expect(summary).toMatchObject({ received: 4, accepted: 2, rejected: 2 })
    expect(summary.errors.map((e) => [e.row, e.code])).toEqual([
      [3, 'COLLECTION_IDENTIFIER_MASKED'],
      [4, 'COLLECTION_AMOUNT_CHINESE_NUMERAL'],
    ])

    for (const format of ['csv', 'xlsx'] as const) {
      const out = join(store.dir, `rejected.${format}`)
      const sink = new PassThrough()
      const chunks: Buffer[] = []
      sink.on('data', (c: Buffer) => chunks.push(c))
      await platform.collection.errorReport(actor, summary.batchId, format, sink)
      writeFileSync(out, Buffer.concat(chunks))
      const source = await openFileSource(out)
      expect(source.headers.slice(0, headers.length)).toEqual(headers)
      const read: string[][] = []
      for await (const row of source.rows) read.push(row.values)
      expect(read).toHaveLength(2)
      expect(read[0]![headers.indexOf('统一社会信用代码')]).toBe('91410702MA*****X')
    }

    // The clerk fixes the two rows and sends the file again: only they are new.
    const fixed = join(store.dir, 'fixed.csv')
    const again = [penalty(20), penalty(21), penalty(22), penalty(23)]
    writeFileSync(fixed, [headers.join(','), ...again.map((r) => csvLine(headers.map((h) => r[h]!)))].join('\n'))
    const second = await platform.collection.ingestFile(actor, { path: fixed, fileName: '处罚-修正.csv', category: 'XZCF', channel: 'file' })
    expect(second).toMatchObject({ accepted: 2, unchanged: 2, rejected: 0 })
  })

  it('marks a failed file batch failed and writes none of its rows', async () => {
    const { platform, store } = get()
    const file = join(store.dir, 'broken.xlsx')
    writeFileSync(file, 'PK\u0003\u0004 this is not really a workbook')
    const before = await platform.database.db.selectFrom('records').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    await expect(platform.collection.ingestFile(actor, { path: file, fileName: 'broken.xlsx', category: 'XZCF', channel: 'file' })).rejects.toMatchObject({ code: expect.stringMatching(/^FILE_/) })
    const batches = await platform.collection.listBatches(actor, { limit: 1 })
    expect(batches[0]).toMatchObject({ status: 'failed', fileName: 'broken.xlsx' })
    const after = await platform.database.db.selectFrom('records').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
  })
})
