import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { payloadField } from './publicity-record.ts'

describe('payloadField', () => {
  it.each([
    ['codes written by SQLite', '{"CF_WSH":"x","CF_CFLB":["010103","010106"],"CF_NR_FK":"3"}', 'CF_CFLB', ['010103', '010106']],
    ['codes read back from jsonb', '{"CF_WSH": "x", "CF_CFLB": ["010103", "010106"], "CF_NR_FK": "3"}', 'CF_CFLB', ['010103', '010106']],
    ['a decimal string', '{"CF_NR_FK": "0.2"}', 'CF_NR_FK', '0.2'],
    ['a null', '{"SX_YCRQ":null,"A":1}', 'SX_YCRQ', null],
    ['a number last', '{"A":"b","N":12.5}', 'N', 12.5],
    ['an absent key', '{"A":"b"}', 'CF_CFLB', undefined],
    ['a key quoted inside another value', '{"CF_SY":"见 \\"CF_CFLB\\": 吊销","CF_CFLB":["010101"]}', 'CF_CFLB', ['010101']],
    ['a key that ends another key after an escaped quote', '{"\\"v":0,"v":null}', 'v', null],
    ['a value with escaped quotes and brackets', '{"K":"a\\"]b","CF_CFLB":["0101]03"]}', 'K', 'a"]b'],
  ])('reads %s', (_, text, key, value) => {
    expect(payloadField(text, key)).toEqual(value)
  })

  it('agrees with JSON.parse on any flat object, with or without spaces', () => {
    const value = fc.oneof(fc.string(), fc.array(fc.string()), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null), fc.boolean())
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), value), fc.boolean(), (object, spaced) => {
        const text = spaced ? JSON.stringify(object, null, 1) : JSON.stringify(object)
        for (const key of Object.keys(object)) expect(payloadField(text, key)).toEqual(JSON.parse(JSON.stringify(object))[key])
      }),
      { numRuns: 2000 },
    )
  })
})
