/** The xinyong command on each store: thin edges over the same services, coded bilingual failures. */
import { expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describeEachStore } from './store-fixture.ts'
import { runCli } from './cli-io.ts'

describeEachStore('the xinyong command', (store) => {
  const run = (args: string[], stdin?: string) => runCli([...args], { env: { XINYONG_DATA_DIR: store().dir, DATABASE_URL: store().url, USER: 'tester' }, ...(stdin ? { stdin } : {}) })

  it('migrates an up-to-date store as a no-op', async () => {
    const r = await run(['migrate'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Already up to date')
  })

  it('seeds the demo city and prints the demo accounts once', async () => {
    const first = await run(['seed', 'demo', '--subjects', '300'])
    expect(first.code, first.stderr).toBe(0)
    expect(first.stdout).toContain('subjects +300')
    expect(first.stdout).toMatch(/admin\s+\S+/)
    const again = await run(['seed', 'demo', '--subjects', '350'])
    expect(again.stdout).toContain('subjects +50 (total 350')
    expect(again.stdout).not.toContain('Demo accounts')
  })

  it('lists, shows, exports and re-imports the catalog without new versions', async () => {
    const list = await run(['catalog', 'list'])
    expect(list.stdout).toContain('XZCF')
    expect(list.stdout).toContain('行政处罚')
    const show = await run(['catalog', 'show', 'XZCF'])
    expect(JSON.parse(show.stdout)).toMatchObject({ code: 'XZCF', version: 1 })
    const file = join(store().dir, 'catalog.json')
    expect((await run(['catalog', 'export', '--out', file])).code).toBe(0)
    const imported = await run(['catalog', 'import', file])
    expect(imported.code, imported.stderr).toBe(0)
    expect(imported.out.map((l) => JSON.parse(l).outcome)).toEqual(imported.out.map(() => 'unchanged'))
  })

  it('imports a changed item as a new version, and refuses a broken one with its path', async () => {
    const item = JSON.parse((await run(['catalog', 'show', 'BZRY'])).stdout).definition
    const file = join(store().dir, 'item.json')
    writeFileSync(file, JSON.stringify({ ...item, updateCycle: 'weekly' }))
    const revised = await run(['catalog', 'import', file, '--note', '改为每周更新'])
    expect(JSON.parse(revised.stdout)).toEqual({ code: 'BZRY', outcome: 'revised', version: 2 })
    writeFileSync(file, JSON.stringify({ ...item, businessKey: ['NO_SUCH_FIELD'] }))
    const broken = await run(['catalog', 'import', file])
    expect(broken.code).toBe(1)
    expect(broken.stderr).toContain('CATALOG_ITEM_INVALID')
    writeFileSync(file, '{not json')
    expect((await run(['catalog', 'import', file])).stderr).toContain('CATALOG_FILE_UNREADABLE')
  })

  it('writes templates', async () => {
    const out = join(store().dir, 'xzcf.xlsx')
    const r = await run(['catalog', 'template', 'XZCF', '--format', 'xlsx', '--out', out])
    expect(r.code, r.stderr).toBe(0)
  })

  it('adds departments, users and API keys, all audited', async () => {
    const dept = await run(['department', 'add', '--code', 'XXJ', '--name', '新乡市测试局', '--kind', 'provider'])
    expect(dept.code, dept.stderr).toBe(0)
    const user = await run(['user', 'add', '--username', 'xxj.clerk', '--department', 'XXJ', '--role', 'department_operator'])
    expect(user.code, user.stderr).toBe(0)
    expect(user.stdout).toContain('Initial password')
    const key = await run(['apikey', 'create', '--department', 'XXJ', '--name', '测试系统'])
    expect(JSON.parse(key.stdout).key).toMatch(/^xy_/)
    const moved = await run(['user', 'update', 'xxj.clerk', '--role', 'department_reviewer', '--name', '审核员'])
    expect(moved.code, moved.stderr).toBe(0)
    expect(JSON.parse(moved.stdout)).toMatchObject({ displayName: '审核员', roles: ['department_reviewer'], departmentCode: 'XXJ' })
    expect(JSON.parse((await run(['user', 'disable', 'xxj.clerk'])).stdout)).toMatchObject({ status: 'disabled' })
    expect(JSON.parse((await run(['user', 'enable', 'xxj.clerk'])).stdout)).toMatchObject({ status: 'active' })
    const reset = await run(['user', 'password', 'xxj.clerk'])
    expect(reset.code, reset.stderr).toBe(0)
    expect(reset.stdout).toContain('New password (shown once)')
    const badRole = await run(['user', 'add', '--username', 'x1y', '--role', 'king'])
    expect(badRole.code).toBe(1)
    expect(badRole.stderr).toContain('ROLE_UNKNOWN')
    const verify = await run(['audit', 'verify'])
    expect(verify.code).toBe(0)
    expect(verify.stdout).toMatch(/intact: \d+ entries/)
  })

  it('refuses a duplicate department with a coded bilingual message and exit code 1', async () => {
    const r = await run(['department', 'add', '--code', 'XXJ', '--name', '重复'])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('DEPARTMENT_EXISTS')
    expect(r.stderr).toContain('already exists')
  })
})

it('id check prints one JSON object per code and exits 1 when any is invalid', async () => {
  const ok = await runCli(['id', 'check', '91350100M000100Y43', '11010519491231002x'])
  expect(ok.code).toBe(0)
  expect(ok.out.map((l) => JSON.parse(l).kind)).toEqual(['uscc', 'resident_id'])
  const mixed = await runCli(['id', 'check', '91350100M000100Y43', '91350100M000100Y44'])
  expect(mixed.code).toBe(1)
  const second = JSON.parse(mixed.out[1]!)
  expect(Object.keys(second)).toEqual(expect.arrayContaining(['input', 'normalized', 'kind', 'valid', 'error']))
  expect(second.error).toMatchObject({ code: 'IDENTIFIER_CHECKSUM' })
  const stdin = await runCli(['id', 'check', '-'], { stdin: '９１３５０１００Ｍ０００１００Ｙ４３\n\nM000100Y-4\n' })
  expect(stdin.out.map((l) => JSON.parse(l).valid)).toEqual([true, true])
})

it('prints help and rejects unknown commands with exit code 2', async () => {
  expect((await runCli(['--help'])).code).toBe(0)
  expect((await runCli(['catalog', '--help'])).stdout).toContain('import')
  const unknown = await runCli(['frobnicate'])
  expect(unknown.code).toBe(2)
  expect(unknown.stderr).toContain('用法错误')
  const missing = await runCli(['catalog', 'show'])
  expect(missing.code).toBe(2)
  expect(missing.stderr).toContain('用法错误 Usage error')
  const badCount = await runCli(['seed', 'demo', '--subjects', 'many'])
  expect(badCount.code).toBe(1)
  expect(badCount.stderr).toContain('SEED_SUBJECTS_INVALID')
})
