/** Names and negative records that arrive through collection (归集) reach search on each store. */
import { beforeAll, expect, it } from 'vitest'
import { describeEachPlatform } from '../../test/platform-fixture.ts'
import { cityDepartments } from '../demo/city-departments.ts'
import { makeResidentId, makeUscc } from '../identifiers/index.ts'
import type { Actor } from '../security/actor.ts'
import { publicActor } from '../security/actor.ts'
import { installCityDepartments } from '../seeding/demo-seed.ts'

const system: Actor = { type: 'system', name: 'test' }
const staff: Actor = { type: 'user', id: 9, username: 'checker', displayName: '核查员', departmentId: null, departmentCode: null, roles: ['credit_checker'] }
const scjg = cityDepartments.find((d) => d.code === 'SCJG')!
const firm = (n: number) => makeUscc({ authority: '9', category: '1', division: '410702', orgCodeBody8: `MA${String(900 + n).padStart(6, '0')}` })

function penalty(n: number, name: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    行政相对人名称: name,
    行政相对人类别: '法人及非法人组织',
    统一社会信用代码: firm(n),
    法定代表人: '王建国',
    法定代表人证件类型: '身份证',
    法定代表人证件号码: makeResidentId({ area: '410702', birthDate: '19700101', sequence: 11 }),
    行政处罚决定书文号: `新市监罚〔2025〕${800 + n}号`,
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

describeEachPlatform('search and collection', (get) => {
  let clerk: Actor
  beforeAll(async () => {
    const { platform } = get()
    await platform.catalog.installBaseCatalog(system)
    await installCityDepartments(platform, system)
    const department = await platform.departments.get('SCJG')
    clerk = { type: 'user', id: 1, username: 'clerk', displayName: '报送员', departmentId: department.id, departmentCode: 'SCJG', roles: ['department_operator'] }
    await platform.subjects.register(system, { kind: 'enterprise', name: '新乡市归集已知食品有限公司', identifiers: [{ scheme: 'uscc', value: firm(1) }], division: '410702' })
    await platform.subjects.register(system, { kind: 'enterprise', name: '新乡市归集清白食品有限公司', identifiers: [{ scheme: 'uscc', value: firm(4) }], division: '410702' })
    // Build the index before the batches, so what follows is caught up, not built.
    await platform.search.search(publicActor, { q: '归集' })
  })

  it('finds a subject a batch created, and a known subject under the name a batch saw', async () => {
    const { platform } = get()
    const summary = await platform.collection.submitRecords(clerk, {
      category: 'XZCF',
      records: [penalty(1, '新乡市归集别名食品商行'), penalty(2, '新乡市归集新建食品有限公司'), penalty(3, '新乡市归集过期食品有限公司', { 公示截止期: '2026-01-31' })],
    })
    expect(summary).toMatchObject({ accepted: 3, rejected: 0 })
    const created = await platform.search.search(publicActor, { q: '归集新建' })
    expect(created.items.map((i) => i.name)).toEqual(['新乡市归集新建食品有限公司'])
    const alias = await platform.search.search(publicActor, { q: '归集别名' })
    expect(alias.items).toHaveLength(1)
    expect(alias.items[0]).toMatchObject({ name: '新乡市归集已知食品有限公司', matchedName: '新乡市归集别名食品商行', matchedNameSource: 'observed' })
  })

  it('filters by negative records in force, and shows the public only those still in publicity', async () => {
    const { platform } = get()
    const withNegative = async (actor: Actor, negative: boolean) => (await platform.search.search(actor, { q: '新乡市归集', negative })).items.map((i) => i.name).sort()
    expect(await withNegative(staff, true)).toEqual(['新乡市归集已知食品有限公司', '新乡市归集新建食品有限公司', '新乡市归集过期食品有限公司'].sort())
    // The third penalty's publicity ended on 2026-01-31 (today is 2026-03-02): still in force, no longer public.
    expect(await withNegative(publicActor, true)).toEqual(['新乡市归集已知食品有限公司', '新乡市归集新建食品有限公司'].sort())
    expect(await withNegative(staff, false)).toEqual(['新乡市归集清白食品有限公司'])
    expect(await withNegative(publicActor, false)).toEqual(['新乡市归集清白食品有限公司', '新乡市归集过期食品有限公司'].sort())
  })
})
