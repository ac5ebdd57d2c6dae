import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareDecimals, parseAmount, parseBoolean, parseInteger, yuanFiguresIn } from './amounts.ts'

describe('parseAmount', () => {
  it.each([
    ['1,234.5', undefined, '1234.5'],
    ['１２３', undefined, '123'],
    ['１，２３４．５０', undefined, '1234.5'],
    ['1 234', undefined, '1234'],
    ['1，234', undefined, '1234'],
    ['0.2', '万元', '0.2'],
    ['0.200000', '万元', '0.2'],
    ['007', undefined, '7'],
    ['.5', undefined, '0.5'],
    ['5.', undefined, '5'],
    ['+5', undefined, '5'],
    ['0', '万元', '0'],
    ['-0', '万元', '0'],
    ['0.2万元', '万元', '0.2'],
    ['1.5万', '万元', '1.5'],
    ['1.5E+4', undefined, '15000'],
    ['2.5e-3', undefined, '0.0025'],
    ['123456789012345678', undefined, '123456789012345678'],
    ['0.000001', '万元', '0.000001'],
  ])('reads %j (unit %s) as %s', (input, unit, value) => {
    expect(parseAmount(input, { unit })).toEqual({ ok: true, value })
  })

  it.each([
    ['2000元', '万元', '0.2', '元'],
    ['2,000.00元', '万元', '0.2', '元'],
    ['人民币2000元整', '万元', '0.2', '元'],
    ['￥2000', '万元', '0.2', '元'],
    ['¥ 150', '万元', '0.015', '元'],
    ['1元', '万元', '0.0001', '元'],
    ['0.2万元', '元', '2000', '万元'],
  ])('converts %j into the field unit %s: %s (from %s)', (input, unit, value, from) => {
    expect(parseAmount(input, { unit })).toEqual({ ok: true, value, convertedFrom: from })
  })

  it.each([
    ['壹仟元', '万元'],
    ['一千元', '万元'],
    ['伍万', '万元'],
    ['贰仟伍佰元整', '万元'],
    ['2千元', '万元'],
    ['两万', undefined],
    ['十', undefined],
  ])('rejects the Chinese numeral %j and says why', (input, unit) => {
    expect(parseAmount(input, { unit })).toEqual({ ok: false, reason: 'chinese_numeral' })
  })

  it.each([
    ['-5', 'negative'],
    ['-0.2万元', 'negative'],
    ['0.1234567', 'too_many_decimals'],
    ['1234567890123456789', 'too_large'],
    ['abc', 'format'],
    ['1.2.3', 'format'],
    ['', 'format'],
    ['元', 'format'],
    ['/', 'format'],
    ['1e', 'format'],
    ['12a', 'format'],
  ])('rejects %j: %s', (input, reason) => {
    expect(parseAmount(input, { unit: '万元' })).toMatchObject({ ok: false, reason })
  })

  it('rejects yuan converted to 万元 when it needs more than 6 decimals', () => {
    expect(parseAmount('0.001元', { unit: '万元' })).toEqual({ ok: false, reason: 'too_many_decimals' })
  })

  it('rejects a money unit on a field without a unit', () => {
    expect(parseAmount('2000元')).toEqual({ ok: false, reason: 'unit', unit: '元' })
  })

  it("drops a field's own non-money unit", () => {
    expect(parseAmount('85分', { unit: '分' })).toEqual({ ok: true, value: '85' })
  })

  it('never throws and returns only normalised decimals', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[-+]?[\d,，. ]{0,12}(万元|元|万)?$/)), fc.constantFrom(undefined, '万元', '元'), (s, unit) => {
        const r = parseAmount(s, { unit })
        if (r.ok) expect(r.value).toMatch(/^(0|[1-9]\d{0,17})(\.\d{0,5}[1-9])?$/)
      }),
    )
  })

  it('keeps exact decimals where floating point would not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 999_999 }), (i, f) => {
        const text = `${i}.${String(f).padStart(6, '0')}`
        const r = parseAmount(text)
        expect(r.ok).toBe(true)
        if (r.ok) expect(compareDecimals(r.value, text.replace(/\.?0+$/, '') || '0')).toBe(0)
      }),
    )
  })
})

describe('parseInteger', () => {
  it.each([
    ['2024', 2024],
    ['2,024', 2024],
    ['2024.0', 2024],
    ['２０２４', 2024],
    ['-3', -3],
    [' 7 ', 7],
  ])('reads %j as %d', (input, value) => {
    expect(parseInteger(input)).toEqual({ ok: true, value })
  })

  it.each([
    ['1.5', 'format'],
    ['abc', 'format'],
    ['二〇二四', 'chinese_numeral'],
    ['99999999999999999999', 'too_large'],
    ['--3', 'format'],
  ])('rejects %j (%s)', (input, reason) => {
    expect(parseInteger(input)).toEqual({ ok: false, reason })
  })
})

describe('parseBoolean', () => {
  it.each([
    ['是', true],
    ['否', false],
    ['true', true],
    ['FALSE', false],
    ['1', true],
    ['0', false],
    ['Y', true],
    ['n', false],
    ['ｙｅｓ', true],
    [' 是 ', true],
  ])('reads %j as %s', (input, value) => {
    expect(parseBoolean(input)).toEqual({ ok: true, value })
  })

  it.each([['也许'], ['2'], ['']])('rejects %j', (input) => {
    expect(parseBoolean(input)).toEqual({ ok: false })
  })
})

describe('compareDecimals', () => {
  it.each([
    ['0.02', '0.02', 0],
    ['0.02', '0.020', 0],
    ['0.019', '0.02', -1],
    ['10', '9.99', 1],
    ['100', '100', 0],
    ['2', '10', -1],
  ])('compares %s and %s: %d', (a, b, expected) => {
    expect(compareDecimals(a, b)).toBe(expected)
  })
})

describe('yuanFiguresIn', () => {
  it.each([
    ['罚款2000元', ['2000']],
    ['警告，罚款人民币2,000.00元整', ['2000']],
    ['罚款 500 元，没收违法所得1200元', ['500', '1200']],
    ['罚款０．２万元', []],
    ['罚款0.2万元', []],
    ['罚款贰仟元', []],
    ['没有金额', []],
  ])('finds the yuan figures in %j', (text, figures) => {
    expect(yuanFiguresIn(text)).toEqual(figures)
  })
})
