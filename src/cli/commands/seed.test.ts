/**
 * `xinyong seed demo` on each store: without records it seeds subjects and accounts only; a later
 * run with records puts them in through collection (none rejected) with the open cases, and prints
 * no account again. Accounts are listed with their roles in Chinese first.
 */
import { expect, it } from 'vitest'
import { describeEachStore } from '../../../test/store-fixture.ts'
import { runCli } from '../../../test/cli-io.ts'

describeEachStore('seed demo', (store) => {
  const run = (args: string[]) => runCli(args, { env: { XINYONG_DATA_DIR: store().dir, DATABASE_URL: store().url, XINYONG_NOW: '2026-03-02T02:00:00.000Z' } })

  it('seeds subjects and accounts only with --no-records', async () => {
    const r = await run(['seed', 'demo', '--subjects', '100', '--no-records'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('subjects +100')
    expect(r.stdout).not.toContain('Demo records')
    expect(r.stdout).toMatch(/^ {2}ggzy\.checker +\S+ +信用核查员 credit_checker$/m)
  })

  it('adds the records and cases later, for every subject seeded so far', async () => {
    const r = await run(['seed', 'demo', '--subjects', '120'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('subjects +20 (total 120')
    expect(r.stdout).toMatch(/Demo records: \+[\d,]+ 条经归集报送 through collection \(\d+ 批次 batches, 0 条被拒 rejected/)
    expect(r.stdout).toContain('信用修复 repairs 1')
    expect(r.stdout).not.toContain('演示账号')
    expect(r.stderr).toBe('')
    const again = await run(['seed', 'demo', '--subjects', '120'])
    expect(again.stdout).not.toContain('Demo records')
    expect(again.stdout).not.toContain('Demo cases')
  })
})
