/** Test helpers: hand-made ZIP archives (for crafted XLSX parts and ZIP bombs) and stream shapes. */
import { Readable } from 'node:stream'
import { constants, crc32, deflateRawSync } from 'node:zlib'
import type { RowSource, SourceRow } from '../collection.ts'

export interface ZipPart {
  name: string
  /** Content to deflate (or store, with method 0). */
  data?: Buffer | string
  /** Raw deflate bytes with the sizes to declare (for bombs and liars). */
  raw?: { compressed: Buffer; declaredSize: number; crc?: number }
  method?: 0 | 8
}

/** Builds a ZIP archive in memory: local headers, data, central directory, end record. */
export function makeZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8')
    let compressed: Buffer
    let size: number
    let crc: number
    let method = part.method ?? 8
    if (part.raw) {
      compressed = part.raw.compressed
      size = part.raw.declaredSize
      crc = part.raw.crc ?? 0
      method = 8
    } else {
      const data = Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data ?? '', 'utf8')
      compressed = method === 8 ? deflateRawSync(data) : data
      size = data.length
      crc = crc32(data)
    }
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(crc >>> 0, 14)
    local.writeUInt32LE(compressed.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    locals.push(local, name, compressed)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt32LE(crc >>> 0, 16)
    central.writeUInt32LE(compressed.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    centrals.push(central, name)
    offset += 30 + name.length + compressed.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}

/**
 * Raw deflate data that inflates to `times` × `unit`, built without ever holding the expanded
 * bytes: `unit` is compressed once with a full flush (byte-aligned, dictionary reset), and that
 * segment is repeated, then closed with an empty final block.
 */
export function repeatedDeflate(unit: Buffer, times: number, prefix?: Buffer): Buffer {
  const flushed = (b: Buffer) => deflateRawSync(b, { finishFlush: constants.Z_FULL_FLUSH, level: 9 })
  const segment = flushed(unit)
  const final = deflateRawSync(Buffer.alloc(0))
  return Buffer.concat([...(prefix ? [flushed(prefix)] : []), ...Array.from({ length: times }, () => segment), final])
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`

/** The parts of a minimal one-sheet workbook; `sheet` replaces xl/worksheets/sheet1.xml. */
export function minimalXlsxParts(options: { sheetXml?: string; stylesXml?: string; sharedStringsXml?: string; date1904?: boolean; sheet?: ZipPart } = {}): ZipPart[] {
  const parts: ZipPart[] = [
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: ROOT_RELS },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${options.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    },
  ]
  parts.push(options.sheet ?? { name: 'xl/worksheets/sheet1.xml', data: options.sheetXml ?? sheetXml([['a']]) })
  if (options.stylesXml) parts.push({ name: 'xl/styles.xml', data: options.stylesXml })
  if (options.sharedStringsXml) parts.push({ name: 'xl/sharedStrings.xml', data: options.sharedStringsXml })
  return parts
}

/** Worksheet XML from rows of raw <c> contents: a string is an inline string, else the cell's XML. */
export function sheetXml(rows: Array<Array<string | { xml: string }>>, firstRow = 1): string {
  const col = (i: number) => String.fromCharCode(65 + i)
  const body = rows
    .map((cells, r) => {
      const n = r + firstRow
      const cs = cells
        .map((c, i) =>
          typeof c === 'string'
            ? `<c r="${col(i)}${n}" t="inlineStr"><is><t>${c.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></is></c>`
            : c.xml.replace(/^<c\b/u, `<c r="${col(i)}${n}"`),
        )
        .join('')
      return `<row r="${n}">${cs}</row>`
    })
    .join('')
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`
}

/** Splits bytes into a stream of chunks of the given sizes (cycled). */
export function chunkedStream(bytes: Buffer, sizes: number[] = [65536]): Readable {
  const chunks: Buffer[] = []
  let i = 0
  for (let p = 0; p < bytes.length; i++) {
    const n = Math.max(1, sizes[i % sizes.length] as number)
    chunks.push(bytes.subarray(p, p + n))
    p += n
  }
  return Readable.from(chunks, { objectMode: false })
}

export async function readAll(source: RowSource): Promise<SourceRow[]> {
  const rows: SourceRow[] = []
  for await (const row of source.rows) rows.push(row)
  return rows
}

/** Reads a source to its end and returns the error it throws (or undefined) with the rows before it. */
export async function readUntilError(source: RowSource): Promise<{ rows: SourceRow[]; error: unknown }> {
  const rows: SourceRow[] = []
  try {
    for await (const row of source.rows) rows.push(row)
    return { rows, error: undefined }
  } catch (error) {
    return { rows, error }
  }
}
