import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_INPUT_LENGTH, identify } from './identify.ts'
import { orgCodeCheckChar } from './org-code.ts'
import { makeResidentId } from './resident-id.ts'
import { makeUscc, usccCheckChar } from './uscc.ts'

const today = new Date(2026, 0, 15)
const withCheck = (first17: string) => first17 + usccCheckChar(first17)
const org = (body8: string) => body8 + orgCodeCheckChar(body8)

describe('identify: every error code, with a Chinese and an English message', () => {
  it.each([
    ['IDENTIFIER_EMPTY', '   '],
    ['IDENTIFIER_LENGTH', '9135010'],
    ['IDENTIFIER_CHARSET', '91350100M000100YI3'],
    ['IDENTIFIER_AUTHORITY', withCheck(`B1410702${org('MA3X0000')}`)],
    ['IDENTIFIER_DIVISION', withCheck(`9141O702${org('MA3X0000')}`.replace('O', 'A'))],
    ['IDENTIFIER_ORG_CODE_CHECKSUM', withCheck('91350100M000100Y5')],
    ['IDENTIFIER_CHECKSUM', '91350100M000100Y44'],
    ['IDENTIFIER_BIRTH_DATE', makeResidentId({ area: '410702', birthDate: '19990230', sequence: 1 })],
    ['IDENTIFIER_AREA', makeResidentId({ area: '990426', birthDate: '19911201', sequence: 7 })],
  ])('%s is reported for %j', (code, input) => {
    const r = identify(input, { today })
    expect(r.valid).toBe(false)
    expect(r.error?.code).toBe(code)
    expect(r.error?.zh).toMatch(/[\u4e00-\u9fff]/)
    expect(r.error?.en).toMatch(/^[\x20-\x7e–]+$/)
  })
})

describe('identify: deciding the kind', () => {
  it.each([
    ['18 characters with letters', '91350100M000100Y43', 'uscc'],
    ['18 digits that are a valid USCC', '911522010783710635', 'uscc'],
    ['18 digits that are a valid resident ID', '360426199101010071', 'resident_id'],
    ['a resident ID with an x', '11010519491231002x', 'resident_id'],
    ['9 characters', 'M000100Y4', 'org_code'],
    ['9 characters with a hyphen (10 before normalising)', 'M000100Y-4', 'org_code'],
    ['15 digits with a valid check digit and no date', '440301108548379', 'registration_number'],
    ['15 digits with a real date and a failing check digit', '410702800101123', 'resident_id'],
    ['12 characters', '123456789012', 'unknown'],
    ['20-digit individual business tax numbers', '41070219491231123X00', 'unknown'],
  ])('reads %s as %s', (_name, input, kind) => {
    expect(identify(input, { today }).kind).toBe(kind)
  })

  it('reports an 18-digit number with a real birth date and a wrong check character as a resident ID', () => {
    expect(identify('110105194912310021', { today })).toMatchObject({ kind: 'resident_id', error: { code: 'IDENTIFIER_CHECKSUM' } })
  })

  it('reports an impossible birth date in an otherwise fine ID number as a birth date error, not a USCC error', () => {
    expect(identify('110105199902300021', { today })).toMatchObject({ kind: 'resident_id', error: { code: 'IDENTIFIER_BIRTH_DATE' } })
  })

  it('reports an all-digit USCC with a typo as a USCC, even when the ID check character happens to fit', () => {
    // 911522010783710635 is valid; change the last digit to every other digit.
    for (const d of '012346789') {
      const r = identify(`91152201078371063${d}`, { today })
      expect(r.kind, d).toBe('uscc')
    }
  })

  it('reports a resident ID number with a province part that never existed as IDENTIFIER_AREA', () => {
    expect(identify(makeResidentId({ area: '190426', birthDate: '19910101', sequence: 7 }), { today })).toMatchObject({ kind: 'resident_id', error: { code: 'IDENTIFIER_AREA' } })
  })

  it('lets expect force a kind', () => {
    expect(identify('360426199101010071', { expect: 'uscc' })).toMatchObject({ kind: 'uscc', valid: false })
    expect(identify('M000100Y4', { expect: 'uscc' })).toMatchObject({ kind: 'uscc', valid: false, error: { code: 'IDENTIFIER_LENGTH' } })
    expect(identify('M000100Y4', { expect: 'uscc' }).error?.zh).toContain('统一社会信用代码应为 18 位')
  })

  it('keeps the kind asked for when the input is empty or too long', () => {
    expect(identify('', { expect: 'resident_id' })).toMatchObject({ kind: 'resident_id', error: { code: 'IDENTIFIER_EMPTY' } })
    expect(identify('1'.repeat(100), { expect: 'resident_id' })).toMatchObject({ kind: 'resident_id', error: { code: 'IDENTIFIER_LENGTH' } })
  })
})

describe('identify: result shape', () => {
  it('carries exactly the documented fields', () => {
    for (const input of ['91350100M000100Y43', '91350100M000100Y44', '', 'M000100Y4', '410702800101123', '440301108548379', 'x']) {
      const r = identify(input, { today })
      for (const key of Object.keys(r)) expect(['input', 'normalized', 'kind', 'valid', 'error', 'details']).toContain(key)
      expect(typeof r.input).toBe('string')
      expect(typeof r.normalized).toBe('string')
      expect(r.valid === (r.error === undefined)).toBe(true)
    }
  })

  it('prints as one line of JSON and reads back the same', () => {
    for (const input of ['91350100M000100Y43', '11010519491231002X', '410702800101123', 'M000100Y-4', '\ud800', '😀'.repeat(20)]) {
      const r = identify(input, { today })
      const line = JSON.stringify(r)
      expect(line).not.toContain('\n')
      expect(JSON.parse(line)).toEqual(JSON.parse(JSON.stringify(r)))
    }
  })

  it('leaves details out with details: false, for bulk validation', () => {
    const r = identify('91350100M000100Y43', { details: false })
    expect(r).toEqual({ input: '91350100M000100Y43', normalized: '91350100M000100Y43', kind: 'uscc', valid: true })
    expect(identify('11010519491231002X', { details: false }).details).toBeUndefined()
  })

  it('gives the same verdict with and without details', () => {
    const inputs = ['91350100M000100Y43', '91350100M000100Y44', '11010519491231002X', '410702800101123', 'M000100Y4', '440301108548379']
    for (const i of inputs) {
      const a = identify(i, { today })
      const b = identify(i, { today, details: false })
      expect([b.kind, b.valid, b.error]).toEqual([a.kind, a.valid, a.error])
    }
  })
})

describe('identify never throws', () => {
  const check = (x: string) => {
    const r = identify(x, { today })
    return typeof r.valid === 'boolean' && typeof r.kind === 'string' && (r.valid || r.error !== undefined)
  }

  it('on any ASCII string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), check), { numRuns: 1000 })
  })

  it('on any string of Unicode code points', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), check), { numRuns: 1000 })
  })

  it('on any string of UTF-16 code units, lone surrogates included', () => {
    const unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c))
    fc.assert(fc.property(fc.string({ unit, maxLength: 40 }), check), { numRuns: 1000 })
  })

  it('on arbitrary bytes decoded as UTF-8 and as Latin-1', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => check(new TextDecoder().decode(bytes)) && check(Buffer.from(bytes).toString('latin1'))),
      { numRuns: 1000 },
    )
  })

  it('on strings of identifier characters of every length around the recognised ones', () => {
    const unit = fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXYIOSVZx- '.split(''))
    fc.assert(fc.property(fc.string({ unit, minLength: 7, maxLength: 20 }), check), { numRuns: 1000 })
  })

  it.each([
    ['null bytes', '\u0000'.repeat(18)],
    ['control characters', '\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017'],
    ['emoji', '😀😀😀😀😀😀😀😀😀'],
    ['a lone high surrogate', '\ud800'],
    ['a lone low surrogate in a code', '91350100M000100Y4\udc00'],
    ['String(null)', String(null)],
    ['String(undefined)', String(undefined)],
    ['String({})', String({})],
    ['String([1, 2])', String([1, 2])],
    ['String(Symbol())', String(Symbol('x'))],
    ['String(NaN)', String(NaN)],
    ['String(10n ** 20n)', String(10n ** 20n)],
    ['String(() => 1)', String(() => 1)],
  ])('on %s', (_name, input) => {
    expect(check(input)).toBe(true)
  })

  it('on values that are not strings at all, whatever TypeScript says', () => {
    const junk: unknown[] = [null, undefined, 42, {}, [], Symbol('s'), { toString: () => { throw new Error('no') } }, Object.create(null)]
    for (const j of junk) {
      const r = identify(j as string)
      expect(r.valid).toBe(false)
    }
  })

  it('on a 10 MB string, at once, with IDENTIFIER_LENGTH and a clipped input', () => {
    const huge = Buffer.alloc(10 * 1024 * 1024, '9').toString('latin1') // flat, as read from a file or request
    const start = performance.now()
    const r = identify(huge)
    expect(performance.now() - start).toBeLessThan(20) // ≈ 0.05 ms: the length is all that is read
    expect(r).toMatchObject({ kind: 'unknown', valid: false, error: { code: 'IDENTIFIER_LENGTH' }, details: { inputLength: huge.length } })
    expect(r.input.length).toBeLessThan(100)
  })

  it('on a 10 MB rope string built by concatenation', () => {
    const r = identify('9'.repeat(10 * 1024 * 1024) + 'X')
    expect(r.error?.code).toBe('IDENTIFIER_LENGTH')
  })

  it('on a long string of separators just over the limit', () => {
    const r = identify(' '.repeat(MAX_INPUT_LENGTH + 1))
    expect(r.error?.code).toBe('IDENTIFIER_LENGTH')
  })

  it('accepts a code padded with separators up to the limit', () => {
    const padded = ' '.repeat(500) + '91350100M000100Y43' + '\u3000'.repeat(500)
    expect(identify(padded).valid).toBe(true)
  })
})

describe('identify on generated codes', () => {
  it('accepts a mix of generated USCCs and resident IDs and rejects them once changed', () => {
    const uscc = makeUscc({ authority: '9', category: '1', division: '410783', orgCodeBody8: 'MA47XK2P' })
    const id = makeResidentId({ area: '410783', birthDate: '19851231', sequence: 42 })
    expect(identify(uscc)).toMatchObject({ kind: 'uscc', valid: true })
    expect(identify(id, { today })).toMatchObject({ kind: 'resident_id', valid: true, details: { sex: 'female' } })
    expect(identify(uscc.slice(0, 10) + (uscc.charAt(10) === '4' ? '5' : '4') + uscc.slice(11)).valid).toBe(false)
  })
})
