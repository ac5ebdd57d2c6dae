import { describe, expect, it } from 'vitest'
import { PROVINCE_CODES, findDivision, listDivisions } from './divisions.ts'

describe('findDivision', () => {
  it.each([
    ['410000', { name: '河南省', level: 'province', provinceName: '河南省', current: true }],
    ['410700', { name: '新乡市', level: 'prefecture', provinceName: '河南省', current: true }],
    ['410702', { name: '红旗区', level: 'county', prefectureName: '新乡市', current: true }],
    ['410703', { name: '卫滨区', level: 'county', current: true }],
    ['410704', { name: '凤泉区', level: 'county', current: true }],
    ['410711', { name: '牧野区', level: 'county', current: true }],
    ['410721', { name: '新乡县', level: 'county', current: true }],
    ['410724', { name: '获嘉县', level: 'county', current: true }],
    ['410725', { name: '原阳县', level: 'county', current: true }],
    ['410726', { name: '延津县', level: 'county', current: true }],
    ['410727', { name: '封丘县', level: 'county', current: true }],
    ['410781', { name: '卫辉市', level: 'county', current: true }],
    ['410782', { name: '辉县市', level: 'county', current: true }],
    ['410783', { name: '长垣市', level: 'county', prefectureName: '新乡市', current: true }],
    ['410701', { name: '市辖区', level: 'county', cityDistricts: true }],
  ])('knows 新乡 code %s', (code, expected) => {
    expect(findDivision(code)).toMatchObject({ code, ...expected })
  })

  it('knows 410728 长垣县 as the historical alias of 410783 长垣市', () => {
    expect(findDivision('410728')).toEqual({
      code: '410728',
      name: '长垣县',
      level: 'county',
      provinceName: '河南省',
      prefectureName: '新乡市',
      current: false,
      successor: '410783',
    })
  })

  it.each([
    ['410771', '新乡高新技术产业开发区'],
    ['410772', '新乡经济技术开发区'],
    ['410773', '新乡市平原城乡一体化示范区'],
  ])('knows the functional zone %s %s', (code, name) => {
    expect(findDivision(code)).toMatchObject({ code, name, level: 'county', prefectureName: '新乡市', current: true, functionalZone: true })
  })

  it.each([
    ['412723', '商水县', '411623', '周口地区'],
    ['412801', '驻马店市', '411702', '驻马店地区'],
    ['410124', '巩县', '410181', '郑州市'],
    ['410881', '济源市', '419001', '焦作市'],
    ['410381', '偃师市', '410307', '洛阳市'],
    ['411626', '淮阳县', '411603', '周口市'],
    ['411023', '许昌县', '411003', '许昌市'],
    ['410224', '开封县', '410212', '开封市'],
  ])('follows the abolished Henan code %s %s to its current successor %s', (code, name, successor, prefectureName) => {
    const d = findDivision(code)
    expect(d).toMatchObject({ code, name, current: false, successor, prefectureName })
    expect(findDivision(successor)?.current).toBe(true)
  })

  it('lists all successors of a code split among several, the main one first', () => {
    expect(findDivision('411123')).toMatchObject({ name: '郾城县', successor: '411103', successors: ['411103', '411102', '411104'] })
  })

  it('names a former prefecture without a single successor', () => {
    expect(findDivision('412200')).toMatchObject({ name: '新乡地区', level: 'prefecture', current: false })
    expect(findDivision('412200')?.successor).toBeUndefined()
  })

  it('knows county-level cities administered by the province directly, without a prefecture', () => {
    const d = findDivision('419001')
    expect(d).toMatchObject({ name: '济源市', level: 'county', provinceName: '河南省', current: true })
    expect(d?.prefectureName).toBeUndefined()
  })

  it('covers every province of the country, and Taiwan, Hong Kong and Macao', () => {
    for (const p of PROVINCE_CODES.filter((p) => p !== '83')) expect(findDivision(`${p}0000`)?.level).toBe('province')
  })

  it('covers the whole country at county level', () => {
    const all = listDivisions()
    expect(all.filter((d) => d.current && d.level === 'county' && !d.functionalZone && !d.cityDistricts).length).toBeGreaterThan(2800)
    expect(all.filter((d) => d.level === 'prefecture' && d.current).length).toBeGreaterThan(330)
  })

  it('covers all of Henan: 17 prefectures, 济源, and every current county', () => {
    const henan = listDivisions().filter((d) => d.code.startsWith('41') && d.current)
    expect(henan.filter((d) => d.level === 'prefecture').map((d) => d.name)).toHaveLength(17)
    expect(henan.filter((d) => d.level === 'county' && !d.functionalZone && !d.cityDistricts)).toHaveLength(157)
  })

  it('points every successor at a current code', () => {
    for (const d of listDivisions()) {
      for (const s of d.successors ?? (d.successor ? [d.successor] : [])) expect(findDivision(s)?.current, `${d.code} → ${s}`).toBe(true)
    }
  })

  it.each(['', '41070', '4107022', 'ABCDEF', '999999', '100000'])('returns undefined for %j', (code) => {
    expect(findDivision(code)).toBeUndefined()
  })

  it('never throws on junk', () => {
    expect(findDivision(undefined as unknown as string)).toBeUndefined()
    expect(findDivision(410702 as unknown as string)).toBeUndefined()
  })
})
