/**
 * A GB18030 encoder for tests, fixtures and benchmarks (Node decodes GB18030 but cannot encode
 * it). Covers the two-byte range (all of GBK: every Han character, punctuation and full-width
 * form in departments' files); characters outside it throw.
 */
import { TextDecoder } from 'node:util'

let table: Map<number, number> | undefined

function buildTable(): Map<number, number> {
  const t = new Map<number, number>()
  const decoder = new TextDecoder('gb18030')
  const pair = new Uint8Array(2)
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue
      pair[0] = lead
      pair[1] = trail
      const s = decoder.decode(pair)
      if (s.length !== 1 || s === '\ufffd') continue
      const cp = s.charCodeAt(0)
      if (!t.has(cp)) t.set(cp, (lead << 8) | trail)
    }
  }
  return t
}

export function encodeGb18030(text: string): Buffer {
  table ??= buildTable()
  const out = Buffer.allocUnsafe(text.length * 2)
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) {
      out[n++] = c
      continue
    }
    const code = table.get(c)
    if (code === undefined) throw new RangeError(`No two-byte GB18030 code for U+${c.toString(16).toUpperCase().padStart(4, '0')} (${text[i]})`)
    out[n++] = code >> 8
    out[n++] = code & 0xff
  }
  return out.subarray(0, n)
}
