import { describe, expect, it } from 'vitest'
import { AutoDecoder, detectEncoding, ENCODING_SAMPLE_BYTES, isValidUtf8 } from './encoding.ts'
import { encodeGb18030 } from './gb18030.ts'

const text = '行政相对人名称,统一社会信用代码\r\n新乡市红旗区鑫源副食品商行有限公司,91410702MA47XK2LX5\r\n'
const utf8 = Buffer.from(text, 'utf8')
const gbk = encodeGb18030(text)
const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])

describe('detectEncoding', () => {
  it.each([
    ['UTF-8 with a BOM (Excel "CSV UTF-8")', bom, { encoding: 'utf-8', bom: true }],
    ['UTF-8 without a BOM', utf8, { encoding: 'utf-8', bom: false }],
    ['GBK / GB18030 bytes', gbk, { encoding: 'gb18030', bom: false }],
    ['pure ASCII (reads the same either way)', Buffer.from('CF_XDR_MC,CF_WSH\r\n'), { encoding: 'utf-8', bom: false }],
    ['an empty file', Buffer.alloc(0), { encoding: 'utf-8', bom: false }],
    ['only a BOM', Buffer.from([0xef, 0xbb, 0xbf]), { encoding: 'utf-8', bom: true }],
  ])('%s', (_name, bytes, expected) => {
    expect(detectEncoding(bytes)).toEqual(expected)
  })

  it('accepts a UTF-8 sample cut in the middle of a character', () => {
    const cut = utf8.subarray(0, Buffer.from('行政相', 'utf8').length - 1) // last character lacks a byte
    expect(detectEncoding(cut)).toEqual({ encoding: 'utf-8', bom: false })
    expect(isValidUtf8(cut)).toBe(true)
  })

  it('treats a cut character as invalid when the sample is the whole file', () => {
    const cut = utf8.subarray(0, 2)
    expect(isValidUtf8(cut, { complete: true })).toBe(false)
    expect(detectEncoding(cut, { complete: true }).encoding).toBe('gb18030')
  })

  it('looks at no more than the first 64 KB', () => {
    const head = Buffer.concat([Buffer.alloc(ENCODING_SAMPLE_BYTES, 0x41), gbk])
    expect(detectEncoding(head).encoding).toBe('utf-8')
  })

  it('sees a GBK character cut at the end of the sample as GB18030 when the rest is GBK', () => {
    expect(detectEncoding(gbk.subarray(0, gbk.length - 1)).encoding).toBe('gb18030')
  })
})

describe('AutoDecoder', () => {
  const decodeIn = (bytes: Buffer, size: number) => {
    const d = new AutoDecoder()
    let out = ''
    for (let p = 0; p < bytes.length; p += size) out += d.write(bytes.subarray(p, p + size))
    return { text: out + d.end(), encoding: d.encoding, bom: d.bom }
  }

  it.each([1, 2, 3, 5, 7, 64, 4096])('decodes UTF-8, BOM and GB18030 fed %i bytes at a time', (size) => {
    expect(decodeIn(utf8, size)).toEqual({ text, encoding: 'utf-8', bom: false })
    expect(decodeIn(bom, size)).toEqual({ text, encoding: 'utf-8', bom: true })
    expect(decodeIn(gbk, size)).toEqual({ text, encoding: 'gb18030', bom: false })
  })

  it('detects GBK that starts after 100 KB of ASCII', () => {
    const ascii = 'CF_XDR_MC,CF_WSH\r\n' + 'ABC,123\r\n'.repeat(12_000)
    const bytes = Buffer.concat([Buffer.from(ascii), gbk])
    const r = decodeIn(bytes, 65536)
    expect(r.encoding).toBe('gb18030')
    expect(r.text).toBe(ascii + text)
  })

  it('reports UTF-8 for a file that is ASCII throughout, and undefined until the end', () => {
    const d = new AutoDecoder()
    expect(d.write(Buffer.from('a,b\n'))).toBe('a,b\n')
    expect(d.encoding).toBeUndefined()
    expect(d.end()).toBe('')
    expect(d.encoding).toBe('utf-8')
  })

  it('keeps a U+FEFF that is not at the start', () => {
    const bytes = Buffer.from('a,\ufeffb\n', 'utf8')
    expect(decodeIn(bytes, 3).text).toBe('a,\ufeffb\n')
  })
})
