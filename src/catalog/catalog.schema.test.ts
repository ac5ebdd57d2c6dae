import { describe, expect, it } from 'vitest'
import type { CatalogItemDefinition } from './catalog.ts'
import { administrativePenalty, baseCatalog, codeTables } from './base-catalog/index.ts'
import { catalogItemSchema, catalogItemSchemaFor, codeTableSchema, formatPath, parseCatalogItems, parseCodeTables, type CatalogIssue } from './catalog.schema.ts'

const tableKeys = codeTables.map((t) => t.key)
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T

/** A small valid item to break in one place at a time. */
const sample = (): CatalogItemDefinition => ({
  code: 'TEST_ITEM',
  name: '测试目录项',
  nameEn: 'Test item',
  nature: 'negative',
  sharingLevel: 'government',
  displayGroup: 'other',
  subjectKinds: ['enterprise'],
  providers: ['SCJG'],
  businessKey: ['DOC_NO'],
  publicityRule: { kind: 'fixed', start: 'decision_date', months: 12 },
  updateCycle: 'monthly',
  legalBasis: '《河南省社会信用条例》第十二条',
  fields: [
    { key: 'NAME', name: '主体名称', nameEn: 'Name', type: 'text', requirement: 'required', role: 'subject_name', aliases: ['企业名称'] },
    { key: 'USCC', name: '统一社会信用代码', nameEn: 'USCC', type: 'uscc', requirement: 'required', role: 'subject_uscc', aliases: [] },
    { key: 'DOC_NO', name: '文书号', nameEn: 'Document number', type: 'text', requirement: 'required', role: 'decision_number', aliases: ['决定文书号'] },
    { key: 'DOC_DATE', name: '决定日期', nameEn: 'Decision date', type: 'date', requirement: 'required', role: 'decision_date', aliases: [] },
    { key: 'KIND', name: '处罚类别', nameEn: 'Kind', type: 'codes', codeTable: 'penalty_category', requirement: 'optional', aliases: [] },
  ],
})

const issuesOf = (json: unknown, known = tableKeys): CatalogIssue[] => {
  const r = parseCatalogItems(json, known)
  return r.ok ? [] : r.issues
}
const codesOf = (json: unknown, known = tableKeys) => issuesOf(json, known).map((i) => [i.path, i.code])

describe('parseCatalogItems', () => {
  it('accepts a valid item, an array, an export and JSON text, returning equal definitions', () => {
    const item = sample()
    for (const input of [item, [item], { items: [item] }, JSON.stringify([item]), `\uFEFF${JSON.stringify(item)}`]) {
      const r = parseCatalogItems(input, tableKeys)
      expect(r).toEqual({ ok: true, items: [item] })
    }
  })

  it('round-trips the whole base catalog through JSON unchanged', () => {
    const r = parseCatalogItems(JSON.stringify(baseCatalog), tableKeys)
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.items).toEqual(baseCatalog)
  })

  it('reports a bad enum, a duplicate field key and a business key naming a missing field together, with paths', () => {
    const item = sample() as unknown as Record<string, unknown> & { fields: Array<Record<string, unknown>> }
    item.sharingLevel = 'everyone'
    item.fields.push({ key: 'NAME', name: '名称二', nameEn: 'Name 2', type: 'text', requirement: 'optional', aliases: [] })
    item.businessKey = ['DOC_NO', 'CASE_NO']
    const issues = issuesOf([sample(), item])
    expect(issues.map((i) => [i.path, i.code])).toEqual(
      expect.arrayContaining([
        ['[1].sharingLevel', 'CATALOG_INVALID_VALUE'],
        ['[1].fields[5].key', 'CATALOG_FIELD_KEY_DUPLICATE'],
        ['[1].businessKey[1]', 'CATALOG_BUSINESS_KEY_UNKNOWN_FIELD'],
        ['[1].code', 'CATALOG_ITEM_CODE_DUPLICATE'],
      ]),
    )
    for (const i of issues) {
      expect(i.zh).toMatch(/[\u4e00-\u9fff]/u)
      expect(i.en).toMatch(/[a-z]/)
    }
    const bad = issues.find((i) => i.code === 'CATALOG_INVALID_VALUE')
    expect(bad?.zh).toContain('everyone')
    expect(bad?.en).toContain('public')
  })

  type Breaker = (item: Record<string, any>) => void
  it.each<[string, Breaker, string, string]>([
    ['a field type outside the enum', (i) => (i.fields[0].type = 'string'), 'fields[0].type', 'CATALOG_INVALID_VALUE'],
    ['a role outside the enum', (i) => (i.fields[0].role = 'owner'), 'fields[0].role', 'CATALOG_INVALID_VALUE'],
    ['a subject kind outside the enum', (i) => (i.subjectKinds = ['company']), 'subjectKinds[0]', 'CATALOG_INVALID_VALUE'],
    ['an unknown publicity rule kind', (i) => (i.publicityRule = { kind: 'forever' }), 'publicityRule.kind', 'CATALOG_INVALID_VALUE'],
    ['a tier outside the enum', (i) => (i.publicityRule = { kind: 'tiered', start: 'publication_date', defaultTier: 'huge', ceilingYears: 5 }), 'publicityRule.defaultTier', 'CATALOG_INVALID_VALUE'],
    ['a missing property', (i) => delete i.legalBasis, 'legalBasis', 'CATALOG_PROPERTY_MISSING'],
    ['a wrong type', (i) => (i.fields[0].aliases = '企业名称'), 'fields[0].aliases', 'CATALOG_INVALID_TYPE'],
    ['an unknown property', (i) => (i.colour = 'red'), '', 'CATALOG_UNKNOWN_PROPERTY'],
    ['no providers', (i) => (i.providers = []), 'providers', 'CATALOG_LIST_EMPTY'],
    ['an empty name', (i) => (i.name = ''), 'name', 'CATALOG_VALUE_EMPTY'],
    ['a lower-case field key', (i) => (i.fields[1].key = 'uscc'), 'fields[1].key', 'CATALOG_FIELD_KEY_FORMAT'],
    ['a field key with a dash', (i) => (i.fields[1].key = 'US-CC'), 'fields[1].key', 'CATALOG_FIELD_KEY_FORMAT'],
    ['a lower-case item code', (i) => (i.code = 'test'), 'code', 'CATALOG_ITEM_CODE_FORMAT'],
    ['an unknown code table', (i) => (i.fields[4].codeTable = 'colours'), 'fields[4].codeTable', 'CATALOG_CODE_TABLE_UNKNOWN'],
    ['a code field without table', (i) => delete i.fields[4].codeTable, 'fields[4].codeTable', 'CATALOG_CODE_TABLE_MISSING'],
    ['a code table on a text field', (i) => (i.fields[0].codeTable = 'id_type'), 'fields[0].codeTable', 'CATALOG_CODE_TABLE_UNEXPECTED'],
    ['a business key on an optional field', (i) => (i.businessKey = ['KIND']), 'businessKey[0]', 'CATALOG_BUSINESS_KEY_NOT_REQUIRED'],
    ['a business key naming one field twice', (i) => (i.businessKey = ['DOC_NO', 'DOC_NO']), 'businessKey[1]', 'CATALOG_BUSINESS_KEY_DUPLICATE'],
    ['an empty business key', (i) => (i.businessKey = []), 'businessKey', 'CATALOG_LIST_EMPTY'],
    ['an alias equal to another field’s name', (i) => i.fields[2].aliases.push('主体名称'), 'fields[2].aliases[1]', 'CATALOG_ALIAS_COLLISION'],
    ['aliases equal after normalisation', (i) => { i.fields[0].aliases.push('金额（万元）'); i.fields[2].aliases.push(' 金额(万元)') }, 'fields[2].aliases[1]', 'CATALOG_ALIAS_COLLISION'],
    ['an alias equal to another field’s key', (i) => i.fields[0].aliases.push('doc_no'), 'fields[0].aliases[1]', 'CATALOG_ALIAS_COLLISION'],
    ['a role held twice', (i) => (i.fields[3].role = 'decision_number'), 'fields[3].role', 'CATALOG_FIELD_ROLE_DUPLICATE'],
    ['a role on the wrong type', (i) => (i.fields[1].role = 'decision_date'), 'fields[1].type', 'CATALOG_FIELD_ROLE_TYPE'],
    ['an ID number not marked personal', (i) => i.fields.push({ key: 'IDN', name: '证件号码', nameEn: 'ID', type: 'id_number', requirement: 'optional', aliases: [] }), 'fields[5].personal', 'CATALOG_FIELD_PERSONAL_REQUIRED'],
    ['an invalid pattern', (i) => (i.fields[2].pattern = '(['), 'fields[2].pattern', 'CATALOG_FIELD_PATTERN_INVALID'],
    ['a unit on a text field', (i) => (i.fields[2].unit = '万元'), 'fields[2].unit', 'CATALOG_FIELD_UNIT_UNEXPECTED'],
    ['a condition on a text field', (i) => (i.fields[1].requiredWhen = { field: 'NAME', anyOf: ['x'] }), 'fields[1].requiredWhen.field', 'CATALOG_REQUIRED_WHEN_FIELD'],
    ['no subject name', (i) => delete i.fields[0].role, 'fields', 'CATALOG_SUBJECT_NAME_MISSING'],
    ['no subject identifier', (i) => delete i.fields[1].role, 'fields', 'CATALOG_SUBJECT_IDENTIFIER_MISSING'],
    ['natural persons without an ID number field', (i) => i.subjectKinds.push('natural_person'), 'fields', 'CATALOG_PERSON_ID_MISSING'],
    ['a rule counting from a missing valid_to', (i) => (i.publicityRule = { kind: 'until_valid_to' }), 'publicityRule', 'CATALOG_PUBLICITY_RULE_FIELD'],
    ['a red list of negative information', (i) => (i.listKind = 'red'), 'listKind', 'CATALOG_LIST_NATURE_MISMATCH'],
    ['a penalty 双公示 item outside the penalty tab', (i) => (i.doublePublicity = 'penalty'), 'displayGroup', 'CATALOG_DOUBLE_PUBLICITY_GROUP'],
    ['a malformed provider code', (i) => (i.providers = ['scjg']), 'providers[0]', 'CATALOG_PROVIDER_FORMAT'],
    ['a provider named twice', (i) => (i.providers = ['SCJG', 'SCJG']), 'providers[1]', 'CATALOG_PROVIDER_DUPLICATE'],
    ['a subject kind named twice', (i) => (i.subjectKinds = ['enterprise', 'enterprise']), 'subjectKinds[1]', 'CATALOG_SUBJECT_KIND_DUPLICATE'],
  ])('rejects %s', (_, breakIt, path, code) => {
    const item = clone(sample()) as Record<string, any>
    breakIt(item)
    const issues = issuesOf(item)
    expect(issues.map((i) => [i.path, i.code])).toContainEqual([path, code])
    const issue = issues.find((i) => i.code === code)
    expect(issue?.zh.length).toBeGreaterThan(0)
    expect(issue?.en.length).toBeGreaterThan(0)
  })

  it('checks providers against known departments when given', () => {
    const r = parseCatalogItems(sample(), tableKeys, { knownDepartments: ['FGW'] })
    expect(r.ok ? [] : r.issues.map((i) => [i.path, i.code])).toEqual([['providers[0]', 'CATALOG_PROVIDER_UNKNOWN']])
  })

  it('checks code tables against the keys passed in', () => {
    expect(codesOf(sample(), ['id_type'])).toEqual([['fields[4].codeTable', 'CATALOG_CODE_TABLE_UNKNOWN']])
  })

  it.each([
    ['broken JSON text', '{"code": ', 'CATALOG_JSON_INVALID'],
    ['a number', 42, 'CATALOG_IMPORT_SHAPE'],
    ['an empty array', [], 'CATALOG_IMPORT_EMPTY'],
  ])('rejects %s as a file', (_, input, code) => {
    expect(codesOf(input)).toEqual([['', code]])
  })

  it('still finds cross-field problems when the shape is broken elsewhere', () => {
    const item = clone(sample()) as Record<string, any>
    item.nature = 'bad'
    item.businessKey = ['NOPE']
    expect(codesOf(item)).toEqual(
      expect.arrayContaining([
        ['nature', 'CATALOG_INVALID_VALUE'],
        ['businessKey[0]', 'CATALOG_BUSINESS_KEY_UNKNOWN_FIELD'],
      ]),
    )
  })
})

describe('catalogItemSchema', () => {
  it('accepts the built-in items and rejects a broken one with a coded custom issue', () => {
    expect(catalogItemSchema.safeParse(administrativePenalty).success).toBe(true)
    const item = clone(administrativePenalty)
    item.businessKey = ['CF_WSH', 'CF_NOPE']
    const r = catalogItemSchema.safeParse(item)
    expect(r.success).toBe(false)
    const custom = r.error?.issues.find((i) => i.code === 'custom')
    expect(custom?.path).toEqual(['businessKey', 1])
    expect((custom as { params?: { code?: string } } | undefined)?.params?.code).toBe('CATALOG_BUSINESS_KEY_UNKNOWN_FIELD')
  })

  it('checks code tables only in the variant that knows them', () => {
    expect(catalogItemSchemaFor(['id_type']).safeParse(administrativePenalty).success).toBe(false)
    expect(catalogItemSchemaFor(tableKeys).safeParse(administrativePenalty).success).toBe(true)
  })
})

describe('code tables', () => {
  it('accepts the built-in tables one by one', () => {
    for (const t of codeTables) expect(codeTableSchema.safeParse(t).success, t.key).toBe(true)
  })

  it.each<[string, unknown, string, string]>([
    ['an upper-case key', { key: 'Colours', name: '颜色', nameEn: 'Colours', entries: [{ code: '1', label: '红', labelEn: 'Red' }] }, 'key', 'CODE_TABLE_KEY_FORMAT'],
    ['a duplicate code', { key: 'c', name: '颜色', nameEn: 'Colours', entries: [{ code: '1', label: '红', labelEn: 'Red' }, { code: '1', label: '蓝', labelEn: 'Blue' }] }, 'entries[1].code', 'CODE_TABLE_CODE_DUPLICATE'],
    ['an alias shared by two codes', { key: 'c', name: '颜色', nameEn: 'Colours', entries: [{ code: '1', label: '红', labelEn: 'Red', aliases: ['赤'] }, { code: '2', label: '蓝', labelEn: 'Blue', aliases: ['赤'] }] }, 'entries[1].aliases[0]', 'CODE_TABLE_VALUE_COLLISION'],
    ['no entries', { key: 'c', name: '颜色', nameEn: 'Colours', entries: [] }, 'entries', 'CATALOG_LIST_EMPTY'],
  ])('rejects %s', (_, table, path, code) => {
    const r = parseCodeTables(table)
    expect(r.ok ? [] : r.issues.map((i) => [i.path, i.code])).toContainEqual([path, code])
  })
})

describe('formatPath', () => {
  it.each([
    [[], ''],
    [['code'], 'code'],
    [[0, 'fields', 3, 'key'], '[0].fields[3].key'],
    [['fields', 1, 'aliases', 0], 'fields[1].aliases[0]'],
  ])('formats %j as %s', (path, text) => {
    expect(formatPath(path as Array<string | number>)).toBe(text)
  })
})
