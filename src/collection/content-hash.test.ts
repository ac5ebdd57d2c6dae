import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { administrativePenalty } from '../catalog/base-catalog/index.ts'
import { canonicalJson, contentHash, recordContentHash } from './content-hash.ts'

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')

describe('canonicalJson', () => {
  it.each([
    [{ b: '2', a: '1' }, '{"a":"1","b":"2"}'],
    [{ a: ['y', 'x'] }, '{"a":["y","x"]}'],
    [{ a: null, b: 1, c: undefined }, '{"b":1}'],
    [{ a: true, b: false, n: 0.5 }, '{"a":true,"b":false,"n":0.5}'],
    [{ s: '引号"和\\反斜杠\n' }, '{"s":"引号\\"和\\\\反斜杠\\n"}'],
    [{}, '{}'],
  ])('writes %j as %s', (value, text) => {
    expect(canonicalJson(value)).toBe(text)
  })
})

describe('contentHash', () => {
  it('is the SHA-256 (hex) of the canonical JSON', () => {
    expect(contentHash({ b: '2', a: '1' })).toBe(sha256('{"a":"1","b":"2"}'))
    expect(contentHash({})).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a')
  })

  it('gives equal payloads equal hashes whatever the key order', () => {
    const a = { CF_WSH: '新市监罚(2024)12号', CF_NR_FK: '0.2', CF_CFLB: ['010101', '010103'] }
    const b = { CF_CFLB: ['010101', '010103'], CF_NR_FK: '0.2', CF_WSH: '新市监罚(2024)12号' }
    expect(contentHash(a)).toBe(contentHash(b))
  })

  it('hashes an empty field and a missing one alike', () => {
    expect(contentHash({ a: '1', b: null })).toBe(contentHash({ a: '1' }))
  })

  it.each([
    [{ a: '1' }, { a: '2' }],
    [{ a: ['x', 'y'] }, { a: ['y', 'x'] }],
    [{ a: '1' }, { a: 1 }],
    [{ a: '1' }, { b: '1' }],
  ])('tells %j and %j apart', (x, y) => {
    expect(contentHash(x)).not.toBe(contentHash(y))
  })

  it('does not depend on insertion order for any payload', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.oneof(fc.string(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }))), (dict) => {
        const reversed = Object.fromEntries(Object.entries(dict).reverse())
        expect(contentHash(reversed)).toBe(contentHash(dict))
      }),
    )
  })
})

describe('recordContentHash', () => {
  it('hashes bracket and width variants of the business key alike', () => {
    const a = recordContentHash(administrativePenalty, { CF_WSH: '新市监罚〔2024〕12号', CF_CFJGDM: '114107000053401197', CF_NR: '罚款' })
    const b = recordContentHash(administrativePenalty, { CF_WSH: '新市监罚（2024） 12号', CF_CFJGDM: '114107000053401197', CF_NR: '罚款' })
    expect(a).toBe(b)
    expect(a).toBe(contentHash({ CF_WSH: '新市监罚(2024)12号', CF_CFJGDM: '114107000053401197', CF_NR: '罚款' }))
  })

  it('still tells other changes apart', () => {
    const a = recordContentHash(administrativePenalty, { CF_WSH: '罚〔2024〕1号', CF_NR: '罚款（2000元）' })
    const b = recordContentHash(administrativePenalty, { CF_WSH: '罚〔2024〕1号', CF_NR: '罚款(2000元)' })
    expect(a).not.toBe(b)
  })
})
