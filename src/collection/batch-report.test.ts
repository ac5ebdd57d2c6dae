import { createWriteStream, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { finished } from 'node:stream/promises'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { ERROR_REPORT_COLUMNS, errorColumns, writeErrorCsv, writeErrorXlsx, type RejectedRow } from './batch-report.ts'
import type { RowIssue } from './collection.ts'
import { openFileSource } from './sources/open-source.ts'
import { readAll } from './sources/testing.ts'

const tmp = mkdtempSync(join(tmpdir(), 'xinyong-report-'))

const issue = (row: number, column: string | null, code: string, message: string, message_en: string): RowIssue => ({
  row,
  column,
  value: null,
  code,
  message,
  message_en,
  severity: 'error',
})

const headers = ['行政相对人名称', '统一社会信用代码', '法定代表人证件号码', '处罚决定日期', '违法事实']
const rows: RejectedRow[] = [
  {
    rowNumber: 5,
    values: ['新乡市宏远机械制造有限公司', '91410700MA*****X', '410702199003071234', '2024-02-30', '第一行\n第二行，含逗号'],
    issues: [
      issue(5, '统一社会信用代码', 'COLLECTION_IDENTIFIER_MASKED', '统一社会信用代码已脱敏，无法关联主体', 'The USCC is masked and cannot be linked'),
      issue(5, '处罚决定日期', 'COLLECTION_DATE_INVALID', '处罚决定日期「2024-02-30」不是有效日期', 'Decision date "2024-02-30" is not a valid date'),
    ],
  },
  {
    rowNumber: 9,
    values: ['新乡市福瑞达商贸有限公司', '91410702MA0P2Q4R4B', '0012', '20240321', '多余的值之前', '多出的一列'],
    issues: [issue(9, '处罚决定书文号', 'COLLECTION_REQUIRED', '缺少必填项：处罚决定书文号', 'Required: decision number'), issue(9, null, 'COLLECTION_ROW_TOO_LONG', '本行比表头多 1 个值', 'The row has 1 value more than the header')],
  },
]

const expectedHeaders = [...headers, '', ...ERROR_REPORT_COLUMNS]
const expectedValues = [
  [...(rows[0]?.values ?? []), '', '5', '统一社会信用代码；处罚决定日期', 'COLLECTION_IDENTIFIER_MASKED；COLLECTION_DATE_INVALID', '统一社会信用代码已脱敏，无法关联主体；处罚决定日期「2024-02-30」不是有效日期', 'The USCC is masked and cannot be linked; Decision date "2024-02-30" is not a valid date'],
  [...(rows[1]?.values ?? []), '9', '处罚决定书文号', 'COLLECTION_REQUIRED；COLLECTION_ROW_TOO_LONG', '缺少必填项：处罚决定书文号；本行比表头多 1 个值', 'Required: decision number; The row has 1 value more than the header'],
]

describe('error report columns', () => {
  it('joins a row’s issues with ；, naming each column and code once', () => {
    const row: RejectedRow = { rowNumber: 3, values: [], issues: [issue(3, 'a', 'X', '甲', 'A'), issue(3, 'a', 'X', '乙', 'B'), issue(3, null, 'Y', '丙', 'C')] }
    expect(errorColumns(row)).toEqual([3, 'a', 'X；Y', '甲；乙；丙', 'A; B; C'])
  })
})

describe('writeErrorCsv', () => {
  it('writes UTF-8 with a BOM and CRLF that reads back with the original headers first', async () => {
    const out = new PassThrough()
    const chunks: Buffer[] = []
    out.on('data', (c: Buffer) => chunks.push(c))
    await writeErrorCsv(headers, rows, out)
    const bytes = Buffer.concat(chunks)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.toString('utf8')).toContain('\r\n')
    const source = await openFileSource({ stream: Readable.from([bytes]), fileName: '错误数据.csv' })
    expect(source.headers).toEqual(expectedHeaders)
    expect(await readAll(source)).toEqual([
      { rowNumber: 2, values: expectedValues[0] },
      { rowNumber: 3, values: expectedValues[1] },
    ])
  })

  it('writes just the header for no rows', async () => {
    const path = join(tmp, 'empty.csv')
    await writeErrorCsv(headers, [], createWriteStream(path))
    const source = await openFileSource(path)
    expect(source.headers).toEqual([...headers, ...ERROR_REPORT_COLUMNS])
    expect(await readAll(source)).toEqual([])
  })
})

describe('writeErrorXlsx', () => {
  const path = join(tmp, '错误数据.xlsx')
  const written = (async () => {
    const out = createWriteStream(path)
    await writeErrorXlsx(headers, rows, out)
    await finished(out)
  })()

  it('reads back through openFileSource with the values kept as text', async () => {
    await written
    const source = await openFileSource(path)
    expect(source.format).toBe('xlsx')
    expect(source.headers).toEqual(expectedHeaders)
    expect(await readAll(source)).toEqual([
      { rowNumber: 2, values: expectedValues[0] },
      { rowNumber: 3, values: expectedValues[1] },
    ])
  })

  it('has a bold frozen header, text-formatted original cells and red fills on the error columns and offending cells', async () => {
    await written
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(path)
    const ws = wb.worksheets[0] as ExcelJS.Worksheet
    expect(ws.name).toBe('错误数据')
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(ws.getCell('A1').font?.bold).toBe(true)
    expect(ws.getCell('C2').value).toBe('410702199003071234')
    expect(ws.getCell('C2').numFmt).toBe('@')
    const filled = (ref: string) => (ws.getCell(ref).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb
    expect(filled('B2')).toBeDefined() // 统一社会信用代码, named by an issue
    expect(filled('D2')).toBeDefined() // 处罚决定日期
    expect(filled('A2')).toBeUndefined()
    expect(filled('A3')).toBeUndefined() // 处罚决定书文号 is not a column of the file
    for (const ref of ['G1', 'G2', 'K3']) expect(filled(ref)).toBeDefined()
    expect(ws.getCell('G2').value).toBe(5)
  })
})
