import { describe, expect, it } from 'vitest'
import { collectionFigures, NEWEST_ITEMS } from './collection-figures.ts'
import type { CatalogItemVersion, SharingLevel } from '../catalog/catalog.ts'
import type { Department } from '../departments/department.ts'

const item = (code: string, sharingLevel: SharingLevel, createdAt = '2026-01-01T00:00:00.000Z'): CatalogItemVersion =>
  ({ code, version: 1, createdAt, createdBy: 'test', definition: { code, name: `名称${code}`, nameEn: `Name ${code}`, sharingLevel, displayGroup: 'penalty' } }) as unknown as CatalogItemVersion
const department = (id: number, code: string, shortName: string | null): Department =>
  ({ id, code, name: `${code}全称`, nameEn: `${code} bureau`, shortName }) as unknown as Department

describe('collectionFigures', () => {
  const catalog = [item('XZCF', 'public'), item('XZXK', 'public'), item('ZWGX', 'government'), item('SQCX', 'authorised')]
  const departments = [department(1, 'SCJG', '市场监管局'), department(2, 'SW', null)]

  it('counts records of public items only, per department and per item, largest first', () => {
    const figures = collectionFigures({
      asOf: '2026-03-02T02:00:00.000Z',
      catalog,
      departments,
      counts: [
        { category: 'XZCF', departmentId: 1, count: 5 },
        { category: 'XZXK', departmentId: 1, count: 2 },
        { category: 'XZCF', departmentId: 2, count: 9 },
        { category: 'ZWGX', departmentId: 2, count: 100 },
        { category: 'SQCX', departmentId: 1, count: 50 },
      ],
    })
    expect(figures.total).toBe(16)
    expect(figures.byItem).toEqual([
      { code: 'XZCF', name: '名称XZCF', nameEn: 'Name XZCF', displayGroup: 'penalty', count: 14 },
      { code: 'XZXK', name: '名称XZXK', nameEn: 'Name XZXK', displayGroup: 'penalty', count: 2 },
    ])
    expect(figures.byDepartment).toEqual([
      { code: 'SW', name: 'SW全称', nameEn: 'SW bureau', count: 9 },
      { code: 'SCJG', name: '市场监管局', nameEn: 'SCJG bureau', count: 7 },
    ])
  })

  it('leaves out a department that provides only non-public items, and unknown items', () => {
    const figures = collectionFigures({ asOf: 'x', catalog, departments, counts: [{ category: 'ZWGX', departmentId: 2, count: 3 }, { category: 'GONE', departmentId: 1, count: 4 }] })
    expect(figures).toMatchObject({ total: 0, byDepartment: [], byItem: [] })
  })

  it('names the newest public items, newest first, at most a handful', () => {
    const many = Array.from({ length: NEWEST_ITEMS + 2 }, (_, i) => item(`P${i}`, 'public', `2026-01-0${i + 1}T00:00:00.000Z`))
    const figures = collectionFigures({ asOf: 'x', catalog: [...many, item('NEWEST_BUT_SHARED', 'government', '2027-01-01T00:00:00.000Z')], departments, counts: [] })
    expect(figures.newestItems.map((i) => i.code)).toEqual(['P6', 'P5', 'P4', 'P3', 'P2'])
  })
})
