import { describe, expect, it } from 'vitest'
import { ftsMatch, indexRow, tsqueryLiteral, tsvectorLiteral } from './index-row.ts'
import { maskPersonName } from './person-name.ts'
import { negativeCategories } from './negative-categories.ts'

const name = { subjectId: 1, nameId: 0, source: 'current' as const, kind: 'enterprise', division: '410702', status: 'active' }

describe('indexRow', () => {
  it('stores the shared normal form and its unigrams and bigrams', () => {
    expect(indexRow({ ...name, name: '新乡（红旗）ＡＢ厂' })).toMatchObject({ normalized: '新乡(红旗)ab厂', active: 1, terms: ['新', '新乡', '乡', '红', '红旗', '旗', 'ab', '厂'] })
  })

  it('marks subjects that are not active', () => {
    expect(indexRow({ ...name, name: '新乡食品厂', status: 'deregistered' })?.active).toBe(0)
  })

  it('never indexes a natural person or an empty name', () => {
    expect(indexRow({ ...name, name: '张三', kind: 'natural_person' })).toBeUndefined()
    expect(indexRow({ ...name, name: '\u3000 ' })).toBeUndefined()
  })
})

describe('term literals', () => {
  it('writes each term as one lexeme or phrase', () => {
    expect(tsvectorLiteral(['新乡', 'ab'])).toBe("'新乡' 'ab'")
    expect(tsqueryLiteral(['新乡', '乡市'])).toBe("'新乡' & '乡市'")
    expect(ftsMatch(['新乡', 'ab'])).toBe('"新乡" "ab"')
  })

  it('escapes quotes and backslashes should a term ever hold one', () => {
    expect(tsvectorLiteral(["a'b\\c"])).toBe("'a''b\\\\c'")
    expect(ftsMatch(['a"b'])).toBe('"a""b"')
  })
})

describe('maskPersonName', () => {
  it.each([
    ['张三', '张*'],
    ['张惠民', '张**'],
    ['欧阳娜娜', '欧***'],
    ['王', '王*'],
  ])('masks %s as %s', (input, masked) => {
    expect(maskPersonName(input)).toBe(masked)
  })
})

describe('negativeCategories', () => {
  const items = [
    { code: 'XZCF', nature: 'negative' as const, sharingLevel: 'public' as const },
    { code: 'NBSX', nature: 'negative' as const, sharingLevel: 'government' as const },
    { code: 'XZXK', nature: 'neutral' as const, sharingLevel: 'public' as const },
    { code: 'BZRY', nature: 'positive' as const, sharingLevel: 'public' as const },
  ]
  it('counts negative items, and for the public only public ones', () => {
    expect(negativeCategories(items, 'staff')).toEqual(['XZCF', 'NBSX'])
    expect(negativeCategories(items, 'public')).toEqual(['XZCF'])
  })
})
