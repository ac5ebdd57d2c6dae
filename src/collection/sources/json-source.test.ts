import { describe, expect, it } from 'vitest'
import { jsonRowSource, jsonValueToString, plainNumber } from './json-source.ts'
import { readAll } from './testing.ts'

describe('jsonRowSource', () => {
  it('takes the union of keys in first-seen order as headers and numbers rows from 1', async () => {
    const source = jsonRowSource([
      { CF_XDR_MC: '新乡市鑫源商行', CF_NR_FK: 0.5 },
      { CF_WSH: '新市监罚〔2024〕12号', CF_XDR_MC: '卫辉市永信医疗器械有限公司' },
    ])
    expect(source.format).toBe('json')
    expect(source.headers).toEqual(['CF_XDR_MC', 'CF_NR_FK', 'CF_WSH'])
    expect(await readAll(source)).toEqual([
      { rowNumber: 1, values: ['新乡市鑫源商行', '0.5', ''] },
      { rowNumber: 2, values: ['卫辉市永信医疗器械有限公司', '', '新市监罚〔2024〕12号'] },
    ])
  })

  it('gives no headers and no rows for no records', async () => {
    const source = jsonRowSource([])
    expect(source.headers).toEqual([])
    expect(await readAll(source)).toEqual([])
  })

  it('turns a record that is not an object into a row of empty values', async () => {
    const source = jsonRowSource([{ a: 1 }, null as unknown as Record<string, unknown>, ['x'] as unknown as Record<string, unknown>])
    expect(source.headers).toEqual(['a'])
    expect((await readAll(source)).map((r) => r.values)).toEqual([['1'], [''], ['']])
  })
})

describe('JSON values as the text a clerk would type', () => {
  it.each([
    ['a string', ' 0012 ', ' 0012 '],
    ['null', null, ''],
    ['undefined', undefined, ''],
    ['true', true, 'true'],
    ['false', false, 'false'],
    ['an integer', 20, '20'],
    ['a decimal', 0.2, '0.2'],
    ['a tiny number', 1e-7, '0.0000001'],
    ['a negative tiny number', -2.5e-8, '-0.000000025'],
    ['a large decimal', 123456789.125, '123456789.125'],
    ['the largest exact integer', 9007199254740991, '9007199254740991'],
    ['an 18-digit number (already rounded by JSON): exponent form', 410702199003071234, '4.107021990030712E+17'],
    ['a huge number', 1e21, '1E+21'],
    ['a bigint', 410702199003071234n, '410702199003071234'],
    ['an object', { a: 1 }, '{"a":1}'],
    ['an array', ['警告', '罚款'], '["警告","罚款"]'],
  ])('%s', (_name, value, text) => {
    expect(jsonValueToString(value)).toBe(text)
  })

  it.each([0, -0, 1, 123.456, 1e-6, 1.23e-9, 9.999e20, -1e-300])('prints %s without an exponent and with the same value', (n) => {
    const s = plainNumber(n)
    expect(s).not.toMatch(/e/iu)
    expect(Number(s)).toBe(n === 0 ? 0 : n)
  })
})
