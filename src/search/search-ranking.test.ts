import { describe, expect, it } from 'vitest'
import { createHitCollector, tierRank, type NameHit } from './search-ranking.ts'

const current = (subjectId: number): NameHit => ({ subjectId, name: `主体${subjectId}`, source: 'current' })
const former = (subjectId: number, name = `曾用名${subjectId}`): NameHit => ({ subjectId, name, source: 'former' })

describe('createHitCollector', () => {
  it('ranks code > exact > prefix > substring', () => {
    expect(['code', 'exact', 'prefix', 'substring'].map((t) => tierRank(t as never))).toEqual([0, 1, 2, 3])
  })

  it('places each subject at its first, best match and never twice', () => {
    const c = createHitCollector(10)
    c.addCode(7)
    c.addNames('exact', [current(1), current(7)])
    c.addNames('prefix', [current(2), former(1)])
    c.addNames('substring', [current(3), current(2)])
    const page = c.page(0, 10)
    expect(page.hits.map((h) => [h.subjectId, h.match, h.rank])).toEqual([
      [7, 'code', 0],
      [1, 'exact', 1],
      [2, 'prefix', 2],
      [3, 'substring', 3],
    ])
    expect(page).toMatchObject({ hasMore: false, total: 4 })
  })

  it('says which former name or alias matched, unless the current name matched in the same tier', () => {
    const c = createHitCollector(10)
    c.addNames('substring', [former(1, '老字号酱菜厂'), { subjectId: 2, name: '某某商行', source: 'observed' }, former(3), current(3)])
    const [one, two, three] = c.page(0, 10).hits
    expect(one).toMatchObject({ matchedName: '老字号酱菜厂', matchedNameSource: 'former' })
    expect(two).toMatchObject({ matchedName: '某某商行', matchedNameSource: 'observed' })
    expect(three).toMatchObject({ matchedName: null, matchedNameSource: null })
  })

  it('keeps the alias when the current name matched only in a worse tier', () => {
    const c = createHitCollector(10)
    c.addNames('exact', [former(1, '食品厂')])
    c.addNames('substring', [current(1)])
    expect(c.page(0, 10).hits[0]).toMatchObject({ match: 'exact', matchedName: '食品厂' })
  })

  it('is full at the page and one more: hasMore is known and the total is not', () => {
    const c = createHitCollector(3)
    c.addNames('prefix', [current(1), current(2)])
    expect(c.full).toBe(false)
    expect(c.remaining).toBe(1)
    c.addNames('substring', [current(3), current(4), current(5)])
    expect(c.full).toBe(true)
    expect(c.page(0, 2)).toMatchObject({ hasMore: true, total: null })
    expect(c.page(0, 2).hits.map((h) => h.subjectId)).toEqual([1, 2])
  })

  it('pages from an offset', () => {
    const c = createHitCollector(6)
    c.addNames('substring', [1, 2, 3, 4, 5].map(current))
    expect(c.page(2, 2)).toMatchObject({ hasMore: true, total: 5 })
    expect(c.page(2, 2).hits.map((h) => h.subjectId)).toEqual([3, 4])
    expect(c.page(4, 2)).toMatchObject({ hasMore: false, total: 5 })
  })
})
