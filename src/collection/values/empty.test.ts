import { describe, expect, it } from 'vitest'
import { isEmptyValue, isPlaceholderText } from './empty.ts'

describe('isEmptyValue', () => {
  it.each([
    ['', 'the empty string'],
    [' ', 'a lone space'],
    ['\t \r\n', 'tabs and line breaks'],
    ['\u3000', 'an ideographic space'],
    ['\u00a0\u200b\ufeff', 'NBSP, zero-width space and BOM'],
    ['null', 'null'],
    ['NULL', 'NULL'],
    ['Null', 'Null'],
    [' null ', 'null with spaces around'],
    ['(null)', '(null)'],
    ['<NULL>', '<NULL>'],
  ])('treats %j as empty (%s)', (value) => {
    expect(isEmptyValue(value)).toBe(true)
  })

  it('treats null and undefined as empty', () => {
    expect(isEmptyValue(null)).toBe(true)
    expect(isEmptyValue(undefined)).toBe(true)
  })

  it.each([['无'], ['/'], ['-'], ['—'], ['0'], ['nullable'], ['n'], ['N/A'], ['暂无'], ['null值'], ['(空)']])(
    'keeps %j as a value: placeholders are not silently dropped',
    (value) => {
      expect(isEmptyValue(value)).toBe(false)
    },
  )
})

describe('isPlaceholderText', () => {
  it.each([['/'], ['-'], ['—'], ['无'], [' 暂无 '], ['N/A']])('recognises %j as a "nothing here" placeholder', (value) => {
    expect(isPlaceholderText(value)).toBe(true)
  })

  it.each([['2024-03-05'], ['0'], ['无证经营']])('does not take %j for a placeholder', (value) => {
    expect(isPlaceholderText(value)).toBe(false)
  })
})
