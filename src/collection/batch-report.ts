/**
 * The clerk's fix-and-resend file: the rejected rows of a batch exactly as uploaded, with five
 * columns appended — 原行号 (the row number in the uploaded file), 错误字段, 错误代码, 错误说明 and
 * Error (English); a row's issues are joined with '；' (the English ones with '; ').
 *
 * The file can be corrected and uploaded again as it is: read back through openFileSource it gives
 * the original headers first, then the appended ones, which the validator does not know and reports
 * once each as an unknown-column warning; their values are ignored. Rows longer than the header
 * (ragged rows) keep their extra values under blank headers, so the appended columns stay aligned.
 *
 * CSV: UTF-8 with BOM and CRLF, which Excel opens directly. Excel turns long digit strings (18-digit
 * codes) into numbers when it opens a CSV, so clerks should prefer the XLSX report for editing.
 * XLSX: written with exceljs's streaming writer; the header is bold and frozen, the appended columns
 * are filled light red, each cell an issue names (by its column header) is filled too, and the
 * original values are written as text (number format '@') so 18-digit codes and leading zeros stay.
 */
import type { Writable } from 'node:stream'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { stringify } from 'csv-stringify'
import ExcelJS from 'exceljs'
import type { RowIssue } from './collection.ts'

export interface RejectedRow {
  rowNumber: number
  values: string[]
  issues: RowIssue[]
}

export const ERROR_REPORT_COLUMNS = ['原行号', '错误字段', '错误代码', '错误说明', 'Error (English)'] as const

const unique = (xs: Array<string | null>): string[] => [...new Set(xs.filter((x): x is string => x !== null && x !== ''))]

/** The appended cells of one row. */
export function errorColumns(row: RejectedRow): [number, string, string, string, string] {
  return [
    row.rowNumber,
    unique(row.issues.map((i) => i.column)).join('；'),
    unique(row.issues.map((i) => i.code)).join('；'),
    row.issues.map((i) => i.message).join('；'),
    row.issues.map((i) => i.message_en).join('; '),
  ]
}

/** Columns of the original part: the header's, widened for rows with extra values. */
const originalWidth = (headers: readonly string[], rows: readonly RejectedRow[]) => rows.reduce((w, r) => Math.max(w, r.values.length), headers.length)

const padded = (values: readonly string[], width: number): string[] => {
  const out = values.slice(0, width)
  while (out.length < width) out.push('')
  return out
}

/** Writes the error report as CSV (UTF-8 with BOM, CRLF) and ends `out`. */
export async function writeErrorCsv(headers: string[], rows: RejectedRow[], out: Writable): Promise<void> {
  const width = originalWidth(headers, rows)
  function* records(): Generator<string[]> {
    yield [...padded(headers, width), ...ERROR_REPORT_COLUMNS]
    for (const row of rows) {
      const [n, ...rest] = errorColumns(row)
      yield [...padded(row.values, width), String(n), ...rest]
    }
  }
  await pipeline(Readable.from(records()), stringify({ bom: true, record_delimiter: 'windows' }), out)
}

const ERROR_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E2' } }
const OFFENDING_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } }
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true }

/** Column width for a header: CJK characters count double. */
const widthFor = (s: string) => Math.min(60, Math.max(10, [...s].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1), 0) + 2))

/** Writes the error report as XLSX (one sheet, 错误数据) and ends `out`. */
export async function writeErrorXlsx(headers: string[], rows: RejectedRow[], out: Writable): Promise<void> {
  const width = originalWidth(headers, rows)
  const allHeaders = [...padded(headers, width), ...ERROR_REPORT_COLUMNS]
  const finished = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve)
    out.once('close', resolve)
    out.once('error', reject)
  })
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  const sheet = workbook.addWorksheet('错误数据', { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] })
  sheet.columns = allHeaders.map((h, i) => ({
    key: `c${i}`,
    width: i < width ? widthFor(h) : i === width ? 8 : i === width + 4 ? 60 : i === width + 3 ? 50 : 20,
  }))

  const header = sheet.getRow(1)
  allHeaders.forEach((h, i) => {
    const cell = header.getCell(i + 1)
    cell.value = h
    cell.font = HEADER_FONT
    if (i >= width) cell.fill = ERROR_FILL
    else cell.numFmt = '@'
  })
  header.commit()

  // The first column carrying each header, for highlighting the cells issues name.
  const columnOf = new Map<string, number>()
  headers.forEach((h, i) => {
    if (!columnOf.has(h)) columnOf.set(h, i)
    const t = h.trim()
    if (!columnOf.has(t)) columnOf.set(t, i)
  })

  let r = 2
  for (const row of rows) {
    const excelRow = sheet.getRow(r++)
    const offending = new Set<number>()
    for (const issue of row.issues) {
      const at = issue.column === null ? undefined : (columnOf.get(issue.column) ?? columnOf.get(issue.column.trim()))
      if (at !== undefined) offending.add(at)
    }
    const values = padded(row.values, width)
    for (let i = 0; i < width; i++) {
      const cell = excelRow.getCell(i + 1)
      cell.value = values[i] as string
      cell.numFmt = '@'
      if (offending.has(i)) cell.fill = OFFENDING_FILL
    }
    errorColumns(row).forEach((v, k) => {
      const cell = excelRow.getCell(width + k + 1)
      cell.value = v
      cell.fill = ERROR_FILL
      if (k > 0) cell.alignment = { wrapText: true, vertical: 'top' }
    })
    excelRow.commit()
  }
  sheet.commit()
  await workbook.commit()
  await finished
}
