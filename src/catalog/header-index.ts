/**
 * Mapping uploaded column headers to catalog fields (pure). A header matches a field by the
 * field's key, its Chinese name or any alias — national codes of either 双公示 generation or the
 * Chinese headers clerks use — after normalisation, so '罚款金额（万元）', '罚款金额(万元)' and
 * ' cf_nr_fk ' all land on the same field.
 */
import type { CatalogField, CatalogItemDefinition, CodeTable } from './catalog.ts'

const BRACKETS: Record<string, string> = {
  '（': '(',
  '）': ')',
  '【': '[',
  '】': ']',
  '〔': '[',
  '〕': ']',
  '［': '[',
  '］': ']',
}

/**
 * Normalises a header (or a code-table value) for matching: drops BOMs and zero-width characters,
 * folds full-width ASCII to half-width, unifies （）→() and 【】〔〕→[], removes all whitespace,
 * upper-cases, and drops the '*' that templates put before required columns.
 */
export const normalizeHeader = (s: string): string => {
  let out = ''
  for (const ch of s.normalize('NFC')) {
    const cp = ch.codePointAt(0) ?? 0
    if (cp === 0xfeff || cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0x2060) continue
    const bracket = BRACKETS[ch]
    if (bracket) {
      out += bracket
    } else if (cp >= 0xff01 && cp <= 0xff5e) {
      out += String.fromCodePoint(cp - 0xfee0)
    } else if (cp === 0x3000) {
      out += ' '
    } else {
      out += ch
    }
  }
  return out
    .replace(/\s+/gu, '')
    .replace(/^\*+|\*+$/gu, '')
    .toUpperCase()
}

/** Every header a field answers to: its key, its name, then its aliases. */
export const fieldHeaders = (field: CatalogField): string[] => [field.key, field.name, ...field.aliases]

/**
 * Normalised header → field key. Keys and names are entered before aliases, so an alias never
 * shadows another field's key or name; between aliases the first field wins (the schema forbids
 * such collisions in valid definitions).
 */
export const buildHeaderIndex = (def: Pick<CatalogItemDefinition, 'fields'>): Map<string, string> => {
  const index = new Map<string, string>()
  const put = (header: string, key: string) => {
    const n = normalizeHeader(header)
    if (n !== '' && !index.has(n)) index.set(n, key)
  }
  for (const f of def.fields) put(f.key, f.key)
  for (const f of def.fields) put(f.name, f.key)
  for (const f of def.fields) for (const a of f.aliases) put(a, f.key)
  return index
}

export interface ResolvedColumn {
  /** Zero-based column position in the uploaded file. */
  index: number
  /** The header exactly as uploaded. */
  header: string
  /** The field the column feeds, or null for unknown and blank headers. */
  fieldKey: string | null
}

export interface HeaderResolution {
  columns: ResolvedColumn[]
  /** Non-blank headers that match no field, as uploaded. */
  unknown: string[]
  /** Fields fed by more than one column (single-valued fields only): the file is ambiguous. */
  duplicates: Array<{ fieldKey: string; headers: string[] }>
  /**
   * Multi-valued (codes) fields fed by several columns, e.g. legacy 处罚类别1 + 处罚类别2 → CF_CFLB:
   * not an error, the values are merged.
   */
  merged: Array<{ fieldKey: string; headers: string[] }>
  /** Keys of fields required for every row ('required') that no column feeds. */
  missingRequired: string[]
  /** Keys of fields required for organisations or persons only, or conditionally, that no column feeds. */
  missingConditional: string[]
}

/** Maps an uploaded header row to the item's fields and reports what does not fit. */
export const resolveHeaders = (def: Pick<CatalogItemDefinition, 'fields'>, headers: string[]): HeaderResolution => {
  const index = buildHeaderIndex(def)
  const byKey = new Map(def.fields.map((f) => [f.key, f]))
  const columns: ResolvedColumn[] = []
  const unknown: string[] = []
  const seen = new Map<string, string[]>()

  headers.forEach((raw, i) => {
    const header = raw ?? ''
    const n = normalizeHeader(String(header))
    const fieldKey = n === '' ? null : (index.get(n) ?? null)
    columns.push({ index: i, header, fieldKey })
    if (n === '') return
    if (fieldKey === null) {
      unknown.push(header)
      return
    }
    const list = seen.get(fieldKey)
    if (list) list.push(header)
    else seen.set(fieldKey, [header])
  })

  const duplicates: HeaderResolution['duplicates'] = []
  const merged: HeaderResolution['merged'] = []
  for (const [fieldKey, hs] of seen) {
    if (hs.length < 2) continue
    if (byKey.get(fieldKey)?.type === 'codes') merged.push({ fieldKey, headers: hs })
    else duplicates.push({ fieldKey, headers: hs })
  }

  const missingRequired: string[] = []
  const missingConditional: string[] = []
  for (const f of def.fields) {
    if (seen.has(f.key)) continue
    if (f.requirement === 'required') missingRequired.push(f.key)
    else if (f.requirement !== 'optional' || f.requiredWhen) missingConditional.push(f.key)
  }

  return { columns, unknown, duplicates, merged, missingRequired, missingConditional }
}

/**
 * Normalised spelling → code for one code table: each entry's code, label and aliases. Codes win
 * over labels and aliases of other entries, so '03' always means code 03 where such a code exists.
 */
export const buildCodeIndex = (table: Pick<CodeTable, 'entries'>): Map<string, string> => {
  const index = new Map<string, string>()
  const put = (value: string, code: string) => {
    const n = normalizeHeader(value)
    if (n !== '' && !index.has(n)) index.set(n, code)
  }
  for (const e of table.entries) put(e.code, e.code)
  for (const e of table.entries) put(e.label, e.code)
  for (const e of table.entries) for (const a of e.aliases ?? []) put(a, e.code)
  return index
}

/** The code a provider's value stands for (given as code, label or alias), or null. */
export const resolveCode = (table: Pick<CodeTable, 'entries'>, value: string): string | null =>
  buildCodeIndex(table).get(normalizeHeader(value)) ?? null

/** Splits a multi-valued (codes) cell on , ; 、 | and their full-width forms. */
export const splitCodes = (value: string): string[] =>
  value
    .split(/[,;、|，；｜]/u)
    .map((v) => v.trim())
    .filter((v) => v !== '')
