import ExcelJS from 'exceljs'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { administrativePenalty, baseCatalog, codeTables } from './base-catalog/index.ts'
import { CODES_SHEET, INSTRUCTIONS_SHEET, TEMPLATE_DATA_ROWS, catalogTemplateCsv, catalogTemplateXlsx } from './catalog-template.ts'
import { resolveHeaders } from './header-index.ts'

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return ''
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('')
  return String(v)
}

const load = async (buf: Buffer) => {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(buf as unknown as ArrayBuffer)
  return wb
}

type Validations = Record<string, ExcelJS.DataValidation | undefined>
const validationsOf = (ws: ExcelJS.Worksheet): Validations => (ws as unknown as { dataValidations: { model: Validations } }).dataValidations.model

describe('catalogTemplateCsv', () => {
  it.each(baseCatalog.map((d) => [d.code, d] as const))('gives %s a BOM and one header row that parses back to the field names', (_, def) => {
    const buf = catalogTemplateCsv(def)
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parse(buf, { bom: true }) as string[][]
    expect(rows).toEqual([def.fields.map((f) => f.name)])
    const resolved = resolveHeaders(def, rows[0] ?? [])
    expect(resolved.columns.map((c) => c.fieldKey)).toEqual(def.fields.map((f) => f.key))
    expect(resolved.unknown).toEqual([])
  })

  it('quotes headers with commas or quotes and ends the row with CRLF', () => {
    const def = {
      fields: [
        { key: 'A', name: '金额,元', nameEn: 'A', type: 'decimal' as const, requirement: 'optional' as const, aliases: [] },
        { key: 'B', name: '“名称"', nameEn: 'B', type: 'text' as const, requirement: 'optional' as const, aliases: [] },
      ],
    }
    const text = catalogTemplateCsv(def).toString('utf8')
    expect(text).toBe('\uFEFF"金额,元","“名称"""\r\n')
    expect(parse(text, { bom: true })).toEqual([['金额,元', '“名称"']])
  })
})

describe('catalogTemplateXlsx', () => {
  it('writes the data sheet, the instructions and a hidden code sheet', async () => {
    const wb = await load(await catalogTemplateXlsx(administrativePenalty, codeTables))
    expect(wb.worksheets.map((w) => w.name)).toEqual(['行政处罚', INSTRUCTIONS_SHEET, CODES_SHEET])
    expect(wb.getWorksheet(CODES_SHEET)?.state).toBe('hidden')
    expect(wb.getWorksheet('行政处罚')?.state).toBe('visible')
  })

  it('has a bold, frozen Chinese header row with a note per column', async () => {
    const wb = await load(await catalogTemplateXlsx(administrativePenalty, codeTables))
    const ws = wb.getWorksheet('行政处罚')!
    const header = ws.getRow(1)
    const names = administrativePenalty.fields.map((_, i) => cellText(header.getCell(i + 1).value))
    expect(names).toEqual(administrativePenalty.fields.map((f) => f.name))
    expect(ws.rowCount).toBe(1)
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })

    const fine = header.getCell(administrativePenalty.fields.findIndex((f) => f.key === 'CF_NR_FK') + 1)
    expect(fine.font?.bold).toBe(true)
    const note = cellText(typeof fine.note === 'string' ? fine.note : (fine.note?.texts?.map((t) => t.text).join('') ?? ''))
    expect(note).toContain('CF_NR_FK')
    expect(note).toContain('万元')
    expect(note).toContain('数值')

    const wsh = header.getCell(administrativePenalty.fields.findIndex((f) => f.key === 'CF_WSH') + 1)
    expect(wsh.font?.color?.argb).toBe('FFC00000')
    expect(wsh.fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFFCE4D6' } })
    const wshNote = typeof wsh.note === 'string' ? wsh.note : (wsh.note?.texts?.map((t) => t.text).join('') ?? '')
    expect(wshNote).toContain('必填')

    for (let i = 1; i <= administrativePenalty.fields.length; i++) expect(ws.getColumn(i).width).toBeGreaterThanOrEqual(14)
  })

  it('offers drop-downs from the hidden code sheet and formats dates', async () => {
    const wb = await load(await catalogTemplateXlsx(administrativePenalty, codeTables))
    const ws = wb.getWorksheet('行政处罚')!
    const codes = wb.getWorksheet(CODES_SHEET)!
    const dv = validationsOf(ws)
    const col = (key: string) => administrativePenalty.fields.findIndex((f) => f.key === key) + 1
    const letter = (key: string) => ws.getColumn(col(key)).letter

    const category = dv[`${letter('CF_CFLB')}2`]
    expect(category).toMatchObject({ type: 'list', allowBlank: true, errorStyle: 'information' })
    expect(dv[`${letter('CF_CFLB')}${TEMPLATE_DATA_ROWS + 1}`]).toMatchObject({ type: 'list' })

    // The list formula points at the penalty categories on the hidden sheet.
    const formula = String(category?.formulae?.[0])
    const m = /^'?代码表'?!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/u.exec(formula)
    expect(m, formula).not.toBeNull()
    const [, c1, r1, , r2] = m!
    const listed: string[] = []
    for (let r = Number(r1); r <= Number(r2); r++) listed.push(cellText(codes.getCell(`${c1}${r}`).value))
    expect(listed).toEqual(codeTables.find((t) => t.key === 'penalty_category')!.entries.map((e) => e.label))

    expect(dv[`${letter('CF_XDR_LB')}2`]).toMatchObject({ type: 'list', errorStyle: 'warning' })
    expect(dv[`${letter('CF_JDRQ')}2`]).toMatchObject({ type: 'date' })
    expect(dv[`${letter('CF_XDR_MC')}2`]).toBeUndefined()

    expect(ws.getColumn(col('CF_JDRQ')).numFmt).toBe('yyyy-mm-dd')
    expect(ws.getColumn(col('CF_XDR_ZJHM')).numFmt).toBe('@')
    expect(ws.getColumn(col('CF_XDR_SHXYM')).numFmt).toBe('@')
  })

  it('lists every field on the instructions sheet', async () => {
    const wb = await load(await catalogTemplateXlsx(administrativePenalty, codeTables))
    const guide = wb.getWorksheet(INSTRUCTIONS_SHEET)!
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => cellText(guide.getRow(1).getCell(c).value))).toEqual([
      '序号', '字段名称', '字段代码', '类型', '是否必填', '代码表/取值', '说明',
    ])
    administrativePenalty.fields.forEach((f, i) => {
      const row = guide.getRow(i + 2)
      expect(cellText(row.getCell(1).value)).toBe(String(i + 1))
      expect(cellText(row.getCell(2).value)).toBe(f.name)
      expect(cellText(row.getCell(3).value)).toBe(f.key)
    })
    const fine = guide.getRow(administrativePenalty.fields.findIndex((f) => f.key === 'CF_NR_FK') + 2)
    expect(cellText(fine.getCell(5).value)).toContain('罚款')
    expect(cellText(fine.getCell(6).value)).toContain('万元')
    const lb = guide.getRow(administrativePenalty.fields.findIndex((f) => f.key === 'CF_CFLB') + 2)
    expect(cellText(lb.getCell(6).value)).toContain('010103 罚款')
    expect(cellText(lb.getCell(4).value)).toContain('多选')
  })

  it.each(baseCatalog.map((d) => [d.code, d] as const))('builds a template for %s whose header row resolves fully', async (_, def) => {
    const wb = await load(await catalogTemplateXlsx(def, codeTables))
    expect(wb.worksheets).toHaveLength(3)
    const ws = wb.worksheets[0]!
    const headers = def.fields.map((_, i) => cellText(ws.getRow(1).getCell(i + 1).value))
    const r = resolveHeaders(def, headers)
    expect(r.columns.map((c) => c.fieldKey)).toEqual(def.fields.map((f) => f.key))
    expect(r).toMatchObject({ unknown: [], duplicates: [], missingRequired: [] })
    const lists = Object.values(validationsOf(ws)).filter((v) => v?.type === 'list').length
    expect(lists).toBe(def.fields.filter((f) => f.codeTable).length * TEMPLATE_DATA_ROWS)
  })
})
