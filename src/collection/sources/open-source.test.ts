import { createReadStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../errors.ts'
import { detectFormat, openFileSource } from './open-source.ts'
import { readAll } from './testing.ts'

const fixtures = join(import.meta.dirname, '../../../test/fixtures/collection')
const tmp = mkdtempSync(join(tmpdir(), 'xinyong-open-'))

describe('openFileSource on the fixtures', () => {
  it.each([
    ['penalties-gbk.csv', 'csv', 'gb18030', '行政相对人名称', 27, 29],
    ['penalties-utf8-bom.csv', 'csv', 'utf-8', 'CF_XDR_MC', 29, 30],
    ['penalties-legacy.csv', 'csv', 'utf-8', 'CF_WSH', 21, 22],
    ['penalties.xlsx', 'xlsx', undefined, '行政相对人名称', 22, 24],
  ])('reads %s', async (file, format, encoding, firstHeader, rowCount, lastRow) => {
    for (const input of [join(fixtures, file), { stream: createReadStream(join(fixtures, file)), fileName: file }]) {
      const source = await openFileSource(input)
      expect(source.format).toBe(format)
      const rows = await readAll(source)
      expect(source.encoding).toBe(encoding)
      expect(source.headers[0]).toBe(firstHeader)
      expect(rows).toHaveLength(rowCount)
      expect(rows.at(-1)?.rowNumber).toBe(lastRow)
      expect(rows.every((r) => r.values.length >= source.headers.length)).toBe(true)
    }
  })

  it('counts the blank line in the GBK file and keeps quoted newlines in one row', async () => {
    const rows = await readAll(await openFileSource(join(fixtures, 'penalties-gbk.csv')))
    expect(rows.map((r) => r.rowNumber)).not.toContain(15)
    expect(rows.find((r) => r.rowNumber === 16)?.values[0]).toBe('新乡市福瑞达商贸有限公司')
    expect(rows[0]?.values[10]).toContain('\n以上事实有现场检查笔录')
  })

  it('reads the XLSX fixture as the clerk typed it', async () => {
    const rows = await readAll(await openFileSource(join(fixtures, 'penalties.xlsx')))
    const byRow = new Map(rows.map((r) => [r.rowNumber, r.values]))
    expect(byRow.get(2)?.[5]).toBe('4.10702197503121E+17')
    expect(byRow.get(2)?.slice(16, 19)).toEqual(['2024-03-05', '2025-03-04', '2027-03-05'])
    expect(byRow.get(3)?.[10]).toBe('2024年1月18日，执法人员检查发现当事人“卫辉路改造”项目施工现场裸露土方未覆盖，未采取有效防尘降尘措施。')
    expect(byRow.get(4)?.[14]).toBe('4.5')
    expect(byRow.get(5)?.[23]).toBe('信用中国（河南新乡）')
    expect(byRow.get(6)?.[16]).toBe('45356')
    expect(byRow.get(7)?.[5]).toBe('410782700228001')
    expect(byRow.get(9)?.[14]).toBe('1,200')
    expect(byRow.has(20)).toBe(false)
  })
})

describe('openFileSource: choosing the reader', () => {
  const xlsx = readFileSync(join(fixtures, 'penalties.xlsx'))
  const csv = Buffer.from('名称,代码\r\n甲,1\r\n')

  it.each([
    ['ZIP bytes named .csv', xlsx, 'upload.csv', 'xlsx'],
    ['ZIP bytes without a name', xlsx, null, 'xlsx'],
    ['text named .txt', csv, '导出.txt', 'csv'],
    ['text without a name', csv, null, 'csv'],
    ['text named .CSV', csv, '行政处罚.CSV', 'csv'],
    ['tab-separated text named .xls (systems that export "Excel" as text)', Buffer.from('名称\t代码\r\n甲\t1\r\n'), 'export.xls', 'csv'],
  ])('picks by content, then name: %s', async (_name, bytes, fileName, format) => {
    expect(detectFormat(bytes, fileName)).toBe(format)
    const source = await openFileSource({ stream: Readable.from([bytes]), fileName })
    expect(source.format).toBe(format)
    expect((await readAll(source)).length).toBeGreaterThan(0)
  })

  it.each([
    ['a PDF', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj', 'latin1'), '处罚决定书.pdf'],
    ['a JSON file', Buffer.from('[{"a":1}]'), 'data.json'],
    ['binary bytes named .csv', Buffer.from([0x00, 0x01, 0x02, 0x03, 0x89, 0x50]), 'data.csv'],
    ['an old .xls workbook', Buffer.from('d0cf11e0a1b11ae1' + '00'.repeat(504), 'hex'), '处罚.xls'],
    ['an HTML table saved as .xls', Buffer.from('<html><body><table><tr><td>名称</td></tr></table></body></html>'), '导出.xls'],
  ])('refuses %s as FILE_FORMAT_UNSUPPORTED, naming CSV and XLSX in both languages', async (_name, bytes, fileName) => {
    const path = join(tmp, fileName)
    writeFileSync(path, bytes)
    for (const attempt of [() => openFileSource(path), () => openFileSource({ stream: Readable.from([bytes]), fileName })]) {
      const error = (await attempt().catch((e: unknown) => e)) as AppError
      expect(error).toBeInstanceOf(AppError)
      expect(error.code).toBe('FILE_FORMAT_UNSUPPORTED')
      expect(error.zh).toMatch(/CSV.*xlsx/u)
      expect(error.en).toMatch(/CSV.*xlsx/u)
      expect(error.details).toMatchObject({ accepted: ['csv', 'xlsx'] })
    }
  })

  it('passes the limits on to the reader', async () => {
    await expect(openFileSource(join(fixtures, 'penalties-gbk.csv'), { maxBytes: 1000 })).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' })
    await expect(openFileSource(join(fixtures, 'penalties.xlsx'), { maxUncompressedBytes: 1000 })).rejects.toMatchObject({ code: 'FILE_XLSX_TOO_LARGE' })
  })
})
