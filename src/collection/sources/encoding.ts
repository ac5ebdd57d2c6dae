/**
 * Text encoding of uploaded CSV files. Departments' systems export GBK/GB18030 (Chinese Windows
 * defaults) or UTF-8, the latter often with a BOM (Excel's "CSV UTF-8"). GB18030 is a superset of
 * GBK and GB2312, so one decoder reads all three.
 *
 * Detection: a UTF-8 BOM decides for UTF-8; otherwise a sample that is valid UTF-8 is UTF-8 (GBK
 * text of any length is almost never valid UTF-8: its lead bytes 0x81–0xFE are mostly followed by
 * bytes that UTF-8 forbids), anything else is GB18030. Pure ASCII decodes the same either way and
 * is reported as UTF-8.
 */

import { TextDecoder } from 'node:util'

export type TextEncodingName = 'utf-8' | 'gb18030'

export interface DetectedEncoding {
  encoding: TextEncodingName
  /** The sample starts with the UTF-8 byte order mark EF BB BF. */
  bom: boolean
}

/** How many bytes detection looks at. */
export const ENCODING_SAMPLE_BYTES = 64 * 1024

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const

export const hasUtf8Bom = (bytes: Uint8Array): boolean =>
  bytes.length >= 3 && bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2]

/**
 * Whether the bytes are valid UTF-8. With `complete: false` (the default: `bytes` is the head of a
 * longer file) a multibyte sequence cut off by the end of the sample is accepted; with
 * `complete: true` it is invalid.
 */
export function isValidUtf8(bytes: Uint8Array, options: { complete?: boolean } = {}): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
  try {
    // stream: true keeps an incomplete trailing sequence pending instead of rejecting it.
    decoder.decode(bytes, { stream: options.complete !== true })
    return true
  } catch {
    return false
  }
}

/** Index of the first byte ≥ 0x80, or -1 for pure ASCII. */
export function firstNonAscii(bytes: Uint8Array, from = 0): number {
  for (let i = from; i < bytes.length; i++) if ((bytes[i] as number) >= 0x80) return i
  return -1
}

/**
 * Detects the encoding of a file from its head (the first {@link ENCODING_SAMPLE_BYTES} bytes are
 * looked at). `complete: true` says `head` is the whole file, so a cut sequence at its end counts as
 * invalid UTF-8.
 */
export function detectEncoding(head: Uint8Array, options: { complete?: boolean } = {}): DetectedEncoding {
  if (hasUtf8Bom(head)) return { encoding: 'utf-8', bom: true }
  const complete = options.complete === true && head.length <= ENCODING_SAMPLE_BYTES
  const sample = head.length > ENCODING_SAMPLE_BYTES ? head.subarray(0, ENCODING_SAMPLE_BYTES) : head
  return { encoding: isValidUtf8(sample, { complete }) ? 'utf-8' : 'gb18030', bom: false }
}

/**
 * A streaming decoder that detects the encoding itself. ASCII passes straight through (it reads the
 * same in both encodings), so a file whose first kilobytes are ASCII — national column codes as
 * headers, numbers — is still detected from its first non-ASCII bytes: the decoder holds bytes
 * from the first non-ASCII byte until it has {@link ENCODING_SAMPLE_BYTES} of them (or the end of
 * the file), decides, and decodes everything from then on with one streaming TextDecoder.
 */
export class AutoDecoder {
  #decoder: TextDecoder | undefined
  #encoding: TextEncodingName | undefined
  #bom = false
  #started = false
  #pending: Buffer[] = []
  #pendingBytes = 0
  /** A non-ASCII byte has been seen (the pending bytes start with it). */
  #seenHigh = false

  /** The detected encoding, or undefined while only ASCII has been seen. */
  get encoding(): TextEncodingName | undefined {
    return this.#encoding
  }

  get bom(): boolean {
    return this.#bom
  }

  /** Decodes a chunk; may return '' while the encoding is being decided. */
  write(chunk: Uint8Array): string {
    if (this.#decoder) return this.#decoder.decode(chunk, { stream: true })
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
    if (!this.#started) {
      // The BOM check needs the first three bytes.
      this.#pending.push(buf)
      this.#pendingBytes += buf.length
      if (this.#pendingBytes < 3) {
        const head = Buffer.concat(this.#pending)
        if (head.every((b, i) => b === UTF8_BOM[i])) return ''
      }
      this.#started = true
      const head = Buffer.concat(this.#pending)
      this.#pending = []
      this.#pendingBytes = 0
      if (hasUtf8Bom(head)) {
        this.#decide('utf-8', true)
        return this.#decoder!.decode(head.subarray(3), { stream: true })
      }
      return this.#undecided(head)
    }
    return this.#undecided(buf)
  }

  /** Flushes what is left at the end of the input. */
  end(): string {
    if (!this.#decoder) {
      const rest = Buffer.concat(this.#pending)
      this.#pending = []
      if (!this.#seenHigh) {
        // Only ASCII (or nothing) in the whole file.
        this.#decide('utf-8', false)
        return rest.toString('latin1')
      }
      this.#decide(detectEncoding(rest, { complete: true }).encoding, false)
      return this.#decoder!.decode(rest)
    }
    return this.#decoder.decode()
  }

  #undecided(buf: Buffer): string {
    if (!this.#seenHigh) {
      const high = firstNonAscii(buf)
      if (high < 0) return buf.toString('latin1') // ASCII: same text in both encodings
      // Emit the ASCII prefix, hold the rest.
      this.#seenHigh = true
      this.#pending = [buf.subarray(high)]
      this.#pendingBytes = buf.length - high
      const prefix = buf.subarray(0, high).toString('latin1')
      return prefix + this.#maybeDecide()
    }
    this.#pending.push(buf)
    this.#pendingBytes += buf.length
    return this.#maybeDecide()
  }

  #maybeDecide(): string {
    if (this.#pendingBytes < ENCODING_SAMPLE_BYTES) return ''
    const held = Buffer.concat(this.#pending)
    this.#pending = []
    this.#pendingBytes = 0
    this.#decide(detectEncoding(held).encoding, false)
    return this.#decoder!.decode(held, { stream: true })
  }

  #decide(encoding: TextEncodingName, bom: boolean) {
    this.#encoding = encoding
    this.#bom = bom
    // ignoreBOM: true — we strip the UTF-8 BOM ourselves, and a stray U+FEFF later is data.
    this.#decoder = new TextDecoder(encoding, { ignoreBOM: true })
  }
}
