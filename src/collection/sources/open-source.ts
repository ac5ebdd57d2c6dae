/**
 * Opens an uploaded file as a RowSource, choosing the reader by content: a ZIP signature
 * (PK\x03\x04) means XLSX, an OLE compound document (D0 CF 11 E0) is an old .xls or an encrypted
 * workbook and is refused with advice; otherwise the file name decides: .xlsx/.xlsm → XLSX (a
 * non-ZIP then gets the XLSX reader's explanation); no extension, .csv, .txt, .tsv and .xls → CSV
 * when the head is text and not markup (systems that "export to Excel" often write comma- or
 * tab-separated text named .xls). Anything else is FILE_FORMAT_UNSUPPORTED.
 */
import { open } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { PassThrough, type Readable } from 'node:stream'
import { AppError } from '../../errors.ts'
import type { RowSource } from '../collection.ts'
import { openCsvSource } from './csv-source.ts'

export interface FileSourceOptions {
  maxRows?: number
  maxBytes?: number
  /** XLSX only: most uncompressed bytes the archive may declare (default 512 MB). */
  maxUncompressedBytes?: number
}

export type FileInput = string | { stream: Readable; fileName?: string | null }

export type DetectedFormat = 'csv' | 'xlsx'

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0] as const
const HEAD_BYTES = 4096
/** Read as CSV when the content is text: .xls too, as systems export tab- or comma-separated text under that name. */
const TEXT_EXTENSIONS = new Set(['', '.csv', '.txt', '.tsv', '.xls'])

const startsWith = (head: Uint8Array, magic: readonly number[]) => head.length >= magic.length && magic.every((b, i) => head[i] === b)

export const unsupportedFormat = (fileName: string | null | undefined, reason?: string) =>
  new AppError(
    'FILE_FORMAT_UNSUPPORTED',
    `不支持的文件格式${fileName ? `（${fileName}）` : ''}。请上传 CSV（.csv，UTF-8 或 GBK 编码）或 Excel 工作簿（.xlsx）`,
    `Unsupported file format${fileName ? ` (${fileName})` : ''}. Upload a CSV file (.csv, UTF-8 or GBK) or an Excel workbook (.xlsx)`,
    { kind: 'invalid', details: { fileName: fileName ?? null, accepted: ['csv', 'xlsx'], ...(reason ? { reason } : {}) } },
  )

const oldExcel = (fileName: string | null | undefined) =>
  new AppError(
    'FILE_FORMAT_UNSUPPORTED',
    `文件${fileName ? `（${fileName}）` : ''}是旧版 Excel 97-2003 格式（.xls）或设置了打开密码。请取消密码，另存为 CSV 或“Excel 工作簿(*.xlsx)”再上传`,
    `The file${fileName ? ` (${fileName})` : ''} is an Excel 97-2003 workbook (.xls) or is password-protected. Remove the password and save it as CSV or "Excel Workbook (*.xlsx)"`,
    { kind: 'invalid', details: { fileName: fileName ?? null, accepted: ['csv', 'xlsx'], reason: 'ole_compound_document' } },
  )

/** Control bytes other than tab, CR, LF (and ESC/FF, rare in exports) mean binary, not CSV. */
function looksLikeText(head: Uint8Array): boolean {
  for (const b of head) if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b)) return false
  return true
}

/** Picks the reader from the first bytes and the file name. */
export function detectFormat(head: Uint8Array, fileName?: string | null): DetectedFormat {
  if (startsWith(head, ZIP_MAGIC)) return 'xlsx'
  if (startsWith(head, OLE_MAGIC)) throw oldExcel(fileName)
  const ext = fileName ? extname(fileName).toLowerCase() : ''
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx' // not a ZIP: the XLSX reader explains
  if (!TEXT_EXTENSIONS.has(ext)) throw unsupportedFormat(fileName, `extension ${ext}`)
  if (!looksLikeText(head)) throw unsupportedFormat(fileName, 'binary content')
  // Some systems "export to Excel" as an HTML or XML table named .xls: not readable as CSV.
  if (/^\s*</u.test(new TextDecoder('latin1').decode(head.subarray(0, 256)).replace(/^\uFEFF|^\u00EF\u00BB\u00BF/u, ''))) throw unsupportedFormat(fileName, 'markup')
  return 'csv'
}

/** Reads the first bytes of a stream and gives back a stream that still yields all of them. */
async function peek(stream: Readable, bytes: number): Promise<{ head: Buffer; stream: Readable }> {
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>
  const taken: Buffer[] = []
  let size = 0
  let ended = false
  while (size < bytes) {
    const r = await iterator.next()
    if (r.done) {
      ended = true
      break
    }
    const b = typeof r.value === 'string' ? Buffer.from(r.value) : r.value
    taken.push(b)
    size += b.length
  }
  const out = new PassThrough({ highWaterMark: 1024 * 1024 })
  const pump = async () => {
    try {
      for (const b of taken) if (!out.write(b)) await new Promise((r) => out.once('drain', r))
      if (!ended) {
        for (let r = await iterator.next(); !r.done; r = await iterator.next()) {
          const b = typeof r.value === 'string' ? Buffer.from(r.value) : r.value
          if (!out.write(b)) await new Promise((res) => out.once('drain', res))
          if (out.destroyed) break
        }
      }
      out.end()
    } catch (e) {
      out.destroy(e as Error)
    }
  }
  out.on('close', () => {
    if (!ended) iterator.return?.().catch(() => {})
  })
  void pump()
  return { head: Buffer.concat(taken).subarray(0, bytes), stream: out }
}

/**
 * Opens a path or an uploaded stream (with its original file name, used only when the content
 * does not decide). Limits are passed to the reader: maxBytes (both), maxRows (both),
 * maxUncompressedBytes (XLSX).
 */
export async function openFileSource(input: FileInput, options: FileSourceOptions = {}): Promise<RowSource> {
  if (typeof input === 'string') {
    const handle = await open(input, 'r')
    let head: Buffer
    try {
      const buf = Buffer.alloc(HEAD_BYTES)
      const { bytesRead } = await handle.read(buf, 0, HEAD_BYTES, 0)
      head = buf.subarray(0, bytesRead)
    } finally {
      await handle.close()
    }
    const format = detectFormat(head, basename(input))
    return format === 'xlsx' ? (await xlsxReader()).openXlsxSource(input, options) : openCsvSource(input, options)
  }
  const { head, stream } = await peek(input.stream, HEAD_BYTES)
  let format: DetectedFormat
  try {
    format = detectFormat(head, input.fileName)
  } catch (e) {
    stream.destroy()
    throw e
  }
  return format === 'xlsx' ? (await xlsxReader()).openXlsxSource(stream, options) : openCsvSource(stream, options)
}

// Loaded when a workbook arrives: exceljs costs each validating thread most of a second to load.
const xlsxReader = () => import('./xlsx-source.ts')
