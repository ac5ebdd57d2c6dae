import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { identify } from './identify.ts'
import { orgCodeCheckChar } from './org-code.ts'
import { NON_CONFORMING_PILOT_USCCS, PUBLISHED_USCCS, STDNUM_VALID_USCCS } from './published-codes.fixture.ts'
import { USCC_CHARSET, USCC_REGISTRATION_AUTHORITIES, makeUscc, usccCheckChar, usccSubjectKind } from './uscc.ts'

/** 17 characters + their correct USCC check character, whatever else is wrong with them. */
const withCheck = (first17: string) => first17 + usccCheckChar(first17)
/** A body with its correct GB 11714 check character. */
const org = (body8: string) => body8 + orgCodeCheckChar(body8)

describe('usccCheckChar (GB 32100)', () => {
  it('computes 3 for the worked example of the standard (Σ = 1640, 1640 mod 31 = 28)', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3')
  })

  it.each(['1210000042500615X0', '913502006120495420', '911522010783762860', '91340600MA2PBP2120', '9162010558590643X0', '92340603MA2UK1TD00'])(
    'gives the character 0 (not "31") when Σ mod 31 is 0, as for the published %s',
    (code) => {
      expect(usccCheckChar(code.slice(0, 17))).toBe('0')
      expect(identify(code)).toMatchObject({ kind: 'uscc', valid: true })
    },
  )

  it('refuses characters outside the 31-character set', () => {
    expect(() => usccCheckChar('91350100I000100Y4')).toThrow(RangeError)
  })
})

describe('identify on published USCCs', () => {
  it('accepts the GB 32100 worked example and explains it', () => {
    const r = identify('91350100M000100Y43')
    expect(r).toMatchObject({ input: '91350100M000100Y43', normalized: '91350100M000100Y43', kind: 'uscc', valid: true })
    expect(r.error).toBeUndefined()
    expect(r.details).toMatchObject({
      authority: { code: '9', zh: '工商（市场监管）' },
      category: { code: '1', zh: '企业', en: 'Enterprise' },
      subjectKind: 'enterprise',
      division: { code: '350100', name: '福州市', current: true, known: true },
      orgCode: 'M000100Y-4',
      taxNumber15: '350100M000100Y4',
    })
    expect(r.details?.warnings).toBeUndefined()
  })

  it(`accepts all ${STDNUM_VALID_USCCS.length} numbers python-stdnum's suite lists as valid`, () => {
    const rejected = STDNUM_VALID_USCCS.map((c) => identify(c)).filter((r) => !r.valid || r.kind !== 'uscc')
    expect(rejected).toEqual([])
  })

  it.each(PUBLISHED_USCCS.map((p) => [p.holder, p.code, p.subjectKind]))('accepts the code of %s (%s) as %s', (_holder, code, kind) => {
    const r = identify(code)
    expect(r).toMatchObject({ kind: 'uscc', valid: true })
    expect(r.details?.subjectKind).toBe(kind)
  })

  it('reports central registrations (division 100000) as national, not as an unknown division', () => {
    const r = identify('12100000400000624D')
    expect(r.details?.division).toMatchObject({ code: '100000', known: true, national: true })
    expect(r.details?.warnings).toBeUndefined()
  })

  it.each(NON_CONFORMING_PILOT_USCCS)('rejects the non-conforming early pilot code %s, like IDCheck and hutool', (code) => {
    expect(identify(code)).toMatchObject({ kind: 'uscc', valid: false, error: { code: 'IDENTIFIER_CHECKSUM' } })
  })
})

describe('identify on malformed USCCs', () => {
  it.each([
    ['a wrong check character (python-stdnum)', '91110000600037341N', 'IDENTIFIER_CHECKSUM', '校验码错误，应为 L', 'Check character is wrong; expected L'],
    ['a wrong check character in the worked example', '91350100M000100Y44', 'IDENTIFIER_CHECKSUM', '校验码错误，应为 3', 'Check character is wrong; expected 3'],
    ['the letters I O Z S V (python-stdnum)', '9111000060003IOZSV', 'IDENTIFIER_CHARSET', '第 14 位的字符 “I”', "Character 'I' at position 14"],
    ['an emoji', '91350100M000100Y😀', 'IDENTIFIER_CHARSET', 'U+D83D', 'U+D83D'],
    ['a null byte', '91350100M000100Y4\u0000', 'IDENTIFIER_CHARSET', 'U+0000', 'U+0000'],
  ])('rejects %s', (_name, input, code, zh, en) => {
    const r = identify(input)
    expect(r.kind).toBe('uscc')
    expect(r.valid).toBe(false)
    expect(r.error?.code).toBe(code)
    expect(r.error?.zh).toContain(zh)
    expect(r.error?.en).toContain(en)
  })

  it('rejects A1110000600037341L, which python-stdnum calls a format error, on its check character', () => {
    // Authority A is valid (GB 32100: 中央军委改革和编制办公室), so only the check character is wrong here.
    expect(identify('A1110000600037341L').error?.code).toBe('IDENTIFIER_CHECKSUM')
  })

  it.each([
    ['a registration authority that does not exist', withCheck(`B1410702${org('MA3X0000')}`), '登记管理部门代码 “B” 不存在'],
    ['a category authority 9 does not have', withCheck(`94410702${org('MA3X0000')}`), '登记管理部门 9（工商（市场监管））下没有机构类别代码 “4”'],
    ['category 9 under Y, which only has 1', withCheck(`Y9410702${org('MA3X0000')}`), '下没有机构类别代码 “9”'],
  ])('rejects %s with IDENTIFIER_AUTHORITY', (_name, code, zh) => {
    const r = identify(code, { expect: 'uscc' })
    expect(r.error?.code).toBe('IDENTIFIER_AUTHORITY')
    expect(r.error?.zh).toContain(zh)
  })

  it('rejects a division part that is not 6 digits with IDENTIFIER_DIVISION', () => {
    const r = identify(withCheck(`9141A702${org('MA3X0000')}`))
    expect(r.error?.code).toBe('IDENTIFIER_DIVISION')
    expect(r.error?.en).toContain("'41A702'")
  })

  it('rejects positions 9–17 that fail the GB 11714 check with IDENTIFIER_ORG_CODE_CHECKSUM, naming the expected character', () => {
    const code = withCheck('91350100M000100Y5') // the organisation code's check character should be 4
    const r = identify(code)
    expect(r.error).toMatchObject({ code: 'IDENTIFIER_ORG_CODE_CHECKSUM' })
    expect(r.error?.zh).toContain('应为 4')
    expect(r.error?.en).toContain('expected 4')
  })

  it('only warns about a failing organisation code when orgCodeStrict is false', () => {
    const r = identify(withCheck('91350100M000100Y5'), { orgCodeStrict: false })
    expect(r.valid).toBe(true)
    expect(r.details?.warnings).toEqual([expect.objectContaining({ code: 'IDENTIFIER_ORG_CODE_CHECKSUM' })])
  })

  it('reports the organisation code before the final check character when both are wrong', () => {
    expect(identify('91350100M000100Y53').error?.code).toBe('IDENTIFIER_ORG_CODE_CHECKSUM')
  })
})

describe('identify on USCC input forms and divisions', () => {
  it.each([
    ['lower case', '91350100m000100y43'],
    ['spaces', ' 9135 0100 M000 100Y 43 '],
    ['hyphens', '91-350100-M000100Y4-3'],
    ['full-width characters and an ideographic space', '９１３５０１００Ｍ０００１００Ｙ４\u3000３'],
  ])('accepts the worked example written with %s', (_name, input) => {
    const r = identify(input)
    expect(r).toMatchObject({ input, normalized: '91350100M000100Y43', kind: 'uscc', valid: true })
  })

  it('accepts a USCC issued under the abolished code 410728 长垣县 and names its successor', () => {
    const r = identify(makeUscc({ authority: '9', category: '1', division: '410728', orgCodeBody8: 'MA3X5K2L' }))
    expect(r.valid).toBe(true)
    expect(r.details?.division).toMatchObject({ code: '410728', name: '长垣县', current: false, successor: '410783', known: true })
    expect(r.details?.warnings).toBeUndefined()
  })

  it.each(['410771', '410772', '410773'])('knows the 新乡 functional zone %s', (division) => {
    const r = identify(makeUscc({ authority: '9', category: '1', division, orgCodeBody8: 'MA3X5K2L' }))
    expect(r.details?.division).toMatchObject({ code: division, known: true, functionalZone: true, prefectureName: '新乡市' })
  })

  it('accepts an unknown division with a warning, not an error', () => {
    const r = identify(makeUscc({ authority: '9', category: '1', division: '999999', orgCodeBody8: 'MA3X5K2L' }))
    expect(r.valid).toBe(true)
    expect(r.details?.division).toEqual({ code: '999999', known: false })
    expect(r.details?.warnings).toEqual([expect.objectContaining({ code: 'IDENTIFIER_DIVISION_UNKNOWN' })])
  })
})

describe('registration authorities and categories', () => {
  const expectedKinds: Record<string, string> = {
    '11': 'government_body', '12': 'public_institution', '13': 'social_organisation', '19': 'other_organisation',
    '21': 'other_organisation', '29': 'other_organisation',
    '31': 'other_organisation', '32': 'other_organisation', '33': 'other_organisation', '34': 'other_organisation', '35': 'other_organisation', '39': 'other_organisation',
    '41': 'other_organisation', '49': 'other_organisation',
    '51': 'social_organisation', '52': 'social_organisation', '53': 'social_organisation', '59': 'social_organisation',
    '61': 'other_organisation', '62': 'other_organisation', '69': 'other_organisation',
    '71': 'other_organisation', '72': 'other_organisation', '79': 'other_organisation',
    '81': 'social_organisation', '89': 'social_organisation',
    '91': 'enterprise', '92': 'individual_business', '93': 'farmer_cooperative',
    A1: 'public_institution', A9: 'other_organisation',
    N1: 'rural_collective', N2: 'rural_collective', N3: 'rural_collective', N9: 'rural_collective',
    Y1: 'other_organisation',
  }

  it('has exactly the authority/category pairs of GB 32100, each with Chinese and English names', () => {
    const pairs = USCC_REGISTRATION_AUTHORITIES.flatMap((a) => a.categories.map((c) => a.code + c.code))
    expect(pairs.sort()).toEqual(Object.keys(expectedKinds).sort())
    for (const a of USCC_REGISTRATION_AUTHORITIES) {
      expect(a.zh && a.en).toBeTruthy()
      for (const c of a.categories) expect(c.zh && c.en).toBeTruthy()
    }
  })

  it.each(Object.entries(expectedKinds))('derives the subject kind of %s as %s', (pair, kind) => {
    const code = makeUscc({ authority: pair.charAt(0), category: pair.charAt(1), division: '410702', orgCodeBody8: 'MA3X5K2L' })
    expect(usccSubjectKind(code)).toBe(kind)
    expect(identify(code)).toMatchObject({ kind: 'uscc', valid: true, details: { subjectKind: kind } })
  })
})

describe('makeUscc and the check character, for any input', () => {
  const charsetUnit = fc.constantFrom(...USCC_CHARSET.split(''))
  const pair = fc.constantFrom(...USCC_REGISTRATION_AUTHORITIES.flatMap((a) => a.categories.map((c) => [a.code, c.code] as const)))
  const division = fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, '0'))
  const body = fc.string({ unit: charsetUnit, minLength: 8, maxLength: 8 })
  const uscc = fc.tuple(pair, division, body).map(([[authority, category], d, b]) => makeUscc({ authority, category, division: d, orgCodeBody8: b }))

  it('builds codes that validate', () => {
    fc.assert(fc.property(uscc, (code) => identify(code, { expect: 'uscc' }).valid), { numRuns: 1000 })
  })

  it('builds codes identify recognises as USCCs without being told', () => {
    fc.assert(fc.property(uscc, (code) => identify(code).kind === 'uscc'), { numRuns: 1000 })
  })

  it('rejects every single-character substitution anywhere in the code (mod 31 catches them all)', () => {
    fc.assert(
      fc.property(uscc, fc.nat(17), charsetUnit, (code, at, ch) => {
        if (code.charAt(at) === ch) return true
        return !identify(code.slice(0, at) + ch + code.slice(at + 1), { expect: 'uscc' }).valid
      }),
      { numRuns: 1000 },
    )
  })

  it('finds codes whose check character is 0', () => {
    let found = 0
    for (let n = 0; found < 5 && n < 10_000; n++) {
      const code = makeUscc({ authority: '9', category: '1', division: '410702', orgCodeBody8: `MA${String(n).padStart(6, '0')}` })
      if (code.endsWith('0')) {
        found++
        expect(identify(code)).toMatchObject({ kind: 'uscc', valid: true })
      }
    }
    expect(found).toBe(5)
  })

  it.each([
    ['an unknown authority', { authority: 'B', category: '1', division: '410702', orgCodeBody8: 'MA3X5K2L' }],
    ['a category the authority lacks', { authority: '9', category: '4', division: '410702', orgCodeBody8: 'MA3X5K2L' }],
    ['a short division', { authority: '9', category: '1', division: '41070', orgCodeBody8: 'MA3X5K2L' }],
    ['a body with a letter outside the charset', { authority: '9', category: '1', division: '410702', orgCodeBody8: 'MA3X5K2O' }],
  ])('refuses to build a code with %s', (_name, parts) => {
    expect(() => makeUscc(parts)).toThrow(RangeError)
  })
})
