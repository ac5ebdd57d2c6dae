/** Subject search on each store: codes, names of 2–4 characters, normal forms, aliases, ranking, filters, paging, persons. */
import { beforeAll, expect, it } from 'vitest'
import { describeEachPlatform } from '../../test/platform-fixture.ts'
import { makeRegistrationNumber, makeResidentId, makeUscc } from '../identifiers/index.ts'
import type { Actor } from '../security/actor.ts'
import { publicActor } from '../security/actor.ts'
import type { NewSubject } from '../subjects/subject.ts'
import type { SearchInput } from './search-query.ts'

const system: Actor = { type: 'system', name: 'test' }
const staff: Actor = { type: 'user', id: 9, username: 'checker', displayName: '核查员', departmentId: null, departmentCode: null, roles: ['credit_checker'] }

let serial = 0
const uscc = (division = '410702', category = '1') => makeUscc({ authority: '9', category, division, orgCodeBody8: `MA${String(++serial).padStart(6, '0')}` })
const firm = (name: string, extra: Partial<NewSubject> = {}, division = '410702'): NewSubject => ({ kind: 'enterprise', name, division, identifiers: [{ scheme: 'uscc', value: uscc(division) }], ...extra })

describeEachPlatform('subject search', (get) => {
  const ids: Record<string, number> = {}
  const codes: Record<string, string> = {}
  const search = (q: string, more: Omit<SearchInput, 'q'> = {}, actor: Actor = publicActor) => get().platform.search.search(actor, { q, ...more })
  const names = async (q: string, more: Omit<SearchInput, 'q'> = {}, actor: Actor = publicActor) => (await search(q, more, actor)).items.map((i) => i.name)
  const setStatus = (id: number, status: string) => get().platform.database.db.updateTable('subjects').set({ status }).where('id', '=', id).execute()

  beforeAll(async () => {
    const { subjects } = get().platform
    const add = async (key: string, s: NewSubject) => {
      const created = await subjects.register(system, s)
      ids[key] = created.id
      codes[key] = (s.identifiers.find((i) => i.scheme === 'uscc') ?? s.identifiers[0]!).value
    }
    // Ranking for 新乡食品: exact (deregistered) > prefix (active, then revoked) > substring (active, then deregistered).
    await add('exact', firm('新乡食品'))
    await add('prefixActive', firm('新乡食品机械有限公司'))
    await add('prefixRevoked', firm('新乡食品厂'))
    await add('substringActive', firm('河南新乡食品有限公司'))
    await add('substringGone', firm('卫辉市新乡食品店'))
    await setStatus(ids['exact']!, 'deregistered')
    await setStatus(ids['prefixRevoked']!, 'revoked')
    await setStatus(ids['substringGone']!, 'deregistered')

    await add('brackets', firm('新乡市（红旗区）惠民粮油有限公司'))
    await add('fullWidth', firm('新乡ＡＢＣ科技有限公司', {}, '410711'))
    await add('former', firm('延津县新字号食品有限公司', { formerNames: [{ name: '延津县老字号酱菜厂', validFrom: '2001-01-01', validTo: '2015-06-30' }] }, '410726'))
    await add('legacy', firm('辉县市百泉古法酿造有限公司', { identifiers: [{ scheme: 'uscc', value: uscc('410782') }, { scheme: 'registration_number', value: makeRegistrationNumber('410782', '20000001') }] }, '410782'))
    codes['legacyRegistration'] = makeRegistrationNumber('410782', '20000001')
    await add('shop', { kind: 'individual_business', name: '牧野区惠民粮油店', division: '410711', identifiers: [{ scheme: 'uscc', value: uscc('410711', '2') }] })
    await add('person', { kind: 'natural_person', name: '张惠民', identifiers: [{ scheme: 'resident_id', value: makeResidentId({ area: '410702', birthDate: '19800101', sequence: 11 }) }] })
    codes['personId'] = makeResidentId({ area: '410702', birthDate: '19800101', sequence: 11 })
  })

  it('finds names by 2-, 3- and 4-character queries, at the start, inside and at the end', async () => {
    expect(await names('惠民')).toEqual(expect.arrayContaining(['新乡市（红旗区）惠民粮油有限公司', '牧野区惠民粮油店']))
    expect(await names('红旗区')).toEqual(['新乡市（红旗区）惠民粮油有限公司'])
    expect(await names('古法酿造')).toEqual(['辉县市百泉古法酿造有限公司'])
    expect(await names('酿造有限')).toEqual(['辉县市百泉古法酿造有限公司'])
    expect(await names('粮油店')).toEqual(['牧野区惠民粮油店'])
    expect(await names('百泉古')).toEqual(['辉县市百泉古法酿造有限公司'])
    expect(await names('泉古')).toEqual(['辉县市百泉古法酿造有限公司'])
    expect(await names('酿酒')).toEqual([])
  })

  it('confirms the whole query as a substring, not just its terms somewhere in the name', async () => {
    // 有限 and 公司 are both in every firm's name, but 公司有限 is in none.
    expect(await names('公司有限')).toEqual([])
  })

  it('ignores full-width and half-width forms and （） versus ()', async () => {
    expect(await names('新乡市(红旗区)惠民')).toEqual(['新乡市（红旗区）惠民粮油有限公司'])
    expect(await names('（红旗区）惠民')).toEqual(['新乡市（红旗区）惠民粮油有限公司'])
    expect(await names('abc科技')).toEqual(['新乡ＡＢＣ科技有限公司'])
    expect(await names('ＡＢＣ')).toEqual(['新乡ＡＢＣ科技有限公司'])
    expect(await names('新乡 ABC')).toEqual(['新乡ＡＢＣ科技有限公司'])
  })

  it('finds a subject by a former name and says which name matched', async () => {
    const result = await search('老字号')
    expect(result.items).toHaveLength(1)
    expect(result.items[0]).toMatchObject({ id: ids['former'], name: '延津县新字号食品有限公司', matchedName: '延津县老字号酱菜厂', matchedNameSource: 'former', match: 'substring' })
    const current = await search('新字号')
    expect(current.items[0]).toMatchObject({ id: ids['former'], matchedName: null, matchedNameSource: null })
  })

  it('finds a subject exactly by each of its codes', async () => {
    const usccHit = await search(codes['legacy']!)
    expect(usccHit.items[0]).toMatchObject({ id: ids['legacy'], match: 'code', rank: 0, name: '辉县市百泉古法酿造有限公司' })
    expect(usccHit.items[0]!.identifiers).toEqual(expect.arrayContaining([{ scheme: 'uscc', value: codes['legacy'], masked: false }]))
    const orgCode = codes['legacy']!.slice(8, 17)
    expect((await search(`${orgCode.slice(0, 8)}-${orgCode.slice(8)}`)).items[0]).toMatchObject({ id: ids['legacy'], match: 'code' })
    expect((await search(orgCode.toLowerCase())).items[0]).toMatchObject({ id: ids['legacy'], match: 'code' })
    expect((await search(codes['legacyRegistration']!)).items[0]).toMatchObject({ id: ids['legacy'], match: 'code' })
    expect((await search(String(ids['legacy']))).items[0]).toMatchObject({ id: ids['legacy'], match: 'code' })
    // A well-formed code nobody holds finds nothing.
    expect((await search(uscc('410782'))).items).toEqual([])
  })

  it('ranks exact > prefix > substring, active subjects first within each', async () => {
    const result = await search('新乡食品')
    expect(result.items.map((i) => [i.id, i.match, i.rank])).toEqual([
      [ids['exact'], 'exact', 1],
      [ids['prefixActive'], 'prefix', 2],
      [ids['prefixRevoked'], 'prefix', 2],
      [ids['substringActive'], 'substring', 3],
      [ids['substringGone'], 'substring', 3],
    ])
    expect(result).toMatchObject({ total: 5, hasMore: false })
  })

  it('filters by kind, by division (a city code matches its districts) and by negative records', async () => {
    expect(await names('惠民', { kind: 'individual_business' })).toEqual(['牧野区惠民粮油店'])
    expect(await names('惠民', { kind: 'enterprise' })).toEqual(['新乡市（红旗区）惠民粮油有限公司'])
    expect((await names('有限公司', { division: '410700' })).length).toBeGreaterThanOrEqual(6)
    expect(await names('有限公司', { division: '410711' })).toEqual(['新乡ＡＢＣ科技有限公司'])
    expect(await names('惠民', { division: '410702' })).toEqual(['新乡市（红旗区）惠民粮油有限公司'])
    expect(await names('惠民', { division: '420000' })).toEqual([])
    expect((await names('惠民', { division: '410000' })).sort()).toEqual(['新乡市（红旗区）惠民粮油有限公司', '牧野区惠民粮油店'].sort())
    // Filters apply to code matches too.
    expect((await search(codes['legacy']!, { division: '410711' })).items).toEqual([])
  })

  it('never shows natural persons to the public, by name or by identity number', async () => {
    const byName = await search('张惠民')
    expect(byName.items).toEqual([])
    const byId = await search(codes['personId']!)
    expect(byId.items).toEqual([])
    expect(JSON.stringify(await search('惠民'))).not.toContain('张')
  })

  it('lets staff find a person only by identity number, masked and logged', async () => {
    expect(await names('张惠民', {}, staff)).toEqual([])
    const before = await get().platform.database.db.selectFrom('query_log').select((eb) => eb.fn.countAll<number>().as('n')).where('subject_id', '=', ids['person']!).executeTakeFirstOrThrow()
    const result = await search(codes['personId']!.toLowerCase(), {}, staff)
    expect(result.items).toHaveLength(1)
    expect(result.items[0]).toMatchObject({ id: ids['person'], kind: 'natural_person', name: '张**', match: 'code' })
    expect(result.items[0]!.identifiers).toEqual([{ scheme: 'resident_id', value: expect.stringMatching(/^410702\*{8}011[\dX]$/), masked: true }])
    expect(JSON.stringify(result)).not.toContain(codes['personId']!)
    expect(JSON.stringify(result)).not.toContain('惠民')
    const after = await get().platform.database.db.selectFrom('query_log').select((eb) => eb.fn.countAll<number>().as('n')).where('subject_id', '=', ids['person']!).executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n) + 1)
  })

  it('pages through results without repeats, with hasMore, and total once every match is read', async () => {
    const { subjects } = get().platform
    for (let i = 1; i <= 23; i++) await subjects.register(system, firm(`新乡分页测试${String(i).padStart(2, '0')}号商贸有限公司`))
    const first = await search('分页测试', { pageSize: 10 })
    expect(first).toMatchObject({ page: 1, pageSize: 10, hasMore: true, total: null })
    expect(first.items).toHaveLength(10)
    const second = await search('分页测试', { pageSize: 10, page: 2 })
    const third = await search('分页测试', { pageSize: 10, page: 3 })
    expect(third).toMatchObject({ hasMore: false, total: 23 })
    expect(third.items).toHaveLength(3)
    const all = [...first.items, ...second.items, ...third.items].map((i) => i.id)
    expect(new Set(all).size).toBe(23)
    expect((await search('分页测试', { pageSize: 10, page: 4 })).items).toEqual([])
    await expect(search('分页测试', { pageSize: 50, page: 11 })).rejects.toMatchObject({ code: 'SEARCH_PAGE_TOO_DEEP' })
  })

  it('counts a subject once even when several of its names match', async () => {
    const { subjects } = get().platform
    const s = await subjects.register(system, firm('新乡双名测试食品有限公司', { formerNames: [{ name: '新乡双名测试食品厂' }, { name: '新乡双名测试食品有限责任公司' }] }))
    const result = await search('双名测试')
    expect(result.items.map((i) => i.id)).toEqual([s.id])
    // The current name matched in the same tier as the former names: no alias shown.
    expect(result.items[0]).toMatchObject({ matchedName: null, match: 'substring' })
  })
})
