import { describe, expect, it } from 'vitest'
import { divisionPrefix, parseSearchQuery, searchLimits } from './search-query.ts'

describe('parseSearchQuery', () => {
  it('trims, normalises and takes the terms of the shared name form', () => {
    const q = parseSearchQuery({ q: '  新乡市（红旗区）ＡＢＣ  ' })
    expect(q).toMatchObject({ text: '新乡市（红旗区）ＡＢＣ', normalized: '新乡市(红旗区)abc', page: 1, pageSize: 20, offset: 0, window: 21, filters: {} })
    expect(q.terms).toEqual(['新乡', '乡市', '红旗', '旗区', 'abc'])
  })

  it.each([
    ['a two-character query', '食品', ['食品']],
    ['a three-character query', '食品厂', ['食品', '品厂']],
    ['a four-character query', '食品机械', ['食品', '品机', '机械']],
    ['a one-character query', '食', ['食']],
  ])('gives %s its bigrams', (_, text, terms) => {
    expect(parseSearchQuery({ q: text }).terms).toEqual(terms)
  })

  it('asks for the page and one more subject, so hasMore needs no count', () => {
    expect(parseSearchQuery({ q: '食品', page: 3, pageSize: 10 })).toMatchObject({ offset: 20, window: 31 })
  })

  it.each([
    ['an empty query', { q: '   ' }, 'SEARCH_QUERY_EMPTY'],
    ['a query of ideographic spaces', { q: '\u3000\u3000' }, 'SEARCH_QUERY_EMPTY'],
    ['a query over 50 characters', { q: '食'.repeat(51) }, 'SEARCH_QUERY_TOO_LONG'],
    ['page 0', { q: '食品', page: 0 }, 'SEARCH_PAGE_INVALID'],
    ['a fractional page', { q: '食品', page: 1.5 }, 'SEARCH_PAGE_INVALID'],
    ['a page of 51', { q: '食品', pageSize: 51 }, 'SEARCH_PAGE_SIZE_INVALID'],
    ['a page past the reachable results', { q: '食品', page: searchLimits.maxResults / 50 + 1, pageSize: 50 }, 'SEARCH_PAGE_TOO_DEEP'],
    ['a malformed division', { q: '食品', division: '4107' }, 'SEARCH_DIVISION_INVALID'],
  ])('refuses %s with a coded bilingual error', (_, input, code) => {
    let caught: unknown
    try {
      parseSearchQuery(input)
    } catch (error) {
      caught = error
    }
    expect(caught).toMatchObject({ code, zh: expect.stringMatching(/[\u4e00-\u9fff]/), en: expect.stringMatching(/[a-z]/) })
  })

  it('allows 50 characters, counting characters rather than UTF-16 units', () => {
    expect(parseSearchQuery({ q: '𠀀'.repeat(50) }).text).toHaveLength(100)
  })

  it('keeps the filters, with the division as a code prefix', () => {
    expect(parseSearchQuery({ q: '食品', kind: 'enterprise', division: '410700', negative: false }).filters).toEqual({ kind: 'enterprise', divisionPrefix: '4107', negative: false })
  })
})

describe('divisionPrefix', () => {
  it.each([
    ['a province', '410000', '41'],
    ['a city', '410700', '4107'],
    ['a district', '410702', '410702'],
    ['a development zone', '410771', '410771'],
  ])('covers everything beneath %s', (_, code, prefix) => {
    expect(divisionPrefix(code)).toBe(prefix)
  })

  it('refuses 000000, which would match everything', () => {
    expect(() => divisionPrefix('000000')).toThrow(/SEARCH_DIVISION_INVALID/)
  })
})
