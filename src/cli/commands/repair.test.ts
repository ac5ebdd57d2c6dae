/** `xinyong repair …` on each store, with the clock fixed by XINYONG_NOW: a thin edge over the repair service. */
import { beforeAll, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describeEachStore } from '../../../test/store-fixture.ts'
import { runCli } from '../../../test/cli-io.ts'
import { loadConfig } from '../../config.ts'
import { openPlatform } from '../../platform.ts'
import { buildQueryCity, firmUscc, type QueryCity } from '../../profiles/testing.ts'
import { pdf } from '../../repairs/testing.ts'

const NOW = '2026-03-02T02:00:00.000Z'

describeEachStore('the xinyong repair command', (store) => {
  let city: QueryCity
  const env = (now = NOW) => ({ XINYONG_DATA_DIR: store().dir, DATABASE_URL: store().url, USER: 'tester', XINYONG_NOW: now })
  const run = (args: string[], now?: string) => runCli(['repair', ...args], { env: env(now) })

  beforeAll(async () => {
    // The same data key file as the command's, so that sealed personal values stay readable.
    const platform = await openPlatform(loadConfig({ ...env(), XINYONG_ENV: 'test' }))
    try {
      city = await buildQueryCity(platform)
    } finally {
      await platform.close()
    }
  })

  it('tells whether a record may be repaired, with every unmet condition', async () => {
    const ok = await run(['eligibility', String(city.recordOf('public', 'current'))])
    expect(ok.code, ok.stderr).toBe(0)
    expect(ok.stdout).toContain('可以申请信用修复 May apply (新乡市市场监督管理局)')
    expect(ok.stdout).toContain('信用承诺书')
    const no = await run(['eligibility', String(city.recordOf('public', 'expired'))])
    expect(no.code).toBe(1)
    expect(no.stdout).toContain('不能申请信用修复 May not apply')
    expect(no.stdout).toContain('not being published now')
    expect((await run(['eligibility', 'abc'])).stderr).toContain('ID_INVALID')
  })

  it('applies, lists, accepts, approves and ticks', async () => {
    const file = join(store().dir, '缴款凭证.pdf')
    writeFileSync(file, pdf('cli'))
    const recordId = city.recordOf('public', 'current')
    const applied = await run(['apply', '--record', String(recordId), '--subject', firmUscc, '--name', '新乡市查询测试食品有限公司', '--contact', '0373-1234567', '--commitment', '承诺守信', '--obligations', '已缴纳罚款', '--material', file])
    expect(applied.code, applied.stderr).toBe(0)
    expect(applied.stdout).toMatch(/受理编号 Receipt: XF20260302-\w{8}/)
    expect(applied.stdout).toContain('feedback due 2026-03-16')

    const list = await run(['list', '--state', 'submitted'])
    const id = list.stdout.trim().split(/\s+/)[0]!
    expect(list.stdout).toContain(`record ${recordId}`)
    expect((await run(['accept', id], '2026-03-03T02:00:00.000Z')).code).toBe(0)
    const shown = JSON.parse((await run(['show', id])).stdout)
    expect(shown).toMatchObject({ state: 'accepted', decisionDueOn: '2026-03-06', materials: [{ name: '缴款凭证.pdf' }] })

    expect((await run(['decide', id])).stderr).toContain('REPAIR_OUTCOME_REQUIRED')
    expect((await run(['tick'], '2026-03-05T02:00:00.000Z')).stdout).toContain('reminders +1, 超期 overdue +0')
    const decided = await run(['decide', id, '--approve'], '2026-03-05T03:00:00.000Z')
    expect(decided.code, decided.stderr).toBe(0)
    expect(decided.stdout).toMatch(/XF20260302-\w{8}: approved/)
    expect((await run(['list', '--overdue'], '2026-04-01T02:00:00.000Z')).stdout).toBe('')
    const refused = await run(['withdraw', id])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('REPAIR_TRANSITION_FORBIDDEN')
  })
})
