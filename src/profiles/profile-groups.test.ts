import { describe, expect, it } from 'vitest'
import { baseCatalog } from '../catalog/base-catalog/index.ts'
import { emptyGroupCounts, groupLabels, groupOf, groupOrder } from './profile-groups.ts'

describe('profile groups', () => {
  it('are the eight tabs of 信用中国, in order', () => {
    expect(groupOrder.map((g) => groupLabels[g].zh)).toEqual(['行政许可', '行政处罚', '守信激励', '失信惩戒', '重点关注', '资质资格', '风险提示', '其他'])
    expect(Object.keys(emptyGroupCounts())).toEqual([...groupOrder])
  })

  it.each([
    ['XZXK', 'licensing'],
    ['XZCF', 'penalty'],
    ['NSXYAJ', 'incentive'],
    ['BZRY', 'incentive'],
    ['SHTZXY', 'incentive'],
    ['YZSXZT', 'punishment'],
    ['SXBZXR', 'punishment'],
    ['ZDSSWF', 'punishment'],
    ['TQNMGGZ', 'punishment'],
    ['JYYCML', 'focus'],
    ['HBXYPJ', 'other'],
    ['XYCN', 'other'],
    ['CCJCJG', 'other'],
  ])('put the built-in item %s under %s', (code, group) => {
    expect(groupOf(baseCatalog.find((i) => i.code === code))).toBe(group)
  })

  it('put an item the catalog no longer knows under 其他', () => {
    expect(groupOf(undefined)).toBe('other')
    expect(groupOf({ displayGroup: 'nonsense' as never })).toBe('other')
  })
})
