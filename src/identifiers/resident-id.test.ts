import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { identify } from './identify.ts'
import {
  HUTOOL_INVALID_IDS,
  HUTOOL_VALID_IDS,
  INVALID_RESIDENT_IDS,
  JXLWQQ_INVALID_IDS,
  JXLWQQ_VALID_IDS,
  PUBLISHED_RESIDENT_IDS,
} from './published-codes.fixture.ts'
import { makeResidentId, maskResidentId, residentIdCheckChar, upgradeResidentId15 } from './resident-id.ts'

const today = new Date(2026, 0, 15) // fixed "today" for date checks

describe('residentIdCheckChar (GB 11643)', () => {
  it.each([
    ['X for the published example 11010519491231002X', '11010519491231002', 'X'],
    ['4 for the published example 440524188001010014', '44052418800101001', '4'],
    ['1 when Σ mod 11 = 0', '36042619910101007', '1'],
  ])('gives %s', (_name, first17, expected) => {
    expect(residentIdCheckChar(first17)).toBe(expected)
  })

  it('refuses non-digits', () => {
    expect(() => residentIdCheckChar('1101051949123100A')).toThrow(RangeError)
  })
})

describe('identify on published resident ID numbers', () => {
  it.each(PUBLISHED_RESIDENT_IDS.map((p) => [p.note, p.id, p.birthDate, p.sex]))('accepts %s: %s', (_note, id, birthDate, sex) => {
    const r = identify(id, { today })
    expect(r).toMatchObject({ kind: 'resident_id', valid: true, details: { documentKind: 'resident_id', birthDate, sex } })
  })

  it('accepts the GB 11643 example with a lower-case x and explains it', () => {
    const r = identify('11010519491231002x', { today })
    expect(r).toMatchObject({ input: '11010519491231002x', normalized: '11010519491231002X', kind: 'resident_id', valid: true })
    expect(r.details).toEqual({
      documentKind: 'resident_id',
      birthDate: '1949-12-31',
      sex: 'female',
      area: expect.objectContaining({ code: '110105', name: '朝阳区', provinceName: '北京市', current: true, known: true }),
    })
  })

  it.each(INVALID_RESIDENT_IDS.map((p) => [p.note, p.id, p.code]))('rejects %s: %s with %s', (_note, id, code) => {
    expect(identify(id, { today })).toMatchObject({ valid: false, error: { code } })
  })

  it.each(JXLWQQ_VALID_IDS.map((c) => [c.id, c.documentKind]))('accepts %s from jxlwqq/id-validator as %s', (id, documentKind) => {
    expect(identify(id, { today })).toMatchObject({ kind: 'resident_id', valid: true, details: { documentKind } })
  })

  it.each(JXLWQQ_INVALID_IDS.map((c) => [c.id, c.code]))('rejects %s from jxlwqq/id-validator with %s', (id, code) => {
    expect(identify(id, { today })).toMatchObject({ valid: false, error: { code } })
  })

  it.each(HUTOOL_VALID_IDS.map((c) => [c.id, c.documentKind, c.upgraded]))('accepts %s from hutool as %s', (id, documentKind, upgraded) => {
    const r = identify(id, { today })
    expect(r).toMatchObject({ kind: 'resident_id', valid: true, details: { documentKind } })
    expect(r.details?.upgraded).toBe(upgraded)
  })

  it.each(HUTOOL_INVALID_IDS.map((c) => [c.id, c.code]))('rejects %s from hutool with %s', (id, code) => {
    expect(identify(id, { today })).toMatchObject({ valid: false, error: { code } })
  })

  it('names the expected character when the check character is wrong', () => {
    expect(identify('11010519491231001X', { today }).error).toEqual({ code: 'IDENTIFIER_CHECKSUM', zh: '校验码错误，应为 1', en: 'Check character is wrong; expected 1' })
  })

  it.each([
    ['spaces and hyphens', '110105 1949-1231 002X'],
    ['full-width digits', '１１０１０５１９４９１２３１００２Ｘ'],
    ['a full-width lower-case x', '11010519491231002ｘ'],
  ])('accepts a number written with %s', (_name, input) => {
    expect(identify(input, { today })).toMatchObject({ normalized: '11010519491231002X', kind: 'resident_id', valid: true })
  })
})

describe('birth dates', () => {
  const id = (birthDate: string) => makeResidentId({ area: '410702', birthDate, sequence: 123 })

  it.each([
    ['30 February', '19990230', 'IDENTIFIER_BIRTH_DATE', '1999-02-30 不存在'],
    ['29 February of a non-leap year', '19990229', 'IDENTIFIER_BIRTH_DATE', '不存在'],
    ['29 February 1900 (not a leap year)', '19000229', 'IDENTIFIER_BIRTH_DATE', '不存在'],
    ['31 April', '19990431', 'IDENTIFIER_BIRTH_DATE', '不存在'],
    ['month 13', '19991301', 'IDENTIFIER_BIRTH_DATE', '不存在'],
    ['day 00', '19990100', 'IDENTIFIER_BIRTH_DATE', '不存在'],
    ['a birth in the future', '20991231', 'IDENTIFIER_BIRTH_DATE', '2099-12-31 晚于今天'],
    ['a birth tomorrow', '20260116', 'IDENTIFIER_BIRTH_DATE', '晚于今天'],
    ['a birth before 1850', '18491231', 'IDENTIFIER_BIRTH_DATE', '早于 1850 年'],
  ])('rejects %s', (_name, birthDate, code, zh) => {
    const r = identify(id(birthDate), { today })
    expect(r).toMatchObject({ kind: 'resident_id', valid: false, error: { code } })
    expect(r.error?.zh).toContain(zh)
  })

  it.each([
    ['29 February of a leap year', '20000229'],
    ['29 February 2024', '20240229'],
    ['a birth today', '20260115'],
    ['a birth in 1850', '18500101'],
  ])('accepts %s', (_name, birthDate) => {
    expect(identify(id(birthDate), { today })).toMatchObject({ valid: true })
  })

  it('uses the current date when no today is given', () => {
    expect(identify(id('20991231')).error?.code).toBe('IDENTIFIER_BIRTH_DATE')
    expect(identify(id('20000101')).valid).toBe(true)
  })
})

describe('address codes', () => {
  it.each([
    ['410728 长垣县, abolished in 2019', '410728', { name: '长垣县', current: false, successor: '410783' }],
    ['412723 商水县 of the former 周口地区', '412723', { name: '商水县', current: false, successor: '411623', prefectureName: '周口地区' }],
    ['410783 长垣市', '410783', { name: '长垣市', current: true, prefectureName: '新乡市' }],
    ['410701, the statistical code for all districts of 新乡', '410701', { name: '市辖区', cityDistricts: true }],
  ])('accepts %s and reports the division', (_name, area, division) => {
    const r = identify(makeResidentId({ area, birthDate: '19800101', sequence: 11 }), { today })
    expect(r.valid).toBe(true)
    expect(r.details?.area).toMatchObject({ code: area, known: true, ...division })
  })

  it('accepts an address code it does not know, as long as the province exists', () => {
    const r = identify(makeResidentId({ area: '419999', birthDate: '19800101', sequence: 11 }), { today })
    expect(r.valid).toBe(true)
    expect(r.details?.area).toEqual({ code: '419999', known: false })
  })

  it.each(['19', '20', '39', '49', '55', '60', '66', '70', '72', '80', '84', '00', '10'])('rejects province part %s, which never existed', (province) => {
    const r = identify(makeResidentId({ area: `${province}0426`, birthDate: '19910101', sequence: 7 }), { today })
    expect(r).toMatchObject({ kind: 'resident_id', valid: false, error: { code: 'IDENTIFIER_AREA' } })
    expect(r.error?.zh).toContain(`省级代码 ${province} 不存在`)
  })

  it.each(['11', '15', '21', '23', '31', '37', '41', '46', '50', '54', '61', '65', '71', '81', '82', '83'])('accepts province part %s', (province) => {
    expect(identify(makeResidentId({ area: `${province}0101`, birthDate: '19910101', sequence: 7 }), { today }).valid).toBe(true)
  })
})

describe('document kinds', () => {
  it.each([
    ['a Hong Kong residence permit (810000)', '810000', 'hk_macao_residence_permit'],
    ['a Macao residence permit (820000)', '820000', 'hk_macao_residence_permit'],
    ['a Taiwan residence permit (830000)', '830000', 'taiwan_residence_permit'],
    ['a resident ID number', '410702', 'resident_id'],
  ])('recognises %s', (_name, area, documentKind) => {
    const r = identify(makeResidentId({ area, birthDate: '19900101', sequence: 2 }), { today })
    expect(r).toMatchObject({ kind: 'resident_id', valid: true, details: { documentKind } })
  })

  it('recognises a 2023 foreign permanent residence ID card: 9, province, nationality, birth date', () => {
    // 9 + 11 (issued in Beijing) + 840 (nationality code) + 19850615 + 003 + check character.
    const number = makeResidentId({ area: '911840', birthDate: '19850615', sequence: 3 })
    const r = identify(number, { today })
    expect(r).toMatchObject({ kind: 'resident_id', valid: true })
    expect(r.details).toMatchObject({ documentKind: 'foreign_permanent_residence', birthDate: '1985-06-15', nationalityCode: '840', area: { code: '110000', name: '北京市' } })
  })

  it('rejects a foreign permanent residence number whose issuing province does not exist', () => {
    const r = identify(makeResidentId({ area: '990840', birthDate: '19850615', sequence: 3 }), { today, expect: 'resident_id' })
    expect(r.error?.code).toBe('IDENTIFIER_AREA')
  })

  it('rejects 99xxxx numbers: no province starts with 9, and as a foreign card its province part 9x does not exist', () => {
    const r = identify(makeResidentId({ area: '990426', birthDate: '19911201', sequence: 7 }), { today })
    expect(r).toMatchObject({ kind: 'resident_id', valid: false, error: { code: 'IDENTIFIER_AREA' } })
    expect(r.error?.zh).toContain('受理地省级代码 90 不存在')
    expect(r.error?.en).toContain('foreign permanent residence')
  })
})

describe('first-generation 15-digit numbers', () => {
  it('validates and upgrades a 15-digit number, keeping the original as the input', () => {
    const r = identify('410702800101123', { today })
    expect(r).toMatchObject({ input: '410702800101123', normalized: '410702800101123', kind: 'resident_id', valid: true })
    expect(r.details).toMatchObject({ birthDate: '1980-01-01', sex: 'male', upgraded: '410702198001011232', generation: 1 })
    expect(identify(r.details?.upgraded as string, { today }).valid).toBe(true)
  })

  it('upgrades the GB 11643 example back from its 15-digit form', () => {
    expect(upgradeResidentId15('110105491231002')).toBe('11010519491231002X')
    expect(identify('110105491231002', { today, expect: 'resident_id' }).details?.upgraded).toBe('11010519491231002X')
  })

  it('reads 110105491231002 as a registration number when not told, since its MOD 11,10 digit fits too, and says so', () => {
    const r = identify('110105491231002', { today })
    expect(r).toMatchObject({ kind: 'registration_number', valid: true, details: { alternativeKind: 'resident_id' } })
    expect(r.details?.warnings).toEqual([expect.objectContaining({ code: 'IDENTIFIER_AMBIGUOUS' })])
  })

  it.each([
    ['an impossible date', '410702990230123', 'IDENTIFIER_BIRTH_DATE'],
    ['a province that does not exist', '190702800101123', 'IDENTIFIER_AREA'],
  ])('rejects a 15-digit number with %s when it is expected to be an ID number', (_name, id, code) => {
    expect(identify(id, { today, expect: 'resident_id' }).error?.code).toBe(code)
  })
})

describe('maskResidentId', () => {
  it.each([
    ['keeps the first 6 and last 4 characters by default', '41070219491231123X', undefined, '410702********123X'],
    ['normalises first (spaces, lower-case x)', '410702 19491231 123x', undefined, '410702********123X'],
    ['keeps 4 and 4 as the domain convention does', '41070219491231123X', { keepStart: 4, keepEnd: 4 }, '4107**********123X'],
    ['keeps the length of a 15-digit number', '410702800101123', undefined, '410702*****1123'],
    ['masks everything when there is too little to keep', '1234', undefined, '****'],
  ])('%s', (_name, id, options, expected) => {
    const masked = maskResidentId(id, options)
    expect(masked).toBe(expected)
  })
})

describe('makeResidentId for any input', () => {
  const area = fc.constantFrom('410702', '410728', '410783', '110105', '440305', '810000', '830000', '912156')
  const date = fc.date({ min: new Date(1900, 0, 1), max: new Date(2025, 11, 31), noInvalidDate: true })
  const number = fc.tuple(area, date, fc.integer({ min: 0, max: 999 })).map(([a, d, sequence]) =>
    makeResidentId({ area: a, birthDate: `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`, sequence }),
  )

  it('builds numbers that validate, with the sex of the sequence parity', () => {
    fc.assert(
      fc.property(number, (id) => {
        const r = identify(id, { today, expect: 'resident_id' })
        return r.valid && r.kind === 'resident_id' && r.details?.sex === (Number(id.charAt(16)) % 2 === 1 ? 'male' : 'female')
      }),
      { numRuns: 1000 },
    )
  })

  it('builds numbers identify reads as ID numbers without being told, unless they start with 9', () => {
    // A 9… foreign permanent residence number that is also a valid USCC (both check characters
    // pass, ~1 in 341) is read as the USCC; such callers pass expect: 'resident_id'.
    fc.assert(
      fc.property(number, (id) => id.startsWith('9') || identify(id, { today }).kind === 'resident_id'),
      { numRuns: 1000 },
    )
  })

  it('rejects every single-digit substitution (mod 11 catches them all)', () => {
    fc.assert(
      fc.property(number, fc.nat(17), fc.constantFrom(...'0123456789X'.split('')), (id, at, ch) => {
        if (id.charAt(at) === ch) return true
        return !identify(id.slice(0, at) + ch + id.slice(at + 1), { today, expect: 'resident_id' }).valid
      }),
      { numRuns: 1000 },
    )
  })
})
