import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { cellText, excelNumberText, openXlsxSource } from './xlsx-source.ts'
import { makeZip, minimalXlsxParts, readAll, readUntilError, repeatedDeflate, sheetXml } from './testing.ts'

const tmp = mkdtempSync(join(tmpdir(), 'xinyong-xlsx-'))

async function workbookBuffer(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  build(wb)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

const openBuffer = (buf: Buffer, options = {}) => openXlsxSource(Readable.from([buf]), options)

describe('openXlsxSource: cell values as the clerk typed them', () => {
  it('reads dates, numbers, rich text, formulas, hyperlinks, booleans, errors and blanks', async () => {
    const buf = await workbookBuffer((wb) => {
      const ws = wb.addWorksheet('行政处罚')
      ws.getRow(3).values = ['名称', '日期', '金额', '证件号码', '备注']
      const r = ws.getRow(4)
      r.getCell(1).value = { richText: [{ text: '新乡市' }, { font: { bold: true }, text: '鑫源' }, { text: '商行' }] }
      r.getCell(2).value = new Date(Date.UTC(2024, 2, 5))
      r.getCell(2).numFmt = 'yyyy-mm-dd'
      r.getCell(3).value = 0.5
      r.getCell(4).value = 410702199003071234
      r.getCell(5).value = { text: '信用中国', hyperlink: 'https://www.creditchina.gov.cn' }
      const r2 = ws.getRow(5)
      r2.getCell(1).value = true
      r2.getCell(2).value = new Date(Date.UTC(2024, 2, 5, 14, 30, 0))
      r2.getCell(2).numFmt = 'yyyy-mm-dd hh:mm:ss'
      r2.getCell(3).value = { formula: '0.1+0.2', result: 0.30000000000000004 }
      r2.getCell(4).value = 410702900307123
      r2.getCell(5).value = { error: '#N/A' }
      const r3 = ws.getRow(6)
      r3.getCell(2).value = { formula: 'DATE(2024,3,5)', result: 45356 }
      r3.getCell(2).numFmt = 'yyyy"年"m"月"d"日"'
      r3.getCell(3).value = 0.0000001
      r3.getCell(7).value = '多出的值'
    })
    const source = await openBuffer(buf)
    expect(source.format).toBe('xlsx')
    expect(source.headers).toEqual(['名称', '日期', '金额', '证件号码', '备注'])
    expect(await readAll(source)).toEqual([
      { rowNumber: 4, values: ['新乡市鑫源商行', '2024-03-05', '0.5', '4.10702199003071E+17', '信用中国'] },
      { rowNumber: 5, values: ['TRUE', '2024-03-05 14:30:00', '0.3', '410702900307123', '#N/A'] },
      { rowNumber: 6, values: ['', '2024-03-05', '0.0000001', '', '', '', '多出的值'] },
    ])
  })

  it.each([
    ['14 (m/d/yy)', 14],
    ['31 (yyyy"年"m"月"d"日", zh-CN built-in)', 31],
    ['57 (yyyy"年"m"月", zh-CN built-in)', 57],
  ])('reads a serial with the built-in date format %s as a date', async (_name, numFmtId) => {
    const stylesXml = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="${numFmtId}" applyNumberFormat="1"/></cellXfs></styleSheet>`
    const xml = sheetXml([['日期', '数'], [{ xml: '<c s="1"><v>45356</v></c>' }, { xml: '<c><v>45356</v></c>' }]])
    const source = await openBuffer(makeZip(minimalXlsxParts({ sheetXml: xml, stylesXml })))
    expect(await readAll(source)).toEqual([{ rowNumber: 2, values: ['2024-03-05', '45356'] }])
  })

  it('honours the 1904 date system', async () => {
    const stylesXml = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`
    const xml = sheetXml([['日期'], [{ xml: '<c s="1"><v>43894</v></c>' }]])
    const source = await openBuffer(makeZip(minimalXlsxParts({ sheetXml: xml, stylesXml, date1904: true })))
    expect(await readAll(source)).toEqual([{ rowNumber: 2, values: ['2024-03-05'] }])
  })

  it("decodes Excel's _xHHHH_ escapes in text", async () => {
    const source = await openBuffer(makeZip(minimalXlsxParts({ sheetXml: sheetXml([['a'], ['第一行_x000D_\n第二行 _x005F_x0041_']]) })))
    expect((await readAll(source))[0]?.values).toEqual(['第一行\r\n第二行 _x0041_'])
  })

  it('keeps Chinese text intact however the inflated data is chunked (exceljs decodes chunk by chunk)', async () => {
    const names = Array.from({ length: 4000 }, (_, i) => `新乡市第${i}号“鑫源”副食品商行有限公司违法事实：销售超过保质期的食品，货值金额${i}元。`)
    const buf = await workbookBuffer((wb) => {
      const ws = wb.addWorksheet('数据')
      ws.addRow(['违法事实', '序号'])
      names.forEach((n, i) => ws.addRow([n, `${i}号`]))
    })
    const rows = await readAll(await openBuffer(buf))
    expect(rows).toHaveLength(names.length)
    expect(rows.every((r, i) => r.values[0] === names[i] && r.values[1] === `${i}号`)).toBe(true)
  })

  it('reads the first visible worksheet that has data, with its own row numbers', async () => {
    const buf = await workbookBuffer((wb) => {
      wb.addWorksheet('代码表', { state: 'hidden' }).addRow(['不该读到'])
      wb.addWorksheet('空白')
      const ws = wb.addWorksheet('数据')
      ws.getRow(2).values = ['名称']
      ws.getRow(3).values = ['甲']
      ws.getRow(5).values = ['乙']
      wb.addWorksheet('填写说明').addRow(['说明'])
    })
    const source = await openBuffer(buf)
    expect(source.headers).toEqual(['名称'])
    expect(await readAll(source)).toEqual([
      { rowNumber: 3, values: ['甲'] },
      { rowNumber: 5, values: ['乙'] },
    ])
  })

  it('gives no headers for a workbook without data, and reads a path like a stream', async () => {
    const empty = join(tmp, 'empty.xlsx')
    writeFileSync(empty, await workbookBuffer((wb) => wb.addWorksheet('Sheet1')))
    const source = await openXlsxSource(empty)
    expect(source.headers).toEqual([])
    expect(await readAll(source)).toEqual([])
  })

  it('stops after maxRows data rows', async () => {
    const buf = await workbookBuffer((wb) => {
      const ws = wb.addWorksheet('数据')
      ws.addRow(['a'])
      for (let i = 0; i < 10; i++) ws.addRow([i])
    })
    const { rows, error } = await readUntilError(await openBuffer(buf, { maxRows: 4 }))
    expect(rows).toHaveLength(4)
    expect(error).toMatchObject({ code: 'FILE_TOO_MANY_ROWS', kind: 'too_large' })
  })

  it('refuses a file over maxBytes, from a path and from a stream', async () => {
    const buf = await workbookBuffer((wb) => wb.addWorksheet('数据').addRow(['a']))
    const path = join(tmp, 'small.xlsx')
    writeFileSync(path, buf)
    await expect(openXlsxSource(path, { maxBytes: 100 })).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', kind: 'too_large' })
    await expect(openBuffer(buf, { maxBytes: 100 })).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', kind: 'too_large' })
  })
})

describe('openXlsxSource: ZIP bombs and broken files', () => {
  const MB = 1024 * 1024
  const sheetPrefix = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
  const rows = Buffer.from('<row r="1"></row>'.repeat(60_000)) // ~1 MB of empty rows

  it('refuses a sheet declaring 300 MB compressed 1000:1, quickly and without inflating it', async () => {
    const compressed = repeatedDeflate(rows, 300, sheetPrefix)
    const bomb = makeZip(minimalXlsxParts({ sheet: { name: 'xl/worksheets/sheet1.xml', raw: { compressed, declaredSize: 300 * rows.length + sheetPrefix.length } } }))
    expect(bomb.length).toBeLessThan(2 * MB)
    const started = performance.now()
    const error = await openBuffer(bomb).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'FILE_XLSX_TOO_LARGE', kind: 'too_large', details: { entry: 'xl/worksheets/sheet1.xml' } })
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('refuses an archive declaring more than maxUncompressedBytes in total', async () => {
    const buf = await workbookBuffer((wb) => wb.addWorksheet('数据').addRow(['a']))
    await expect(openBuffer(buf, { maxUncompressedBytes: 1000 })).rejects.toMatchObject({ code: 'FILE_XLSX_TOO_LARGE', details: { maxUncompressedBytes: 1000 } })
  })

  it('stops a sheet that lies about its size after the declared bytes (300 MB declared as 20 KB)', async () => {
    const compressed = repeatedDeflate(rows, 300, sheetPrefix)
    const liar = makeZip(minimalXlsxParts({ sheet: { name: 'xl/worksheets/sheet1.xml', raw: { compressed, declaredSize: 20_000 } } }))
    const rssBefore = process.memoryUsage().rss
    const started = performance.now()
    const error = await openBuffer(liar).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'FILE_XLSX_TOO_LARGE', kind: 'too_large' })
    expect(performance.now() - started).toBeLessThan(2000)
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * MB)
  })

  it.each([
    ['a text file', Buffer.from('名称,代码\r\n甲,1\r\n')],
    ['an empty file', Buffer.alloc(0)],
    ['a ZIP without a workbook', makeZip([{ name: 'word/document.xml', data: '<w:document/>' }])],
    ['an old .xls (OLE compound document)', Buffer.from('d0cf11e0a1b11ae1' + '00'.repeat(504), 'hex')],
    ['corrupt deflate data', makeZip(minimalXlsxParts({ sheet: { name: 'xl/worksheets/sheet1.xml', raw: { compressed: Buffer.from('not deflate data at all'), declaredSize: 100 } } }))],
    ['malformed sheet XML', makeZip(minimalXlsxParts({ sheetXml: '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></rowx></sheetData></worksheet>' }))],
  ])('refuses %s as FILE_XLSX_INVALID', async (_name, bytes) => {
    const outcome = await openBuffer(bytes).then(readUntilError, (error: unknown) => ({ rows: [], error }))
    expect(outcome.error).toMatchObject({ code: 'FILE_XLSX_INVALID', kind: 'invalid' })
  })

  it('refuses a truncated workbook as FILE_XLSX_INVALID', async () => {
    const buf = await workbookBuffer((wb) => wb.addWorksheet('数据').addRow(['a']))
    await expect(openBuffer(buf.subarray(0, Math.floor(buf.length / 2)))).rejects.toMatchObject({ code: 'FILE_XLSX_INVALID' })
  })
})

describe('cell conversions', () => {
  it.each([
    [0, '0'],
    [0.2, '0.2'],
    [-12.5, '-12.5'],
    [123456789012345, '123456789012345'],
    [1234567890123456, '1.23456789012346E+15'],
    [410702199003071234, '4.10702199003071E+17'],
    [0.30000000000000004, '0.3'],
    [1e-7, '0.0000001'],
    [1.5e-10, '0.00000000015'],
    [Number.NaN, ''],
  ])('prints the number %s as %s', (n, text) => {
    expect(excelNumberText(n)).toBe(text)
  })

  it.each([
    ['a shared formula result', { sharedFormula: 'A1', result: 3 }, undefined, '3'],
    ['a formula without a cached result', { formula: 'A1' }, undefined, ''],
    ['a formula with an error result', { formula: '1/0', result: { error: '#DIV/0!' } }, undefined, '#DIV/0!'],
    ['a hyperlink with rich text', { text: { richText: [{ text: '链' }, { text: '接' }] }, hyperlink: 'x' }, undefined, '链接'],
    ['a time of day', 0.5, 'h:mm', '12:00:00'],
    ['a date with a quoted literal', 45356, 'yyyy"年"m"月"d"日"', '2024-03-05'],
    ['a number with a red format (not a date)', 5, '0.00;[Red]-0.00', '5'],
  ])('reads %s', (_name, value, numFmt, text) => {
    expect(cellText(value, numFmt)).toBe(text)
  })
})
