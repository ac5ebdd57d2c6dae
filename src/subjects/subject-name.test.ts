import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { nameTerms, normalizeName, queryTerms } from './subject-name.ts'

describe('normalizeName', () => {
  it.each([
    ['新乡市（红旗区）食品厂', '新乡市(红旗区)食品厂'],
    ['新乡市(红旗区)食品厂', '新乡市(红旗区)食品厂'],
    ['华泰（新乡）机械　有限公司', '华泰(新乡)机械有限公司'],
    ['ＡＢＣ食品 Co., Ltd', 'abc食品co.,ltd'],
    ['新乡市〔2024〕', '新乡市(2024)'],
  ])('folds %s to %s', (input, expected) => {
    expect(normalizeName(input)).toBe(expected)
  })

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => normalizeName(normalizeName(s)) === normalizeName(s)))
  })
})

describe('name terms', () => {
  it('index Han unigrams and bigrams and Latin words', () => {
    expect(nameTerms(normalizeName('新乡ABC食品厂'))).toEqual(['新', '新乡', '乡', 'abc', '食', '食品', '品', '品厂', '厂'])
  })

  it('query two or more Han characters by their bigrams, one by itself', () => {
    expect(queryTerms('食品')).toEqual(['食品'])
    expect(queryTerms('新乡食品')).toEqual(['新乡', '乡食', '食品'])
    expect(queryTerms('食')).toEqual(['食'])
    expect(queryTerms('ABC 食品')).toEqual(['食品', 'abc'])
  })

  it('find every substring query among the terms of the name it came from', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[新乡市食品有限公司华泰机械ab1]{2,12}$/), fc.nat(), fc.nat(), (name, a, b) => {
        const n = [...normalizeName(name)]
        const start = a % n.length
        const end = Math.min(n.length, start + 1 + (b % (n.length - start)))
        const terms = new Set(nameTerms(n.join('')))
        return queryTerms(n.slice(start, end).join('')).every((t) => [...terms].some((x) => x === t || x.includes(t)))
      }),
    )
  })
})
