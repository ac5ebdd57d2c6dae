/** `xinyong own-file` at the service-hall counter on each store: the own view and archiving on request. */
import { beforeAll, expect, it } from 'vitest'
import { describeEachPlatform } from '../../../test/platform-fixture.ts'
import { runCli } from '../../../test/cli-io.ts'
import { buildQueryCity, firmUscc, type QueryCity } from '../../profiles/testing.ts'

describeEachPlatform('xinyong own-file', (get) => {
  let city: QueryCity
  const run = (args: string[], now = '2026-03-02T02:00:00.000Z') => runCli(args, { env: { XINYONG_DATA_DIR: get().store.dir, DATABASE_URL: get().store.url, USER: 'counter', XINYONG_NOW: now } })

  beforeAll(async () => {
    city = await buildQueryCity(get().platform)
  })

  it('shows a verified subject its own file', async () => {
    const text = await run(['own-file', firmUscc, '--verified-by', '办事大厅窗口'])
    expect(text.code, text.stderr).toBe(0)
    expect(text.out[0]).toContain('新乡市查询测试食品有限公司')
    expect(text.stdout).toContain('记录 Records: 20')
    expect(text.stdout).toMatch(new RegExp(`#${city.recordOf('public', 'expired')} .* 可申请转为档案保存 may be archived`))
    expect(text.stdout).toMatch(new RegExp(`#${city.recordOf('public', 'current')} .* ARCHIVE_PERIOD_NOT_ENDED`))
    expect(text.stdout).toContain('异议 Objections: 0')
    const json = JSON.parse((await run(['own-file', firmUscc, '--verified-by', '办事大厅窗口', '--json'])).stdout)
    expect(json).toMatchObject({ verifiedBy: '办事大厅窗口', subject: { id: city.firmId } })
    expect(json.records).toHaveLength(20)
  })

  it('requires the verification channel and a known subject', async () => {
    const r = await run(['own-file', firmUscc])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('VERIFICATION_REQUIRED')
    expect((await run(['own-file', '91410700MA00000000', '--verified-by', 'x'])).code).toBe(1)
  })

  it('archives on request only after the publicity period', async () => {
    const id = String(city.recordOf('public', 'current'))
    const early = await run(['own-file', 'archive', firmUscc, id, '--verified-by', '办事大厅窗口'])
    expect(early.code).toBe(1)
    expect(early.stderr).toContain('ARCHIVE_NOT_ELIGIBLE')
    expect(early.stderr).toContain('2026-05-31')
    const later = await run(['own-file', 'archive', firmUscc, id, '--verified-by', '办事大厅窗口'], '2026-06-01T02:00:00.000Z')
    expect(later.code, later.stderr).toBe(0)
    expect(later.stdout).toMatch(new RegExp(`^已转为档案保存 Archived: 记录 record ${id}，决定 decision \\d+，2026-06-01T02:00:00.000Z$`))
    const audit = await get().platform.audit.list({ limit: 1, entityType: 'record', entityId: id })
    expect(audit[0]).toMatchObject({ action: 'record.archive', actorId: 'cli:counter' })
  })
})
