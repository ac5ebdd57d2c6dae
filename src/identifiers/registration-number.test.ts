import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { identify } from './identify.ts'
import { PUBLISHED_REGISTRATION_NUMBERS } from './published-codes.fixture.ts'
import { makeRegistrationNumber, registrationNumberCheckDigit } from './registration-number.ts'

const today = new Date(2026, 0, 15)

describe('registrationNumberCheckDigit (ISO 7064 MOD 11,10)', () => {
  it.each(PUBLISHED_REGISTRATION_NUMBERS)('agrees with the published number %s', (n) => {
    expect(registrationNumberCheckDigit(n.slice(0, 14))).toBe(n.charAt(14))
  })

  it('refuses input that is not 14 digits', () => {
    expect(() => registrationNumberCheckDigit('4403011085483')).toThrow(RangeError)
  })
})

describe('identify on 15-digit registration numbers', () => {
  it.each(PUBLISHED_REGISTRATION_NUMBERS)('accepts the published number %s and explains it', (n) => {
    const r = identify(n, { today })
    expect(r).toMatchObject({ kind: 'registration_number', valid: true })
    expect(r.details).toMatchObject({
      authority: { code: '440301', name: '市辖区', known: true },
      sequence: n.slice(6, 14),
      entityType: 'domestic',
      checksumOk: true,
    })
    expect(r.details?.warnings).toBeUndefined()
  })

  it('accepts a national registration (authority 100000)', () => {
    const r = identify(makeRegistrationNumber('100000', '40000011'), { today })
    expect(r.details).toMatchObject({ authority: { code: '100000', national: true }, entityType: 'foreign_invested' })
  })

  it.each([
    ['0–3 as domestic', '00000001', 'domestic'],
    ['4–5 as foreign-invested', '50000001', 'foreign_invested'],
    ['6–9 as an individual business', '60000001', 'individual_business'],
  ])('reads a sequence starting with %s', (_name, sequence, entityType) => {
    expect(identify(makeRegistrationNumber('410702', sequence), { today }).details?.entityType).toBe(entityType)
  })

  it('only warns about a failing check digit by default', () => {
    const n = makeRegistrationNumber('410702', '00001234')
    const wrong = n.slice(0, 14) + ((Number(n.charAt(14)) + 1) % 10)
    const r = identify(wrong, { today })
    expect(r).toMatchObject({ kind: 'registration_number', valid: true, details: { checksumOk: false } })
    expect(r.details?.warnings).toEqual([expect.objectContaining({ code: 'IDENTIFIER_CHECKSUM' })])
  })

  it('rejects a failing check digit with registrationChecksumStrict, naming the expected digit', () => {
    const n = makeRegistrationNumber('410702', '00001234')
    const wrong = n.slice(0, 14) + ((Number(n.charAt(14)) + 1) % 10)
    const r = identify(wrong, { today, registrationChecksumStrict: true })
    expect(r.error?.code).toBe('IDENTIFIER_CHECKSUM')
    expect(r.error?.zh).toContain(`应为 ${n.charAt(14)}`)
  })

  it('rejects an authority code outside every province', () => {
    expect(identify(makeRegistrationNumber('990000', '00001234'), { today }).error?.code).toBe('IDENTIFIER_AUTHORITY')
  })

  it('warns about an authority code it does not know', () => {
    const r = identify(makeRegistrationNumber('419999', '00001234'), { today })
    expect(r.valid).toBe(true)
    expect(r.details?.warnings).toEqual([expect.objectContaining({ code: 'IDENTIFIER_DIVISION_UNKNOWN' })])
  })

  it('rejects letters, pointing out a 15-character tax registration number', () => {
    const r = identify('410702M000100Y4', { today })
    expect(r).toMatchObject({ kind: 'registration_number', valid: false, error: { code: 'IDENTIFIER_CHARSET' } })
    expect(r.details).toMatchObject({ possibleTaxRegistrationNumber: true, orgCode: 'M000100Y-4' })
  })
})

describe('15 digits: registration number or first-generation resident ID number', () => {
  it('reads a real 19YYMMDD date with a failing MOD 11,10 digit as a first-generation ID number', () => {
    const r = identify('410702800101123', { today })
    expect(r.kind).toBe('resident_id')
  })

  it('reads a passing MOD 11,10 digit without a real date as a registration number', () => {
    expect(identify('440301108548379', { today }).kind).toBe('registration_number')
  })

  it('reads a number that fits both as a registration number with an IDENTIFIER_AMBIGUOUS warning', () => {
    const n = makeRegistrationNumber('410702', '80010112') // positions 7–12: 800101
    const r = identify(n, { today })
    expect(r).toMatchObject({ kind: 'registration_number', valid: true, details: { alternativeKind: 'resident_id' } })
    expect(identify(n, { today, expect: 'resident_id' })).toMatchObject({ kind: 'resident_id', valid: true })
  })

  it('lets the caller force the registration number reading', () => {
    expect(identify('410702800101123', { today, expect: 'registration_number' }).kind).toBe('registration_number')
  })

  it('builds numbers that validate', () => {
    const authority = fc.constantFrom('100000', '410702', '410728', '440301', '110105')
    const sequence = fc.integer({ min: 0, max: 99_999_999 }).map((n) => String(n).padStart(8, '0'))
    fc.assert(
      fc.property(authority, sequence, (a, s) => {
        const r = identify(makeRegistrationNumber(a, s), { today, expect: 'registration_number', registrationChecksumStrict: true })
        return r.valid && r.details?.checksumOk === true
      }),
      { numRuns: 1000 },
    )
  })

  it('rejects every single-digit substitution under registrationChecksumStrict', () => {
    const sequence = fc.integer({ min: 0, max: 99_999_999 }).map((n) => String(n).padStart(8, '0'))
    fc.assert(
      fc.property(sequence, fc.nat(14), fc.nat(9), (s, at, d) => {
        const n = makeRegistrationNumber('410702', s)
        if (n.charAt(at) === String(d)) return true
        const changed = n.slice(0, at) + d + n.slice(at + 1)
        return !identify(changed, { expect: 'registration_number', registrationChecksumStrict: true }).valid
      }),
      { numRuns: 1000 },
    )
  })
})
