/** The check, list, measure and commitment commands on each store, over a city put in through collection. */
import { beforeAll, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describeEachPlatform } from '../../../test/platform-fixture.ts'
import { runCli } from '../../../test/cli-io.ts'
import { buildSanctionCity, firms, type SanctionCity } from '../../sanctions/testing.ts'

describeEachPlatform('joint rewards and punishments from the command line', (get) => {
  let city: SanctionCity
  const run = (args: string[]) => runCli(args, { env: { XINYONG_DATA_DIR: get().store.dir, DATABASE_URL: get().store.url, USER: 'tester', XINYONG_NOW: '2026-03-02T02:00:00.000Z' } })
  beforeAll(async () => {
    city = await buildSanctionCity(get().platform)
  })

  it('checks codes given inline and in a CSV file, and says why', async () => {
    const inline = await run(['check', '--matter', 'ZFCG', firms.listed, firms.clean])
    expect(inline.code, inline.stderr).toBe(0)
    expect(inline.out[0]).toMatch(/主体 2\s+找到 2\s+命中 1/)
    expect(inline.stdout).toContain('LC01 限制参加政府采购活动')
    expect(inline.stdout).toContain('列入「市场监督管理严重违法失信名单」')
    const file = join(get().store.dir, 'codes.csv')
    writeFileSync(file, `code\n${firms.red}\nnonsense\n`)
    const json = await run(['check', '--matter', 'ZTB', '--file', file, '--json'])
    const lines = json.out.map((l) => JSON.parse(l))
    expect(lines[0].check).toMatchObject({ subjects: 2, found: 1 })
    expect(lines[1].result.incentives.map((m: { code: string }) => m.code)).toEqual(['JL03'])
    expect(lines[2]).toMatchObject({ found: false, error: { code: 'SUBJECT_CODE_INVALID' } })
    const unknown = await run(['check', '--matter', 'NOPE', firms.red])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('MATTER_NOT_FOUND')
  })

  it('lists, shows and revises measures, audited, refusing a broken one', async () => {
    expect((await run(['measure', 'list'])).stdout).toContain('LC01')
    const shown = JSON.parse((await run(['measure', 'show', 'LC01'])).stdout)
    expect(shown).toMatchObject({ code: 'LC01', version: 1, matters: ['ZFCG'] })
    const file = join(get().store.dir, 'lc01.json')
    const { version: _v, status: _s, updatedAt: _u, updatedBy: _b, ...definition } = shown
    writeFileSync(file, JSON.stringify({ ...definition, matters: ['ZFCG', 'GGZY'] }))
    const set = await run(['measure', 'set', file])
    expect(JSON.parse(set.stdout)).toEqual({ code: 'LC01', version: 2, outcome: 'updated' })
    expect(JSON.parse((await run(['measure', 'set', file])).stdout).outcome).toBe('unchanged')
    const check = await get().platform.creditChecks.check(city.actors.checker, { matter: 'GGZY', purpose: '公共资源交易', subjects: [firms.listed] })
    expect(check.results[0]!.result!.punishments.map((m) => m.code).sort()).toEqual(['LC01', 'LC02'])
    writeFileSync(file, JSON.stringify({ ...definition, legalBasis: '没有依据' }))
    const broken = await run(['measure', 'set', file])
    expect(broken.code).toBe(1)
    expect(broken.stderr).toContain('MEASURE_DEFINITION_INVALID')
    const audit = await get().platform.database.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'measure').execute()
    expect(audit.map((a) => a.action)).toEqual(['measure.updated'])
  })

  it('records a pre-notice and a responsible person, and shows the list', async () => {
    const notice = await run(['list', 'pre-notice', firms.unnoticed, 'YZSXZT', '--number', '新市监告〔2026〕CLI号', '--served-on', '2026-01-05', '--basis', '第二十八条', '--reasons', '虚假材料', '--measures', '限制政府采购', '--department', 'SCJG'])
    expect(notice.code, notice.stderr).toBe(0)
    const shown = await run(['list', 'show', 'black'])
    expect(shown.stdout).toContain('新乡市unnoticed测试有限公司')
    const recordId = await city.recordOf('YZSXZT', 'listed')
    const person = await run(['list', 'responsible', String(recordId), '--role', 'actual_controller', '--name', '李四', '--id-number', '11010519491231002X'])
    expect(person.code, person.stderr).toBe(0)
    expect(JSON.parse(person.stdout)).toEqual([{ role: 'actual_controller', roleLabel: '实际控制人', name: '李四', idNumber: expect.stringMatching(/^110105\*+002X$/) }])
    const stored = await get().platform.database.db.selectFrom('list_responsible_persons').selectAll().executeTakeFirstOrThrow()
    expect(stored.id_ciphertext).not.toContain('11010519491231002X')
    expect(stored.id_hash).toHaveLength(64)
  })
})
