/** `xinyong publicity` on each store, with XINYONG_NOW moving the clock past a record's window. */
import { beforeAll, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describeEachPlatform } from '../../../test/platform-fixture.ts'
import { runCli } from '../../../test/cli-io.ts'
import { buildQueryCity, type QueryCity } from '../../profiles/testing.ts'

describeEachPlatform('the xinyong publicity command', (get) => {
  let city: QueryCity
  const run = (args: string[], now: string) => runCli(args, { env: { XINYONG_DATA_DIR: get().store.dir, DATABASE_URL: get().store.url, USER: 'tester', XINYONG_NOW: now } })
  const before = '2026-05-31T08:00:00+08:00'
  const after = '2026-06-01T00:00:00+08:00'

  beforeAll(async () => {
    city = await buildQueryCity(get().platform)
  })

  it('explains which rule, tier and dates apply and why the record is shown, in Chinese with English', async () => {
    const r = await run(['publicity', 'explain', String(city.recordOf('public', 'current'))], before)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('公示中 shown')
    expect(r.stdout).toContain('一般 general (默认分级表 default table)')
    expect(r.stdout).toContain('起算 Start: 2025-06-01 (决定日期 decision date)')
    expect(r.stdout).toContain('最短期满 Minimum end (repair from): 2025-09-01   最长期满 Maximum end: 2026-06-01')
    expect(r.stdout).toMatch(/一般失信公示期.*\n.*general record is shown/)
    const json = await run(['publicity', 'explain', String(city.recordOf('public', 'current')), '--json'], before)
    expect(JSON.parse(json.stdout)).toMatchObject({ state: 'shown', tier: 'general', end: '2026-06-01' })
    expect((await run(['publicity', 'explain', 'x'], before)).stderr).toContain('RECORD_ID_INVALID')
  })

  it('with XINYONG_NOW past the window: ended, and one publicity.ended event from tick', async () => {
    const id = city.recordOf('public', 'current')
    expect((await run(['publicity', 'tick'], before)).code).toBe(0)
    const explained = await run(['publicity', 'explain', String(id)], after)
    expect(explained.stdout).toContain('公示期已满 ended')
    expect(explained.stdout).toContain('社会公众不可见 not visible to the public')
    const tick = await run(['publicity', 'tick'], after)
    expect(tick.code, tick.stderr).toBe(0)
    expect(tick.stdout).toMatch(/公示结束 ended [1-9]\d*/)
    expect((await run(['publicity', 'tick'], after)).stdout).toBe('公示结束 ended 0  转档 archived 0')
    const events = await get().platform.database.db.selectFrom('events').select('payload').where('type', '=', 'publicity.ended').where('record_id', '=', id).execute()
    expect(events.map((e) => JSON.parse(e.payload).endedOn)).toEqual(['2026-06-01'])
  })

  it('shows and installs rule-set versions', async () => {
    const list = await run(['publicity', 'rules', 'show'], before)
    expect(list.stdout).toMatch(/^v1\s+现行 in force/)
    const shown = JSON.parse((await run(['publicity', 'rules', 'show', '1'], before)).stdout)
    const file = join(get().store.dir, 'rules.json')
    writeFileSync(file, JSON.stringify({ ...shown, name: '修订版', effectiveFrom: '2026-07-01' }))
    const installed = await run(['publicity', 'rules', 'install', file], before)
    expect(installed.code, installed.stderr).toBe(0)
    expect(installed.stdout).toContain('已安装 Installed v2 自 from 2026-07-01')
    expect((await run(['publicity', 'rules', 'show'], '2026-07-01T00:00:00+08:00')).stdout).toMatch(/v2\s+现行 in force/)
    writeFileSync(file, JSON.stringify({ ...shown, tiers: {} }))
    const broken = await run(['publicity', 'rules', 'install', file], before)
    expect(broken.code).toBe(1)
    expect(broken.stderr).toContain('PUBLICITY_RULES_INVALID')
  })
})
