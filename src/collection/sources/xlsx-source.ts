/**
 * Streaming XLSX reader for departments' Excel files, on exceljs's streaming WorkbookReader.
 *
 * Before exceljs sees anything, the ZIP is checked from its central directory (ZIP-bomb defence):
 * too many bytes declared in total, an absurd compression ratio, a shared-strings table too large
 * to cache, encryption or an unknown method are refused before a byte is inflated. Then the
 * entries exceljs needs are inflated here — each one stopped the moment it produces more than it
 * declared, so a lying size costs at most the declared bytes — and handed to exceljs as a
 * normalised ZIP stream of STORED entries in a fixed order (relationships, workbook, styles,
 * shared strings, then the visible worksheets in tab order). That order makes exceljs parse
 * worksheets as they stream (no temporary files) with styles known, so date cells come as dates;
 * and the chunks are cut on UTF-8 character boundaries, because exceljs decodes each chunk on its
 * own and would turn a Chinese character split between two chunks into two U+FFFD.
 *
 * Cell values become the text a clerk typed: dates 'YYYY-MM-DD' (Excel dates have no time zone;
 * the UTC fields of exceljs's Date are the sheet's wall clock), with ' HH:mm:ss' only when the
 * cell has a time of day; numbers as plain decimals, except numbers of 16 or more digits, which
 * Excel has already cut to 15 significant digits: they come out in Excel's own exponent form
 * (e.g. an 18-digit ID typed as a number → '4.10702199003071E+17'), so nobody mistakes them for
 * the original; rich text → its plain text; formulas → their cached result; hyperlinks → their
 * text; booleans 'TRUE'/'FALSE'; errors as Excel shows them ('#N/A'); empty cells ''.
 *
 * Row numbers are the sheet's own row numbers. The header is the first non-blank row of the first
 * visible worksheet that has one; blank rows are skipped.
 */
import { createRequire } from 'node:module'
import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { AppError, isAppError } from '../../errors.ts'
import type { RowSource, SourceRow } from '../collection.ts'
import { formatBytes, isBlankRow, tooLarge, tooManyRows } from './common.ts'
import {
  bufferZipInput,
  fileZipInput,
  inflateEntry,
  readEntryText,
  readZipDirectory,
  storedCentralDirectory,
  storedLocalHeader,
  utf8BoundaryLength,
  ZipEntryTooLargeError,
  ZipFormatError,
  type ZipEntry,
  type ZipInput,
} from './zip.ts'

export interface XlsxSourceOptions {
  /** Refuse files with more data rows than this (AppError FILE_TOO_MANY_ROWS). */
  maxRows?: number
  /** Refuse archives declaring more than this many uncompressed bytes in total (default 512 MB). */
  maxUncompressedBytes?: number
  /** Refuse files larger than this (AppError FILE_TOO_LARGE). A stream is held in memory up to this size. */
  maxBytes?: number
}

export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024
/** Entries below this size are never refused for their compression ratio. */
export const RATIO_CHECK_FLOOR_BYTES = 4 * 1024 * 1024
export const MAX_COMPRESSION_RATIO = 200
/** exceljs holds the shared-strings table in memory: cap it separately. */
export const MAX_SHARED_STRINGS_BYTES = 256 * 1024 * 1024
/** A stream input is buffered; without maxBytes it is capped here. */
export const DEFAULT_MAX_STREAM_BYTES = 256 * 1024 * 1024
const MAX_WORKBOOK_XML_BYTES = 16 * 1024 * 1024
/** Stored entries handed to exceljs stay below the 4 GiB of a non-ZIP64 header. */
const MAX_STORED_ENTRY = 0xffffffff

// exceljs knows the East Asian built-in number formats (ids 27–36, 50–58) only per locale and
// gives none for them, so a date formatted 'yyyy"年"m"月"d"日"' (id 31, common in Chinese Excel)
// would read as a bare serial. Fill in the zh-CN codes for reading. The writer's reverse lookup
// was built when exceljs loaded, so writing is unaffected.
const builtInFormats = createRequire(import.meta.url)('exceljs/lib/xlsx/defaultnumformats.js') as Record<string, { f?: string; 'zh-cn'?: string }>
for (const format of Object.values(builtInFormats)) if (format.f === undefined && format['zh-cn']) format.f = format['zh-cn']

const xlsxInvalid = (reason: string) =>
  new AppError(
    'FILE_XLSX_INVALID',
    '文件不是有效的 Excel 工作簿（.xlsx）。请用 Excel 或 WPS 打开后另存为“Excel 工作簿(*.xlsx)”或 CSV 再上传',
    `The file is not a valid Excel workbook (.xlsx): ${reason}. Open it in Excel or WPS, save it as "Excel Workbook (*.xlsx)" or CSV and re-upload`,
    { kind: 'invalid', details: { reason } },
  )

const legacyOrEncrypted = () =>
  new AppError(
    'FILE_XLSX_INVALID',
    '文件是旧版 Excel 97-2003 格式（.xls）或设置了打开密码。请取消密码，另存为“Excel 工作簿(*.xlsx)”或 CSV 再上传',
    'The file is an Excel 97-2003 workbook (.xls) or is password-protected. Remove the password, save it as "Excel Workbook (*.xlsx)" or CSV and re-upload',
    { kind: 'invalid', details: { reason: 'ole_compound_document' } },
  )

const xlsxTooLarge = (reason: string, details: Record<string, unknown>) =>
  new AppError(
    'FILE_XLSX_TOO_LARGE',
    `Excel 文件解压后过大或压缩比异常（${reason}），已拒绝。请拆分后分批上传，或另存为 CSV`,
    `The Excel file expands to too much data or has an abnormal compression ratio (${reason}); it was refused. Split it into smaller files or save it as CSV`,
    { kind: 'too_large', details },
  )

/** Checks declared sizes from the central directory; throws FILE_XLSX_TOO_LARGE. */
export function checkDeclaredSizes(entries: readonly ZipEntry[], maxUncompressedBytes: number): void {
  let total = 0
  for (const e of entries) {
    total += e.uncompressedSize
    if (total > maxUncompressedBytes) {
      throw xlsxTooLarge(`解压后超过 ${formatBytes(maxUncompressedBytes)} / more than ${formatBytes(maxUncompressedBytes)} uncompressed`, {
        maxUncompressedBytes,
        entry: e.name,
      })
    }
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize)
    if (e.uncompressedSize > RATIO_CHECK_FLOOR_BYTES && ratio > MAX_COMPRESSION_RATIO) {
      throw xlsxTooLarge(`${e.name} 压缩比 ${Math.round(ratio)}:1 / compression ratio ${Math.round(ratio)}:1`, {
        entry: e.name,
        ratio: Math.round(ratio),
        maxRatio: MAX_COMPRESSION_RATIO,
      })
    }
    if (e.name === 'xl/sharedStrings.xml' && e.uncompressedSize > MAX_SHARED_STRINGS_BYTES) {
      throw xlsxTooLarge(`共享字符串表超过 ${formatBytes(MAX_SHARED_STRINGS_BYTES)} / shared strings over ${formatBytes(MAX_SHARED_STRINGS_BYTES)}`, {
        entry: e.name,
        maxSharedStringsBytes: MAX_SHARED_STRINGS_BYTES,
      })
    }
  }
}

interface SheetInfo {
  name: string
  hidden: boolean
  entry: ZipEntry
}

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*("([^"]*)"|'([^']*)')`, 'u').exec(tag)
  return m ? (m[2] ?? m[3]) : undefined
}

const xmlText = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/gu, (_, e: string) => {
    if (e === 'lt') return '<'
    if (e === 'gt') return '>'
    if (e === 'amp') return '&'
    if (e === 'quot') return '"'
    if (e === 'apos') return "'"
    return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
  })

/** Worksheets in tab order, from workbook.xml and its relationships. */
function listSheets(workbookXml: string, relsXml: string, byName: Map<string, ZipEntry>): SheetInfo[] {
  const targets = new Map<string, string>()
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/gu)) {
    const id = attr(m[1] ?? '', 'Id')
    const target = attr(m[1] ?? '', 'Target')
    if (id && target) targets.set(id, xmlText(target))
  }
  const sheets: SheetInfo[] = []
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/gu)) {
    const tag = m[1] ?? ''
    const rid = attr(tag, 'r:id') ?? attr(tag, '\\w+:id')
    const target = rid ? targets.get(rid) : undefined
    if (!target) continue
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//gu, '/')
    const entry = byName.get(path) ?? byName.get(path.toLowerCase())
    if (!entry) continue
    const state = attr(tag, 'state')
    sheets.push({ name: xmlText(attr(tag, 'name') ?? ''), hidden: state === 'hidden' || state === 'veryHidden', entry })
  }
  return sheets
}

const EMPTY_SHARED_STRINGS = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
)

interface Forwarded {
  /** Name exceljs sees. */
  name: string
  entry?: ZipEntry
  /** Literal content instead of an entry. */
  content?: Buffer
}

/**
 * The normalised ZIP stream: STORED entries in the order given, each inflated here, bounded by
 * its declared size and cut on UTF-8 boundaries. Errors are reported through `onError` (a piped
 * source cannot fail its destination), and the stream simply ends.
 */
function normalisedZip(input: ZipInput, forwarded: Forwarded[], onError: (e: unknown) => void): Readable {
  async function* generate(): AsyncGenerator<Buffer> {
    // A central directory closes the stream: unzipper fails with FILE_ENDED when the input simply stops.
    const written: Array<{ name: string; size: number; crc32: number; offset: number }> = []
    let offset = 0
    const out = (b: Buffer) => {
      offset += b.length
      return b
    }
    try {
      for (const f of forwarded) {
        if (f.content) {
          written.push({ name: f.name, size: f.content.length, crc32: 0, offset })
          yield out(storedLocalHeader(f.name, f.content.length, 0))
          yield out(f.content)
          continue
        }
        const entry = f.entry as ZipEntry
        if (entry.uncompressedSize > MAX_STORED_ENTRY) throw new ZipEntryTooLargeError(entry.name, MAX_STORED_ENTRY)
        written.push({ name: f.name, size: entry.uncompressedSize, crc32: entry.crc32, offset })
        yield out(storedLocalHeader(f.name, entry.uncompressedSize, entry.crc32, entry.time, entry.date))
        let carry: Buffer | undefined
        for await (const chunk of inflateEntry(input, entry)) {
          const data = carry ? Buffer.concat([carry, chunk]) : chunk
          const cut = utf8BoundaryLength(data)
          carry = cut < data.length ? data.subarray(cut) : undefined
          if (cut > 0) yield out(data.subarray(0, cut))
        }
        if (carry) yield out(carry)
      }
      yield storedCentralDirectory(written, offset)
    } catch (e) {
      onError(e)
    }
  }
  return Readable.from(generate(), { objectMode: false, highWaterMark: 256 * 1024 })
}

const pad2 = (n: number) => String(n).padStart(2, '0')

/** A Date from exceljs (UTC fields = the sheet's wall clock) as 'YYYY-MM-DD[ HH:mm:ss]'. */
export function excelDateText(d: Date): string {
  const ms = d.getTime()
  if (Number.isNaN(ms)) return ''
  const t = new Date(Math.round(ms / 1000) * 1000)
  const date = `${String(t.getUTCFullYear()).padStart(4, '0')}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`
  const h = t.getUTCHours()
  const m = t.getUTCMinutes()
  const s = t.getUTCSeconds()
  if (h === 0 && m === 0 && s === 0) return date
  const time = `${pad2(h)}:${pad2(m)}:${pad2(s)}`
  // A time without a date (serial below 1) sits on Excel's day 0, 1899-12-30 or -31.
  return t.getUTCFullYear() < 1900 ? time : `${date} ${time}`
}

/**
 * A number cell as text. Excel keeps 15 significant digits: integers below 10^15 print fully
 * (a 15-digit number too); larger magnitudes print in Excel's exponent form with those 15 digits,
 * because their trailing digits were lost when the number was typed; other numbers print plainly,
 * rounded to 15 significant digits (so 0.1 + 0.2 from a formula reads 0.3).
 */
export function excelNumberText(n: number): string {
  if (!Number.isFinite(n)) return ''
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n)
  const r = Number(n.toPrecision(15))
  if (Math.abs(r) >= 1e15) {
    const [mantissa = '', exp = '0'] = r.toExponential(14).split('e')
    const trimmed = mantissa.includes('.') ? mantissa.replace(/0+$/u, '').replace(/\.$/u, '') : mantissa
    const e = Number(exp)
    return `${trimmed}E${e < 0 ? '-' : '+'}${pad2(Math.abs(e))}`
  }
  const s = String(r)
  if (!s.includes('e')) return s
  // Tiny magnitudes: expand the exponent.
  return r.toFixed(Math.min(100, 15 - Math.floor(Math.log10(Math.abs(r))))).replace(/\.?0+$/u, '')
}

/** Excel escapes control characters in XML text as _xHHHH_ (and a literal "_x" as _x005F_x). */
const decodeExcelEscapes = (s: string): string =>
  s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/gu, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s

const DATE_FORMAT = /[ymdhsb]/iu
/** exceljs's rule, applied to formula results too: date characters outside quotes and brackets. */
export const isDateFormat = (fmt: string | undefined): boolean =>
  !!fmt && fmt !== 'General' && DATE_FORMAT.test(fmt.replace(/\[[^\]]*\]/gu, '').replace(/"[^"]*"/gu, '').replace(/\\./gu, ''))

/** Excel's serial date (1900 system) → Date with the wall clock in its UTC fields. */
const serialToDate = (serial: number, date1904: boolean) => new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000))

export function cellText(value: unknown, numFmt: string | undefined, date1904 = false): string {
  if (value === null || value === undefined) return ''
  switch (typeof value) {
    case 'string':
      return decodeExcelEscapes(value)
    case 'number':
      return isDateFormat(numFmt) ? excelDateText(serialToDate(value, date1904)) : excelNumberText(value)
    case 'boolean':
      return value ? 'TRUE' : 'FALSE'
    case 'object':
      break
    default:
      return String(value)
  }
  if (value instanceof Date) return excelDateText(value)
  const v = value as Record<string, unknown>
  if (Array.isArray(v.richText)) return decodeExcelEscapes((v.richText as Array<{ text?: unknown }>).map((r) => (typeof r.text === 'string' ? r.text : '')).join(''))
  if ('formula' in v || 'sharedFormula' in v || 'result' in v) {
    const result = v.result
    if (typeof result === 'number' && Number.isNaN(result)) return ''
    if (result !== null && typeof result === 'object' && 'error' in (result as object)) return String((result as { error: unknown }).error)
    return cellText(result, numFmt, date1904)
  }
  if ('error' in v) return String(v.error)
  if ('text' in v) return cellText(v.text, undefined, date1904) // hyperlink { text, hyperlink }
  if ('sharedString' in v) return ''
  return ''
}

async function loadInput(input: Readable | string, options: XlsxSourceOptions): Promise<ZipInput> {
  if (typeof input === 'string') {
    const zip = await fileZipInput(input)
    if (options.maxBytes !== undefined && zip.size > options.maxBytes) {
      await zip.close()
      throw tooLarge(options.maxBytes)
    }
    return zip
  }
  const limit = options.maxBytes ?? DEFAULT_MAX_STREAM_BYTES
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of input) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
    size += b.length
    if (size > limit) {
      input.destroy()
      throw tooLarge(limit)
    }
    chunks.push(b)
  }
  return bufferZipInput(Buffer.concat(chunks))
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])

const toAppError = (e: unknown): AppError => {
  if (isAppError(e)) return e
  if (e instanceof ZipEntryTooLargeError) {
    return xlsxTooLarge(`${e.entryName} 实际解压大小超过声明 / inflates beyond its declared size`, { entry: e.entryName, limit: e.limit })
  }
  if (e instanceof ZipFormatError) return xlsxInvalid(e.message)
  return xlsxInvalid(`unreadable content (${e instanceof Error ? e.message : String(e)})`)
}

type ExcelRow = { number: number; eachCell(opts: { includeEmpty: boolean }, cb: (cell: { value: unknown; numFmt?: string }, col: number) => void): void }

/** Cell texts of a row, 0-based; trailing empty cells dropped. */
function rowTexts(row: ExcelRow, date1904: boolean): string[] {
  const values: string[] = []
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    const text = cellText(cell.value, cell.numFmt, date1904)
    if (text === '') return
    while (values.length < col - 1) values.push('')
    values[col - 1] = text
  })
  return values
}

export async function openXlsxSource(input: Readable | string, options: XlsxSourceOptions = {}): Promise<RowSource> {
  const zip = await loadInput(input, options)
  let closed = false
  const closeZip = async () => {
    if (!closed) {
      closed = true
      await zip.close().catch(() => {})
    }
  }
  try {
    const magic = await zip.read(0, 8)
    if (magic.equals(OLE_MAGIC)) throw legacyOrEncrypted()
    if (magic.length < 4 || magic.readUInt32LE(0) !== 0x04034b50) throw xlsxInvalid('not a ZIP archive')
    const entries = await readZipDirectory(zip)
    checkDeclaredSizes(entries, options.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES)

    const byName = new Map<string, ZipEntry>()
    for (const e of entries) {
      byName.set(e.name, e)
      if (!byName.has(e.name.toLowerCase())) byName.set(e.name.toLowerCase(), e)
    }
    const workbook = byName.get('xl/workbook.xml')
    const rels = byName.get('xl/_rels/workbook.xml.rels')
    if (!workbook || !rels) throw xlsxInvalid('no xl/workbook.xml')
    const workbookXml = await readEntryText(zip, workbook, MAX_WORKBOOK_XML_BYTES)
    const relsXml = await readEntryText(zip, rels, MAX_WORKBOOK_XML_BYTES)
    const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](1|true)["']/u.test(workbookXml)
    const sheets = listSheets(workbookXml, relsXml, byName).filter((s) => !s.hidden)
    if (sheets.length === 0) throw xlsxInvalid('no visible worksheet')

    const styles = byName.get('xl/styles.xml')
    const shared = byName.get('xl/sharedStrings.xml')
    const forwarded: Forwarded[] = [
      { name: 'xl/_rels/workbook.xml.rels', content: Buffer.from(relsXml) },
      { name: 'xl/workbook.xml', content: Buffer.from(workbookXml) },
      ...(styles ? [{ name: 'xl/styles.xml', entry: styles }] : []),
      shared ? { name: 'xl/sharedStrings.xml', entry: shared } : { name: 'xl/sharedStrings.xml', content: EMPTY_SHARED_STRINGS },
      // Renamed sheet1…N in tab order: exceljs only recognises xl/worksheets/sheetN.xml.
      ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, entry: s.entry })),
    ]

    let failure: AppError | undefined
    let rejectFailure: (e: AppError) => void = () => {}
    const failed = new Promise<never>((_, reject) => {
      rejectFailure = reject
    })
    failed.catch(() => {})
    const stream = normalisedZip(zip, forwarded, (e) => {
      failure = toAppError(e)
      rejectFailure(failure)
    })
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    })
    const sheetIterator = (reader as unknown as AsyncIterable<AsyncIterable<ExcelRow>>)[Symbol.asyncIterator]()

    /** Every await on exceljs races the source failing: exceljs would otherwise wait forever. */
    const step = async <T>(p: Promise<T>): Promise<T> => {
      try {
        return await Promise.race([p, failed])
      } catch (e) {
        throw failure ?? toAppError(e)
      }
    }
    const shutdown = async () => {
      stream.destroy()
      // Not awaited: after a failure exceljs may be stuck awaiting data that never comes.
      sheetIterator.return?.().catch(() => {})
      await closeZip()
    }

    // Find the header: the first non-blank row of the first worksheet that has one.
    let headers: string[] = []
    let rowIterator: AsyncIterator<ExcelRow> | undefined
    try {
      for (;;) {
        const sheet = await step(sheetIterator.next())
        if (sheet.done) break
        const it = sheet.value[Symbol.asyncIterator]()
        for (;;) {
          const r = await step(it.next())
          if (r.done) break
          const values = rowTexts(r.value, date1904)
          if (isBlankRow(values)) continue
          headers = values.map((h) => h.trim())
          rowIterator = it
          break
        }
        if (rowIterator) break
      }
    } catch (e) {
      await shutdown()
      throw e
    }
    if (failure) {
      await shutdown()
      throw failure
    }

    const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY
    const width = headers.length
    async function* rows(): AsyncGenerator<SourceRow> {
      try {
        if (!rowIterator) return
        let dataRows = 0
        let previous = 0
        for (;;) {
          const r = await step(rowIterator.next())
          if (r.done) break
          const values = rowTexts(r.value, date1904)
          const rowNumber = Number.isFinite(r.value.number) ? r.value.number : previous + 1
          previous = rowNumber
          if (isBlankRow(values)) continue
          if (++dataRows > maxRows) throw tooManyRows(maxRows)
          while (values.length < width) values.push('')
          yield { rowNumber, values }
        }
        if (failure) throw failure
      } finally {
        await shutdown()
      }
    }
    return { format: 'xlsx', headers, rows: rows() }
  } catch (e) {
    await closeZip()
    throw toAppError(e)
  }
}
