import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { administrativePenalty } from '../catalog/base-catalog/index.ts'
import { BUSINESS_KEY_SEPARATOR, businessKey, normalizeKeyPart } from './business-key.ts'

describe('normalizeKeyPart', () => {
  const same = ['新市监罚〔2024〕12号', '新市监罚(2024)12号', '新市监罚（2024）12号', '新市监罚[2024]12号', '新市监罚【2024】12号', '新市监罚［2024］12号', '新市监罚 〔2024〕 12 号', '新市监罚｛2024｝12号', '新市监罚〖2024〗12号']
  it.each(same.map((s) => [s]))('reads %j as the same decision number as 新市监罚(2024)12号', (s) => {
    expect(normalizeKeyPart(s)).toBe('新市监罚(2024)12号')
  })

  it.each([
    ['ｘｘ罚字ａｂｃ－１２３', 'XX罚字ABC-123'],
    ['xx罚字abc—123', 'XX罚字ABC-123'],
    ['新环罚\u3000字\t〔2024〕第12号', '新环罚字(2024)第12号'],
    ['\u200b91410702ma3x7k2b83 ', '91410702MA3X7K2B83'],
  ])('folds widths, dashes, spaces and letter case: %j → %j', (input, expected) => {
    expect(normalizeKeyPart(input)).toBe(expected)
  })

  it.each([
    ['新市监罚〔2024〕12号', '新市监罚〔2024〕第12号'],
    ['新市监罚〔2024〕12号', '新市监罚〔2024〕012号'],
    ['新市监罚〔2024〕12号', '新市监罚〔2023〕12号'],
  ])('keeps %j and %j apart', (a, b) => {
    expect(normalizeKeyPart(a)).not.toBe(normalizeKeyPart(b))
  })

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const once = normalizeKeyPart(s)
        expect(normalizeKeyPart(once)).toBe(once)
      }),
    )
  })
})

describe('businessKey', () => {
  it('joins the normalised key fields of the item with U+001F', () => {
    const key = businessKey(administrativePenalty, { CF_WSH: '新市监罚〔2024〕12号', CF_CFJGDM: '114107000053401197', CF_XDR_MC: 'x' })
    expect(key).toBe(`新市监罚(2024)12号${BUSINESS_KEY_SEPARATOR}114107000053401197`)
  })

  it('gives bracket variants of one decision number the same key', () => {
    const keys = ['新市监罚〔2024〕12号', '新市监罚(2024)12号', '新市监罚（2024）12号', '新市监罚[2024]12号'].map((wsh) =>
      businessKey(administrativePenalty, { CF_WSH: wsh, CF_CFJGDM: '114107000053401197' }),
    )
    expect(new Set(keys).size).toBe(1)
  })

  it('keeps the same number from two authorities apart', () => {
    const a = businessKey(administrativePenalty, { CF_WSH: '罚〔2024〕1号', CF_CFJGDM: '114107000053401197' })
    const b = businessKey(administrativePenalty, { CF_WSH: '罚〔2024〕1号', CF_CFJGDM: '11410700005340220X' })
    expect(a).not.toBe(b)
  })

  it('writes list values and missing values plainly', () => {
    expect(businessKey({ businessKey: ['A', 'B', 'C'] }, { A: ['x', 'y'], B: null, C: 3 })).toBe(`X,Y${BUSINESS_KEY_SEPARATOR}${BUSINESS_KEY_SEPARATOR}3`)
  })
})
