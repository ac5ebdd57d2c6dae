import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stringify } from 'csv-stringify/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../errors.ts'
import { openCsvSource } from './csv-source.ts'
import { encodeGb18030 } from './gb18030.ts'
import { chunkedStream, readAll, readUntilError } from './testing.ts'

const open = (text: string | Buffer, sizes?: number[], options = {}) =>
  openCsvSource(chunkedStream(Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'), sizes), options)

const rowsOf = async (text: string | Buffer, sizes?: number[]) => {
  const source = await open(text, sizes)
  return { headers: source.headers, rows: await readAll(source), encoding: source.encoding }
}

const tmp = mkdtempSync(join(tmpdir(), 'xinyong-csv-'))

describe('openCsvSource: encodings', () => {
  const csv = '行政相对人名称,罚款金额（万元）\r\n新乡市鑫源商行,0.5\r\n卫辉市永信医疗器械有限公司,"1,200"\r\n'
  const expected = [
    { rowNumber: 2, values: ['新乡市鑫源商行', '0.5'] },
    { rowNumber: 3, values: ['卫辉市永信医疗器械有限公司', '1,200'] },
  ]

  it.each([
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]), 'utf-8'],
    ['UTF-8 without a BOM', Buffer.from(csv), 'utf-8'],
    ['GB18030 (GBK)', encodeGb18030(csv), 'gb18030'],
  ])('reads %s', async (_name, bytes, encoding) => {
    for (const sizes of [[65536], [1], [2, 3, 5]]) {
      const r = await rowsOf(bytes, sizes)
      expect(r.headers).toEqual(['行政相对人名称', '罚款金额（万元）'])
      expect(r.rows).toEqual(expected)
      expect(r.encoding).toBe(encoding)
    }
  })

  it('detects GBK whose first Chinese text comes after 64 KB of ASCII', async () => {
    const ascii = 'CF_XDR_MC,CF_NR_FK\r\n' + 'ABC Trading,0.5\r\n'.repeat(5000)
    const bytes = Buffer.concat([Buffer.from(ascii), encodeGb18030('新乡市鑫源商行,0.5\r\n')])
    const r = await rowsOf(bytes)
    expect(r.encoding).toBe('gb18030')
    expect(r.rows.at(-1)).toEqual({ rowNumber: 5002, values: ['新乡市鑫源商行', '0.5'] })
  })
})

describe('openCsvSource: rows as Excel shows them', () => {
  it.each([
    ['CRLF line ends', 'a,b\r\n1,2\r\n3,4\r\n'],
    ['LF line ends', 'a,b\n1,2\n3,4\n'],
    ['CR line ends (old Mac exports)', 'a,b\r1,2\r3,4\r'],
    ['no line end after the last row', 'a,b\r\n1,2\r\n3,4'],
    ['a trailing empty line', 'a,b\r\n1,2\r\n3,4\r\n\r\n'],
  ])('reads %s', async (_name, text) => {
    const r = await rowsOf(text, [3])
    expect(r.headers).toEqual(['a', 'b'])
    expect(r.rows).toEqual([
      { rowNumber: 2, values: ['1', '2'] },
      { rowNumber: 3, values: ['3', '4'] },
    ])
  })

  it('counts a quoted field spanning lines as one row', async () => {
    const text = '名称,违法事实\r\n甲公司,"第一行\r\n第二行\n第三行"\r\n乙公司,"含""引号""和,逗号"\r\n'
    const r = await rowsOf(text, [4])
    expect(r.rows).toEqual([
      { rowNumber: 2, values: ['甲公司', '第一行\r\n第二行\n第三行'] },
      { rowNumber: 3, values: ['乙公司', '含"引号"和,逗号'] },
    ])
  })

  it('pads short rows with empty values and keeps the extra values of long rows', async () => {
    const r = await rowsOf('a,b,c\n1\n1,2,3,4,5\n1,2,3\n')
    expect(r.rows.map((x) => x.values)).toEqual([
      ['1', '', ''],
      ['1', '2', '3', '4', '5'],
      ['1', '2', '3'],
    ])
  })

  it('skips blank lines and rows of empty cells but counts them, like Excel', async () => {
    const r = await rowsOf('\r\n\r\n 名称 , 代码 \r\n甲,1\r\n\r\n,\r\n  ,\t\r\n乙,2\r\n')
    expect(r.headers).toEqual(['名称', '代码'])
    expect(r.rows).toEqual([
      { rowNumber: 4, values: ['甲', '1'] },
      { rowNumber: 8, values: ['乙', '2'] },
    ])
  })

  it('keeps values as typed (no trimming, no type conversion)', async () => {
    const r = await rowsOf('a,b,c\n 0012 ,1.50E+17,NULL\n')
    expect(r.rows[0]?.values).toEqual([' 0012 ', '1.50E+17', 'NULL'])
  })

  it('reads tab-separated exports', async () => {
    const r = await rowsOf('名称\t代码\r\n甲公司,有限\t1\r\n')
    expect(r.headers).toEqual(['名称', '代码'])
    expect(r.rows[0]?.values).toEqual(['甲公司,有限', '1'])
  })

  it('takes a quote inside an unquoted field literally', async () => {
    const r = await rowsOf('a,b\n5"寸,x\n')
    expect(r.rows[0]?.values).toEqual(['5"寸', 'x'])
  })

  it.each([
    ['an empty file', ''],
    ['a file with only a BOM', '\ufeff'],
    ['a file of blank lines', '\r\n\r\n\n'],
  ])('gives no headers and no rows for %s', async (_name, text) => {
    const r = await rowsOf(text)
    expect(r).toMatchObject({ headers: [], rows: [] })
  })

  it('gives the headers and no rows for a header-only file', async () => {
    expect(await rowsOf('\ufeff名称,代码\r\n')).toMatchObject({ headers: ['名称', '代码'], rows: [] })
  })

  it('reads a path as well as a stream', async () => {
    const path = join(tmp, 'gbk.csv')
    writeFileSync(path, encodeGb18030('名称,代码\r\n甲,"1\r\n2"\r\n'))
    const source = await openCsvSource(path, { chunkBytes: 5 })
    expect(source.encoding).toBe('gb18030')
    expect(await readAll(source)).toEqual([{ rowNumber: 2, values: ['甲', '1\r\n2'] }])
  })
})

describe('openCsvSource: malformed files and limits', () => {
  it('reports an unclosed quote as FILE_CSV_MALFORMED after yielding the good rows', async () => {
    const text = 'a,b\r\n1,2\r\n3,4\r\n5,"never closed\r\n6,7\r\n'
    const { rows, error } = await readUntilError(await open(text, [4]))
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3])
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({ code: 'FILE_CSV_MALFORMED', kind: 'invalid', details: { line: 4, afterRow: 3 } })
    expect((error as AppError).zh).toContain('第 4 行')
    expect((error as AppError).en).toContain('line 4')
  })

  it('names the physical line, counting the lines inside quoted fields', async () => {
    const text = 'a,b\n1,"x\ny\nz"\n2,"oops" 3\n'
    const { rows, error } = await readUntilError(await open(text))
    expect(rows).toEqual([{ rowNumber: 2, values: ['1', 'x\ny\nz'] }])
    expect(error).toMatchObject({ code: 'FILE_CSV_MALFORMED', details: { line: 5 } })
  })

  it('stops at a record longer than maxRecordChars (an unclosed quote eating the file)', async () => {
    const text = 'a,b\n1,2\n3,"' + 'x,y\n'.repeat(5000)
    const source = await openCsvSource(chunkedStream(Buffer.from(text), [1000]), { maxRecordChars: 4096 })
    const { rows, error } = await readUntilError(source)
    expect(rows).toHaveLength(1)
    expect(error).toMatchObject({ code: 'FILE_CSV_MALFORMED', details: { line: 3 } })
  })

  it('refuses a path larger than maxBytes before reading it', async () => {
    const path = join(tmp, 'big.csv')
    writeFileSync(path, 'a,b\n' + '1,2\n'.repeat(1000))
    await expect(openCsvSource(path, { maxBytes: 1000 })).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', kind: 'too_large' })
  })

  it.each([
    ['at open when the limit is hit before the header is read', 100_000, 0],
    ['while reading rows when it is hit later', 600_000, 1],
  ])('stops a stream at maxBytes: %s', async (_name, maxBytes, minRows) => {
    const bytes = Buffer.from('a,b\n' + '1,2\n'.repeat(200_000))
    const outcome = await openCsvSource(chunkedStream(bytes, [4096]), { maxBytes }).then(readUntilError, (error: unknown) => ({ rows: [], error }))
    expect(outcome.error).toMatchObject({ code: 'FILE_TOO_LARGE', kind: 'too_large' })
    expect(outcome.rows.length).toBeGreaterThanOrEqual(minRows)
    expect(outcome.rows.length).toBeLessThan(maxBytes / 4)
  })

  it('stops after maxRows data rows', async () => {
    const source = await open('a\n1\n\n2\n3\n4\n', undefined, { maxRows: 3 })
    const { rows, error } = await readUntilError(source)
    expect(rows.map((r) => r.values[0])).toEqual(['1', '2', '3'])
    expect(error).toMatchObject({ code: 'FILE_TOO_MANY_ROWS', kind: 'too_large' })
  })
})

describe('openCsvSource: any table written by csv-stringify reads back', () => {
  const cell = fc.oneof(
    fc.constantFrom('', ' ', '新乡市', '〔2024〕', '"', '""', ',', '\n', '\r\n', '1,200', '壹仟元', 'NULL', '９１４１'),
    fc.string({ unit: fc.constantFrom('a', '1', ' ', ',', '"', '\n', '\r', '中', '文', '（', '）', '；') }),
  )
  it('for UTF-8, BOM and GB18030 bytes in any chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }).chain((width) =>
          fc.record({
            rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 12 }),
            encoding: fc.constantFrom('utf-8', 'bom', 'gb18030'),
            newline: fc.constantFrom('windows', 'unix'),
            sizes: fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 4 }),
            width: fc.constant(width),
          }),
        ),
        async ({ rows, encoding, newline, sizes, width }) => {
          const headers = ['行政相对人名称', '处罚决定书文号', '罚款金额（万元）', '备注'].slice(0, width)
          const text = stringify([headers, ...rows], { record_delimiter: newline as 'windows' | 'unix' })
          const bytes =
            encoding === 'gb18030' ? encodeGb18030(text) : Buffer.from((encoding === 'bom' ? '\ufeff' : '') + text, 'utf8')
          const r = await rowsOf(bytes, sizes)
          expect(r.headers).toEqual(headers)
          const expected = rows
            .map((values, i) => ({ rowNumber: i + 2, values }))
            .filter((row) => row.values.some((v) => v.trim() !== ''))
          expect(r.rows).toEqual(expected)
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('openCsvSource: releasing the input', () => {
  it('destroys the uploaded stream when the consumer stops early', async () => {
    const stream = chunkedStream(Buffer.from('a\n' + '1\n'.repeat(200_000)), [4096])
    const source = await openCsvSource(stream)
    for await (const row of source.rows) if (row.rowNumber > 10) break
    await new Promise((r) => setImmediate(r))
    expect(stream.destroyed).toBe(true)
  })
})
