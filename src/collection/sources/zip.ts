/**
 * The little ZIP reading the XLSX reader needs: the central directory (so sizes can be checked
 * before anything is inflated), local headers (to find an entry's data) and a bounded inflate.
 * Handles ZIP64 directories; refuses encryption and methods other than stored (0) and deflate (8).
 */
import { createReadStream } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { createInflateRaw } from 'node:zlib'

/** Random access to the bytes of a file or a buffer. */
export interface ZipInput {
  size: number
  read(position: number, length: number): Promise<Buffer>
  /** The bytes [position, position + length) as a stream of chunks. */
  stream(position: number, length: number): Readable
  close(): Promise<void>
}

export function bufferZipInput(buffer: Buffer): ZipInput {
  return {
    size: buffer.length,
    read: async (position, length) => buffer.subarray(position, Math.min(buffer.length, position + length)),
    stream: (position, length) => {
      const end = Math.min(buffer.length, position + length)
      const step = 256 * 1024
      function* chunks() {
        for (let p = position; p < end; p += step) yield buffer.subarray(p, Math.min(end, p + step))
      }
      return Readable.from(chunks(), { objectMode: false })
    },
    close: async () => {},
  }
}

export async function fileZipInput(path: string): Promise<ZipInput> {
  const { size } = await stat(path)
  const handle = await open(path, 'r')
  return {
    size,
    read: async (position, length) => {
      const buf = Buffer.alloc(Math.max(0, Math.min(length, size - position)))
      let done = 0
      while (done < buf.length) {
        const { bytesRead } = await handle.read(buf, done, buf.length - done, position + done)
        if (bytesRead === 0) break
        done += bytesRead
      }
      return buf.subarray(0, done)
    },
    stream: (position, length) =>
      length <= 0 ? Readable.from([]) : createReadStream(path, { start: position, end: position + length - 1, highWaterMark: 256 * 1024 }),
    close: () => handle.close(),
  }
}

export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ZipFormatError'
  }
}

export interface ZipEntry {
  name: string
  flags: number
  /** 0 stored, 8 deflate. */
  method: number
  time: number
  date: number
  crc32: number
  compressedSize: number
  uncompressedSize: number
  localHeaderOffset: number
}

const SIG_LOCAL = 0x04034b50
const SIG_CENTRAL = 0x02014b50
const SIG_EOCD = 0x06054b50
const SIG_EOCD64 = 0x06064b50
const SIG_EOCD64_LOCATOR = 0x07064b50
/** Most entries accepted in one archive (an xlsx has a few dozen). */
export const MAX_ZIP_ENTRIES = 10_000

const u64 = (buf: Buffer, at: number): number => {
  const v = buf.readBigUInt64LE(at)
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('ZIP64 field out of range')
  return Number(v)
}

/** Reads the central directory. Throws ZipFormatError when the bytes are not a usable ZIP. */
export async function readZipDirectory(input: ZipInput): Promise<ZipEntry[]> {
  if (input.size < 22) throw new ZipFormatError('too short to be a ZIP archive')
  const tailLength = Math.min(input.size, 22 + 0xffff)
  const tailStart = input.size - tailLength
  const tail = await input.read(tailStart, tailLength)
  let eocd = -1
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === SIG_EOCD && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new ZipFormatError('no end of central directory record')
  let count = tail.readUInt16LE(eocd + 10)
  let cdSize = tail.readUInt32LE(eocd + 12)
  let cdOffset = tail.readUInt32LE(eocd + 16)
  if (tail.readUInt16LE(eocd + 4) !== 0 || tail.readUInt16LE(eocd + 6) !== 0) {
    if (!(count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff)) throw new ZipFormatError('multi-disk archives are not supported')
  }
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locatorAt = tailStart + eocd - 20
    if (locatorAt < 0) throw new ZipFormatError('ZIP64 locator missing')
    const locator = await input.read(locatorAt, 20)
    if (locator.readUInt32LE(0) !== SIG_EOCD64_LOCATOR) throw new ZipFormatError('ZIP64 locator missing')
    const eocd64At = u64(locator, 8)
    const eocd64 = await input.read(eocd64At, 56)
    if (eocd64.length < 56 || eocd64.readUInt32LE(0) !== SIG_EOCD64) throw new ZipFormatError('ZIP64 end of central directory missing')
    count = u64(eocd64, 32)
    cdSize = u64(eocd64, 40)
    cdOffset = u64(eocd64, 48)
  }
  if (count > MAX_ZIP_ENTRIES) throw new ZipFormatError(`too many entries (${count})`)
  if (cdOffset + cdSize > input.size) throw new ZipFormatError('central directory outside the file')
  const cd = await input.read(cdOffset, cdSize)
  const entries: ZipEntry[] = []
  let p = 0
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== SIG_CENTRAL) throw new ZipFormatError('corrupt central directory')
    const nameLength = cd.readUInt16LE(p + 28)
    const extraLength = cd.readUInt16LE(p + 30)
    const commentLength = cd.readUInt16LE(p + 32)
    if (p + 46 + nameLength + extraLength + commentLength > cd.length) throw new ZipFormatError('corrupt central directory')
    const entry: ZipEntry = {
      flags: cd.readUInt16LE(p + 8),
      method: cd.readUInt16LE(p + 10),
      time: cd.readUInt16LE(p + 12),
      date: cd.readUInt16LE(p + 14),
      crc32: cd.readUInt32LE(p + 16),
      compressedSize: cd.readUInt32LE(p + 20),
      uncompressedSize: cd.readUInt32LE(p + 24),
      localHeaderOffset: cd.readUInt32LE(p + 42),
      name: cd.toString('utf8', p + 46, p + 46 + nameLength),
    }
    // ZIP64 extended information: present fields follow in this order.
    let x = p + 46 + nameLength
    const extraEnd = x + extraLength
    while (x + 4 <= extraEnd) {
      const id = cd.readUInt16LE(x)
      const size = cd.readUInt16LE(x + 2)
      if (id === 0x0001) {
        let q = x + 4
        const take = () => {
          if (q + 8 > x + 4 + size) throw new ZipFormatError('corrupt ZIP64 extra field')
          const v = u64(cd, q)
          q += 8
          return v
        }
        if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = take()
        if (entry.compressedSize === 0xffffffff) entry.compressedSize = take()
        if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = take()
      }
      x += 4 + size
    }
    if (entry.localHeaderOffset + 30 > input.size) throw new ZipFormatError(`entry ${entry.name} outside the file`)
    entries.push(entry)
    p += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** Offset of an entry's data (after its local header). */
export async function entryDataOffset(input: ZipInput, entry: ZipEntry): Promise<number> {
  const header = await input.read(entry.localHeaderOffset, 30)
  if (header.length < 30 || header.readUInt32LE(0) !== SIG_LOCAL) throw new ZipFormatError(`bad local header for ${entry.name}`)
  const offset = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28)
  if (offset + entry.compressedSize > input.size) throw new ZipFormatError(`entry ${entry.name} runs past the end of the file`)
  return offset
}

export class ZipEntryTooLargeError extends Error {
  constructor(
    readonly entryName: string,
    readonly limit: number,
  ) {
    super(`entry ${entryName} inflates to more than ${limit} bytes`)
    this.name = 'ZipEntryTooLargeError'
  }
}

/**
 * The uncompressed bytes of an entry as chunks. Stops with ZipEntryTooLargeError as soon as more
 * than `limit` bytes come out (the entry's declared size by default: a lying size is caught after
 * at most `limit` bytes, however much the data would inflate to), and with ZipFormatError when the
 * data ends short of the declared size.
 */
export async function* inflateEntry(input: ZipInput, entry: ZipEntry, limit = entry.uncompressedSize): AsyncGenerator<Buffer> {
  if (entry.flags & 0x1) throw new ZipFormatError(`entry ${entry.name} is encrypted`)
  if (entry.method !== 0 && entry.method !== 8) throw new ZipFormatError(`entry ${entry.name} uses compression method ${entry.method}`)
  const offset = await entryDataOffset(input, entry)
  const raw = input.stream(offset, entry.compressedSize)
  const source = entry.method === 8 ? raw.pipe(createInflateRaw({ chunkSize: 64 * 1024 })) : raw
  if (source !== raw) raw.on('error', (e) => source.destroy(e))
  let total = 0
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      total += chunk.length
      if (total > limit) throw new ZipEntryTooLargeError(entry.name, limit)
      yield chunk
    }
  } catch (e) {
    if (e instanceof ZipEntryTooLargeError) throw e
    throw new ZipFormatError(`entry ${entry.name} cannot be read: ${(e as Error).message}`)
  } finally {
    raw.destroy()
    source.destroy()
  }
  if (total < entry.uncompressedSize) throw new ZipFormatError(`entry ${entry.name} is shorter than its declared size`)
}

/** A whole (small) entry as text, bounded by `limit` bytes. */
export async function readEntryText(input: ZipInput, entry: ZipEntry, limit: number): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of inflateEntry(input, entry, Math.min(limit, entry.uncompressedSize))) chunks.push(c)
  return Buffer.concat(chunks).toString('utf8')
}

/** A local file header for a STORED entry with known sizes (no data descriptor, no extras). */
export function storedLocalHeader(name: string, size: number, crc32: number, time = 0, date = 0x21): Buffer {
  const nameBytes = Buffer.from(name, 'utf8')
  const h = Buffer.alloc(30 + nameBytes.length)
  h.writeUInt32LE(SIG_LOCAL, 0)
  h.writeUInt16LE(10, 4) // version needed 1.0
  h.writeUInt16LE(0x0800, 6) // UTF-8 names
  h.writeUInt16LE(0, 8) // stored
  h.writeUInt16LE(time, 10)
  h.writeUInt16LE(date, 12)
  h.writeUInt32LE(crc32 >>> 0, 14)
  h.writeUInt32LE(size, 18)
  h.writeUInt32LE(size, 22)
  h.writeUInt16LE(nameBytes.length, 26)
  h.writeUInt16LE(0, 28)
  nameBytes.copy(h, 30)
  return h
}

/** Central directory record + end record for STORED entries written with {@link storedLocalHeader}. */
export function storedCentralDirectory(entries: Array<{ name: string; size: number; crc32: number; offset: number; time?: number; date?: number }>, cdOffset: number): Buffer {
  const parts: Buffer[] = []
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8')
    const c = Buffer.alloc(46)
    c.writeUInt32LE(SIG_CENTRAL, 0)
    c.writeUInt16LE(10, 4)
    c.writeUInt16LE(10, 6)
    c.writeUInt16LE(0x0800, 8)
    c.writeUInt16LE(0, 10)
    c.writeUInt16LE(e.time ?? 0, 12)
    c.writeUInt16LE(e.date ?? 0x21, 14)
    c.writeUInt32LE(e.crc32 >>> 0, 16)
    c.writeUInt32LE(e.size, 20)
    c.writeUInt32LE(e.size, 24)
    c.writeUInt16LE(name.length, 28)
    c.writeUInt32LE(e.offset, 42)
    parts.push(c, name)
  }
  const cd = Buffer.concat(parts)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(SIG_EOCD, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(cdOffset >>> 0, 16)
  return Buffer.concat([cd, end])
}

/** Length of the longest prefix of `buf` that ends on a UTF-8 character boundary. */
export function utf8BoundaryLength(buf: Uint8Array): number {
  const n = buf.length
  // Look back at most 3 bytes for the lead byte of a possibly incomplete sequence.
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = buf[n - back] as number
    if ((b & 0xc0) === 0x80) continue // continuation byte
    if (b < 0x80) return n
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1
    return need > back ? n - back : n
  }
  return n
}
