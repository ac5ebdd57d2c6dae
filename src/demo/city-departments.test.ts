import { describe, expect, it } from 'vitest'
import { identify } from '../identifiers/index.ts'
import { cityDepartments, findCityDepartment, platformOffice } from './city-departments.ts'

describe('cityDepartments', () => {
  it('lists exactly the demo city departments, by code', () => {
    expect(cityDepartments.map((d) => d.code)).toEqual([
      'FGW', 'SCJG', 'SW', 'STHJ', 'RSJ', 'ZJJ', 'ZYFY', 'JTYS', 'YJGL', 'NYNC', 'GGZY',
      'CZJ', 'SFJ', 'GAJ', 'WJW', 'JYJ', 'ZRZY', 'MZJ', 'WGLJ', 'SLJ', 'GXJ', 'RMYH',
    ])
    expect(findCityDepartment('ZYFY')?.name).toBe('新乡市中级人民法院')
    expect(findCityDepartment('RMYH')?.name).toBe('中国人民银行新乡市分行')
    expect(findCityDepartment('nope')).toBeUndefined()
  })

  it('has the platform office at FGW, one bank, and the trading centre as checker', () => {
    expect(platformOffice.code).toBe('FGW')
    expect(cityDepartments.filter((d) => d.kind === 'platform_office')).toHaveLength(1)
    expect(cityDepartments.filter((d) => d.kind === 'bank').map((d) => d.code)).toEqual(['RMYH'])
    expect(findCityDepartment('GGZY')?.kind).toBe('checker')
  })

  it('gives every department a valid, unique USCC of a 机关 (11) or 事业单位 (12) registered in 410700', () => {
    const codes = new Set<string>()
    for (const d of cityDepartments) {
      const result = identify(d.uscc)
      expect(result, d.code).toMatchObject({ kind: 'uscc', valid: true })
      expect(d.uscc.slice(0, 2)).toBe(d.code === 'GGZY' ? '12' : '11')
      expect(d.uscc.slice(2, 8)).toBe('410700')
      expect(d.uscc.slice(8, 16)).toBe(d.orgCodeBody)
      expect(d.division).toBe('410700')
      expect(d.parentCode).toBeNull()
      codes.add(d.uscc)
    }
    expect(codes.size).toBe(cityDepartments.length)
    expect(new Set(cityDepartments.map((d) => d.name)).size).toBe(cityDepartments.length)
    expect(new Set(cityDepartments.map((d) => d.shortName)).size).toBe(cityDepartments.length)
  })

  it('uses organisation code bodies outside the generated subjects’ ranges (they never start with 0)', () => {
    for (const d of cityDepartments) expect(d.orgCodeBody).toMatch(/^00\d{6}$/)
  })
})
