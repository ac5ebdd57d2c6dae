/** The codes of a credit check uploaded as CSV: a header row naming `code` or 统一社会信用代码, one code a row. */
import { createRequire } from 'node:module'
import { AppError } from '../errors.ts'

// papaparse ships no types; this is the part of it used here.
const Papa = createRequire(import.meta.url)('papaparse') as { parse(input: string, config: { skipEmptyLines: boolean }): { data: string[][] } }

const codeColumns = ['code', '统一社会信用代码', '主体代码', '证件号码']

export function codesFromCsv(text: string): string[] {
  const [header, ...rows] = Papa.parse(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data
  if (!header) throw new AppError('CHECK_CSV_EMPTY', 'CSV 文件为空', 'The CSV file is empty')
  const column = header.findIndex((h) => codeColumns.includes(h.trim().toLowerCase()))
  if (column < 0) throw new AppError('CHECK_CSV_HEADER', 'CSV 第一行须有列名 code 或 统一社会信用代码', 'The CSV needs a header row with a column code or 统一社会信用代码', { details: { header: header.slice(0, 20) } })
  return rows.map((r) => (r[column] ?? '').trim()).filter((c) => c !== '')
}
