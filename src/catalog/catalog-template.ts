/**
 * Submission templates (报送模板) for one catalog item: a CSV with the Chinese header row, and an
 * XLSX with the header row, notes, drop-downs for code-table columns and a 填写说明 sheet.
 * Headers are the fields' Chinese names exactly, so an uploaded template resolves through
 * header-index.ts without aliases.
 */
import ExcelJS from 'exceljs'
import { stringify } from 'csv-stringify/sync'
import type { CatalogField, CatalogItemDefinition, CodeTable, FieldType, Requirement } from './catalog.ts'

export const TEMPLATE_DATA_ROWS = 1000
export const INSTRUCTIONS_SHEET = '填写说明'
export const CODES_SHEET = '代码表'

const typeLabels: Record<FieldType, string> = {
  text: '文本',
  date: '日期',
  decimal: '数值',
  integer: '整数',
  code: '代码',
  codes: '代码（可多选）',
  uscc: '统一社会信用代码',
  id_number: '证件号码',
  boolean: '是/否',
}

const requirementLabels: Record<Requirement, string> = {
  required: '必填',
  required_for_organisation: '法人及非法人组织必填',
  required_for_person: '自然人必填',
  optional: '选填',
}

/** The Chinese header row of an item's template, in field order. */
export const templateHeaders = (def: Pick<CatalogItemDefinition, 'fields'>): string[] => def.fields.map((f) => f.name)

/** CSV template: UTF-8 with BOM (so Excel opens it), one header row of Chinese field names. */
export const catalogTemplateCsv = (def: Pick<CatalogItemDefinition, 'fields'>): Buffer =>
  Buffer.from(stringify([templateHeaders(def)], { bom: true, record_delimiter: 'windows' }), 'utf8')

const requiredText = (f: CatalogField, byKey: Map<string, CatalogField>, tables: Map<string, CodeTable>): string => {
  let s = requirementLabels[f.requirement]
  if (f.requiredWhen) {
    const other = byKey.get(f.requiredWhen.field)
    const table = other?.codeTable ? tables.get(other.codeTable) : undefined
    const labels = f.requiredWhen.anyOf.map((c) => table?.entries.find((e) => e.code === c)?.label ?? c)
    s += `（${other?.name ?? f.requiredWhen.field}含${labels.join('或')}时必填）`
  }
  return s
}

const valuesText = (f: CatalogField, tables: Map<string, CodeTable>): string => {
  if (f.codeTable) {
    const table = tables.get(f.codeTable)
    if (!table) return `代码表 ${f.codeTable}`
    const entries = table.entries.map((e) => `${e.code} ${e.label}`).join('；')
    return `${table.name}：${entries}${f.type === 'codes' ? '（多个值以逗号、分号、顿号或竖线分隔）' : ''}；可填代码或名称`
  }
  switch (f.type) {
    case 'date':
      return '日期，格式 yyyy-mm-dd，如 2024-03-15'
    case 'decimal':
      return `数值${f.unit ? `，单位${f.unit}` : ''}`
    case 'integer':
      return `整数${f.unit ? `，单位${f.unit}` : ''}`
    case 'uscc':
      return '18位统一社会信用代码'
    case 'id_number':
      return '证件号码（按文本填写，勿转为数字）'
    case 'boolean':
      return '是 / 否'
    default:
      return f.maxLength ? `文本，不超过${f.maxLength}字` : '文本'
  }
}

const noteText = (f: CatalogField, byKey: Map<string, CatalogField>, tables: Map<string, CodeTable>): string =>
  [
    `字段代码：${f.key}`,
    `类型：${typeLabels[f.type]}`,
    ...(f.unit ? [`单位：${f.unit}`] : []),
    `是否必填：${requiredText(f, byKey, tables)}`,
    ...(f.codeTable ? [`代码表：${tables.get(f.codeTable)?.name ?? f.codeTable}`] : []),
    ...(f.personal ? ['个人信息，加密存储'] : []),
  ].join('\n')

/** Display width of a string in Excel columns (CJK characters take two). */
const displayWidth = (s: string): number => [...s].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1), 0)

const columnLetter = (n: number): string => {
  let s = ''
  let x = n
  while (x > 0) {
    const m = (x - 1) % 26
    s = String.fromCharCode(65 + m) + s
    x = Math.floor((x - 1) / 26)
  }
  return s
}

/** Excel forbids \ / ? * [ ] : in sheet names and allows 31 characters. */
const sheetName = (name: string): string => name.replace(/[\\/?*[\]:]/gu, ' ').slice(0, 31) || 'Sheet1'

interface DataValidationsApi {
  add(address: string, validation: ExcelJS.DataValidation): void
}

/**
 * XLSX template: sheet 1 named after the item with the bold, frozen Chinese header row (required
 * columns filled, a note per header with the national code, type, unit and requirement), drop-downs
 * for code-table columns fed from a hidden 代码表 sheet, date columns formatted yyyy-mm-dd and
 * identifier columns as text; sheet 2 填写说明 describes every field.
 */
export const catalogTemplateXlsx = async (def: CatalogItemDefinition, codeTables: CodeTable[]): Promise<Buffer> => {
  const tables = new Map(codeTables.map((t) => [t.key, t]))
  const byKey = new Map(def.fields.map((f) => [f.key, f]))
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Xinyong 信用'
  wb.title = `${def.name}（${def.code}）报送模板`
  wb.subject = def.code

  const ws = wb.addWorksheet(sheetName(def.name), { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] })
  const guide = wb.addWorksheet(INSTRUCTIONS_SHEET)
  const codesSheet = wb.addWorksheet(CODES_SHEET, { state: 'hidden' })

  // Hidden code sheet: per used table, one column of labels (the drop-down) and one of codes.
  const tableRanges = new Map<string, string>()
  const usedTables = [...new Set(def.fields.flatMap((f) => (f.codeTable ? [f.codeTable] : [])))]
  usedTables.forEach((key, i) => {
    const table = tables.get(key)
    if (!table) return
    const labelCol = i * 2 + 1
    codesSheet.getCell(1, labelCol).value = table.name
    codesSheet.getCell(1, labelCol + 1).value = `${table.name}代码`
    table.entries.forEach((e, r) => {
      codesSheet.getCell(r + 2, labelCol).value = e.label
      codesSheet.getCell(r + 2, labelCol + 1).value = e.code
    })
    const letter = columnLetter(labelCol)
    tableRanges.set(key, `'${CODES_SHEET}'!$${letter}$2:$${letter}$${table.entries.length + 1}`)
  })

  // Sheet 1: header row.
  const header = ws.getRow(1)
  header.height = 30
  const validations = (ws as unknown as { dataValidations: DataValidationsApi }).dataValidations
  def.fields.forEach((f, i) => {
    const col = i + 1
    const cell = header.getCell(col)
    cell.value = f.name
    cell.font = { bold: true, color: { argb: f.requirement === 'required' ? 'FFC00000' : 'FF000000' } }
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true }
    cell.fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: f.requirement === 'required' ? 'FFFCE4D6' : f.requirement === 'optional' && !f.requiredWhen ? 'FFF2F2F2' : 'FFFFF2CC' },
    }
    cell.border = { bottom: { style: 'thin' } }
    cell.note = noteText(f, byKey, tables)

    const column = ws.getColumn(col)
    const wide = f.type === 'text' && (f.maxLength ?? 0) > 500
    column.width = Math.min(50, Math.max(wide ? 30 : 14, displayWidth(f.name) + 4))
    if (f.type === 'date') column.numFmt = 'yyyy-mm-dd'
    else if (f.type === 'decimal') column.numFmt = '0.######'
    else if (f.type !== 'integer') column.numFmt = '@' // keep 18-digit numbers and leading zeros intact

    const letter = columnLetter(col)
    const range = `${letter}2:${letter}${TEMPLATE_DATA_ROWS + 1}`
    const tableRange = f.codeTable ? tableRanges.get(f.codeTable) : undefined
    if (tableRange) {
      validations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [tableRange],
        showInputMessage: true,
        promptTitle: f.name,
        prompt: f.type === 'codes' ? '可从列表选择；多个值以逗号分隔' : '从列表选择，也可填写代码',
        showErrorMessage: true,
        // Codes, aliases and several values stay possible: warn, never block.
        errorStyle: f.type === 'codes' ? 'information' : 'warning',
        errorTitle: f.name,
        error: '该值不在代码表中，请核对',
      })
    } else if (f.type === 'date') {
      validations.add(range, {
        type: 'date',
        operator: 'greaterThan',
        allowBlank: true,
        formulae: [new Date(Date.UTC(1949, 9, 1))],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: f.name,
        error: '请填写日期，格式 yyyy-mm-dd',
      })
    }
  })

  // Sheet 2: instructions.
  guide.columns = [
    { header: '序号', key: 'no', width: 6 },
    { header: '字段名称', key: 'name', width: 28 },
    { header: '字段代码', key: 'key', width: 22 },
    { header: '类型', key: 'type', width: 16 },
    { header: '是否必填', key: 'required', width: 22 },
    { header: '代码表/取值', key: 'values', width: 50 },
    { header: '说明', key: 'description', width: 60 },
  ]
  def.fields.forEach((f, i) => {
    const notes = [
      ...(f.description ? [f.description] : []),
      ...(f.personal ? ['个人信息：加密存储，公开时脱敏。'] : []),
      ...(f.aliases.length > 0 ? [`也可识别的列名：${f.aliases.join('、')}`] : []),
    ]
    const row = guide.addRow({
      no: i + 1,
      name: f.name,
      key: f.key,
      type: typeLabels[f.type],
      required: requiredText(f, byKey, tables),
      values: valuesText(f, tables),
      description: notes.join('\n'),
    })
    row.alignment = { vertical: 'top', wrapText: true }
  })
  const guideHeader = guide.getRow(1)
  guideHeader.font = { bold: true }
  guideHeader.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } }
  guide.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }]
  const footer = guide.rowCount + 2
  guide.getCell(footer, 1).value = '说明'
  guide.getCell(footer, 2).value =
    `${def.name}（${def.code}）：${def.description ?? ''} 业务主键：${def.businessKey.map((k) => byKey.get(k)?.name ?? k).join(' + ')}；` +
    '相同业务主键的记录视为同一记录的新版本。表头红字为必填，黄底为按主体类型或条件必填。'
  guide.mergeCells(footer, 2, footer, 7)
  guide.getCell(footer, 2).alignment = { wrapText: true, vertical: 'top' }
  guide.getRow(footer).height = 60

  const out = await wb.xlsx.writeBuffer()
  return Buffer.from(out as ArrayBuffer)
}
