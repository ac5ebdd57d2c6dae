import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalizeCode } from './normalize.ts'

describe('normalizeCode', () => {
  it.each([
    ['an already clean code is returned as it is', '91350100M000100Y43', '91350100M000100Y43'],
    ['lower case is upper-cased', '91350100m000100y43', '91350100M000100Y43'],
    ['surrounding and inner spaces are removed', '  9135 0100 M000100Y43 ', '91350100M000100Y43'],
    ['tabs and line breaks are removed', '\t91350100\r\nM000100Y43\n', '91350100M000100Y43'],
    ['the ideographic space U+3000 is removed', '9135\u30000100M000100Y43', '91350100M000100Y43'],
    ['a no-break space is removed', '9135\u00a00100M000100Y43', '91350100M000100Y43'],
    ['zero-width spaces and a BOM are removed', '\ufeff9135\u200b0100M000100Y43', '91350100M000100Y43'],
    ['an ASCII hyphen is removed', 'M000100Y-4', 'M000100Y4'],
    ['a full-width hyphen is removed', 'M000100Y－4', 'M000100Y4'],
    ['Unicode hyphens and dashes are removed', 'M0‐00‑10–0Y—4', 'M000100Y4'],
    ['full-width digits and letters are folded to ASCII', '９１３５０１００Ｍ０００１００Ｙ４３', '91350100M000100Y43'],
    ['full-width lower-case letters are folded and upper-cased', '１１０１０５１９４９１２３１００２ｘ', '11010519491231002X'],
    ['a lower-case x check character becomes X', '11010519491231002x', '11010519491231002X'],
    ['characters that can never be valid are kept so validation can name them', '9135O1OO?', '9135O1OO?'],
    ['emoji and lone surrogates are kept', 'AB😀\ud800', 'AB😀\ud800'],
    ['an empty string stays empty', '', ''],
    ['a string of separators becomes empty', ' \u3000-－\t', ''],
  ])('%s', (_name, input, expected) => {
    expect(normalizeCode(input)).toBe(expected)
  })

  it('returns the very same string object on the fast path', () => {
    const s = '91350100M000100Y43'
    expect(Object.is(normalizeCode(s), s)).toBe(true)
  })

  it('is idempotent for any string of code points', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => normalizeCode(normalizeCode(s)) === normalizeCode(s)),
      { numRuns: 1000 },
    )
  })

  it('is idempotent for any string of UTF-16 code units, lone surrogates included', () => {
    const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c))
    fc.assert(
      fc.property(fc.string({ unit: codeUnit, maxLength: 60 }), (s) => normalizeCode(normalizeCode(s)) === normalizeCode(s)),
      { numRuns: 1000 },
    )
  })

  it('is idempotent for strings made of the characters it changes', () => {
    const alphabet = fc.constantFrom(...'aZ9-－‐–— \u3000\u00a0\t０ｚＡ!％x'.split(''))
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (chars) => {
        const s = chars.join('')
        return normalizeCode(normalizeCode(s)) === normalizeCode(s)
      }),
    )
  })
})
