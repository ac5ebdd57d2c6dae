/**
 * Validation of catalog items and code tables read from files (`xinyong catalog import FILE`) or
 * the API. The zod schemas check the shape and every enum; `itemRuleIssues` checks what one
 * field says about another (unique keys, business key, code tables, roles, aliases). Every issue
 * has a path, a stable code and a Chinese and an English message.
 */
import { z } from 'zod'
import { subjectKinds } from '../subjects/subject-kind.ts'
import {
  type CatalogItemDefinition,
  type CodeTable,
  type FieldRole,
  type FieldType,
  displayGroups,
  fieldRoles,
  fieldTypes,
  natures,
  requirements,
  sharingLevels,
  tiers,
  updateCycles,
} from './catalog.ts'
import { normalizeHeader } from './header-index.ts'

export interface CatalogIssue {
  /** Where in the input, e.g. `fields[3].key` or, for an array, `[1].businessKey[0]`. */
  path: string
  code: string
  zh: string
  en: string
}

export type ParseResult<T> = { ok: true; items: T[] } | { ok: false; issues: CatalogIssue[] }

type Path = Array<string | number>
interface RawIssue {
  path: Path
  code: string
  zh: string
  en: string
}

const CODE_RE = /^[A-Z][A-Z0-9_]{0,39}$/
const FIELD_KEY_RE = /^[A-Z][A-Z0-9_]{0,63}$/
const TABLE_KEY_RE = /^[a-z][a-z0-9_]{0,63}$/
const DEPARTMENT_RE = /^[A-Z][A-Z0-9_]{0,31}$/

// ---------------------------------------------------------------------------------------------
// Shapes

const text = z.string().min(1)

export const codeTableEntrySchema = z.strictObject({
  code: z.string().min(1).max(50),
  label: text,
  labelEn: text,
  aliases: z.array(text).optional(),
})

const codeTableShape = z.strictObject({
  key: text,
  name: text,
  nameEn: text,
  entries: z.array(codeTableEntrySchema).min(1),
  source: z.string().optional(),
})

export const catalogFieldSchema = z.strictObject({
  key: text,
  name: text,
  nameEn: text,
  type: z.enum(fieldTypes),
  requirement: z.enum(requirements),
  role: z.enum(fieldRoles).optional(),
  codeTable: text.optional(),
  maxLength: z.number().int().positive().max(1_000_000).optional(),
  pattern: text.optional(),
  unit: text.optional(),
  personal: z.boolean().optional(),
  aliases: z.array(text),
  description: z.string().optional(),
  requiredWhen: z.strictObject({ field: text, anyOf: z.array(text).min(1) }).optional(),
})

export const publicityRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('tiered'),
    start: z.enum(['publication_date', 'decision_date']),
    defaultTier: z.enum(tiers),
    ceilingYears: z.number().int().min(1).max(50),
  }),
  z.strictObject({
    kind: z.literal('fixed'),
    start: z.enum(['publication_date', 'decision_date', 'valid_from']),
    months: z.number().int().min(1).max(600),
  }),
  z.strictObject({ kind: z.literal('until_valid_to') }),
  z.strictObject({ kind: z.literal('until_removed'), ceilingYears: z.number().int().min(1).max(50).optional() }),
  z.strictObject({ kind: z.literal('long_term') }),
  z.strictObject({ kind: z.literal('not_public') }),
])

const catalogItemShape = z.strictObject({
  code: text,
  name: text,
  nameEn: text,
  description: z.string().optional(),
  nature: z.enum(natures),
  sharingLevel: z.enum(sharingLevels),
  naturalPersonSharingLevel: z.enum(sharingLevels).optional(),
  displayGroup: z.enum(displayGroups),
  doublePublicity: z.enum(['licensing', 'penalty']).optional(),
  listKind: z.enum(['red', 'focus', 'black']).optional(),
  subjectKinds: z.array(z.enum(subjectKinds)).min(1),
  providers: z.array(text).min(1),
  businessKey: z.array(text).min(1),
  publicityRule: publicityRuleSchema,
  updateCycle: z.enum(updateCycles),
  legalBasis: text,
  fields: z.array(catalogFieldSchema).min(1),
})

// The schema and the TypeScript types must describe the same thing, both ways.
type ShapeOf = z.infer<typeof catalogItemShape>
const _toType = (x: ShapeOf): CatalogItemDefinition => x
const _toShape = (x: CatalogItemDefinition): ShapeOf => x
const _tableToType = (x: z.infer<typeof codeTableShape>): CodeTable => x
const _tableToShape = (x: CodeTable): z.infer<typeof codeTableShape> => x
void [_toType, _toShape, _tableToType, _tableToShape]

// ---------------------------------------------------------------------------------------------
// Cross-field rules, written defensively so they also run on input whose shape is broken.

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

const CODE_TYPES: FieldType[] = ['code', 'codes']

/** The types a field with a role may have. */
const roleTypes: Partial<Record<FieldRole, FieldType[]>> = {
  subject_name: ['text'],
  subject_category: ['code'],
  subject_uscc: ['uscc'],
  subject_id_type: ['code'],
  subject_id_number: ['id_number'],
  legal_representative: ['text'],
  legal_representative_id_type: ['code'],
  legal_representative_id_number: ['id_number'],
  decision_number: ['text'],
  decision_date: ['date'],
  valid_from: ['date'],
  valid_to: ['date'],
  publicity_end: ['date'],
  publication_date: ['date'],
  removal_date: ['date'],
  authority_name: ['text'],
  authority_uscc: ['uscc'],
  source_unit_name: ['text'],
  source_unit_uscc: ['uscc'],
  status: ['code', 'text'],
  penalty_category: ['code', 'codes'],
  fine_amount: ['decimal'],
}

const SUBJECT_IDENTIFIER_ROLES: FieldRole[] = [
  'subject_uscc',
  'subject_id_number',
  'subject_tax_number',
  'subject_registration_number',
  'subject_org_code',
]

const validRegex = (pattern: string): boolean => {
  try {
    new RegExp(pattern, 'u')
    return true
  } catch {
    return false
  }
}

export interface RuleOptions {
  /** Keys of the code tables fields may name; null skips the check. */
  knownCodeTables?: Iterable<string> | null
  /** Department codes providers may name; null or absent checks only their format. */
  knownDepartments?: Iterable<string> | null
}

/** The cross-field rules of one item, as issues with paths relative to the item. */
export const itemRuleIssues = (raw: unknown, options: RuleOptions = {}): RawIssue[] => {
  const issues: RawIssue[] = []
  const add = (path: Path, code: string, zh: string, en: string) => issues.push({ path, code, zh, en })
  if (!isRecord(raw)) return issues
  const tables = options.knownCodeTables ? new Set(options.knownCodeTables) : null
  const departments = options.knownDepartments ? new Set(options.knownDepartments) : null

  const code = str(raw.code)
  if (code !== undefined && !CODE_RE.test(code)) {
    add(['code'], 'CATALOG_ITEM_CODE_FORMAT', `目录项代码“${code}”须为大写字母开头的大写字母、数字或下划线`, `Item code "${code}" must be upper case letters, digits or underscores, starting with a letter`)
  }

  // Fields: keys, types, code tables, roles, patterns.
  const fields = arr(raw.fields)
  const fieldByKey = new Map<string, Record<string, unknown>>()
  const roleOwner = new Map<string, string>()
  fields.forEach((f, i) => {
    if (!isRecord(f)) return
    const key = str(f.key)
    const type = str(f.type) as FieldType | undefined
    if (key !== undefined) {
      if (!FIELD_KEY_RE.test(key)) {
        add(['fields', i, 'key'], 'CATALOG_FIELD_KEY_FORMAT', `字段代码“${key}”须为大写下划线格式（A-Z、0-9、_，字母开头）`, `Field key "${key}" must be upper snake case (A-Z, 0-9, _; starting with a letter)`)
      }
      if (fieldByKey.has(key)) {
        add(['fields', i, 'key'], 'CATALOG_FIELD_KEY_DUPLICATE', `字段代码“${key}”重复`, `Field key "${key}" appears more than once`)
      } else {
        fieldByKey.set(key, f)
      }
    }
    const label = key ?? `#${i + 1}`
    const codeTable = str(f.codeTable)
    if (type !== undefined && CODE_TYPES.includes(type) && codeTable === undefined) {
      add(['fields', i, 'codeTable'], 'CATALOG_CODE_TABLE_MISSING', `代码类字段“${label}”须指定代码表`, `Field "${label}" of type ${type} needs a code table`)
    }
    if (codeTable !== undefined) {
      if (type !== undefined && !CODE_TYPES.includes(type)) {
        add(['fields', i, 'codeTable'], 'CATALOG_CODE_TABLE_UNEXPECTED', `字段“${label}”不是代码类型，不能指定代码表`, `Field "${label}" is not of type code or codes and cannot name a code table`)
      }
      if (tables && !tables.has(codeTable)) {
        add(['fields', i, 'codeTable'], 'CATALOG_CODE_TABLE_UNKNOWN', `字段“${label}”引用的代码表“${codeTable}”不存在`, `Field "${label}" names code table "${codeTable}", which does not exist`)
      }
    }
    if (type === 'id_number' && f.personal !== true) {
      add(['fields', i, 'personal'], 'CATALOG_FIELD_PERSONAL_REQUIRED', `证件号码字段“${label}”须标记为个人信息（personal: true）`, `ID number field "${label}" must be marked personal`)
    }
    if (f.unit !== undefined && type !== undefined && type !== 'decimal' && type !== 'integer') {
      add(['fields', i, 'unit'], 'CATALOG_FIELD_UNIT_UNEXPECTED', `只有数值字段可以有计量单位（字段“${label}”）`, `Only numeric fields may have a unit (field "${label}")`)
    }
    const pattern = str(f.pattern)
    if (pattern !== undefined && !validRegex(pattern)) {
      add(['fields', i, 'pattern'], 'CATALOG_FIELD_PATTERN_INVALID', `字段“${label}”的正则表达式无效`, `Field "${label}" has an invalid regular expression`)
    }
    const role = str(f.role) as FieldRole | undefined
    if (role !== undefined && (fieldRoles as readonly string[]).includes(role)) {
      const owner = roleOwner.get(role)
      if (owner !== undefined) {
        add(['fields', i, 'role'], 'CATALOG_FIELD_ROLE_DUPLICATE', `角色“${role}”已由字段“${owner}”承担，一个目录项中每个角色只能出现一次`, `Role "${role}" is already held by field "${owner}"; each role may appear once per item`)
      } else {
        roleOwner.set(role, label)
      }
      const allowed = roleTypes[role]
      if (allowed && type !== undefined && !allowed.includes(type)) {
        add(['fields', i, 'type'], 'CATALOG_FIELD_ROLE_TYPE', `承担角色“${role}”的字段“${label}”类型应为 ${allowed.join(' 或 ')}`, `Field "${label}" with role "${role}" must be of type ${allowed.join(' or ')}`)
      }
    }
  })

  // requiredWhen points at a code field of the same item.
  fields.forEach((f, i) => {
    if (!isRecord(f) || !isRecord(f.requiredWhen)) return
    const label = str(f.key) ?? `#${i + 1}`
    const target = str(f.requiredWhen.field)
    if (target === undefined) return
    const other = fieldByKey.get(target)
    if (target === f.key || !other || !CODE_TYPES.includes(str(other.type) as FieldType)) {
      add(['fields', i, 'requiredWhen', 'field'], 'CATALOG_REQUIRED_WHEN_FIELD', `字段“${label}”的条件必填须引用本目录项中另一个代码类字段，“${target}”不符合`, `Field "${label}" is conditionally required on "${target}", which is not another code field of this item`)
    }
  })

  // Aliases, names and keys may not lead two fields' headers to the same normalised text. As in
  // buildHeaderIndex, keys claim their text first, then names, then aliases; the later claim is
  // the one reported.
  const candidates: Array<{ path: Path; value: string; kind: 0 | 1 | 2; owner: string }> = []
  fields.forEach((f, i) => {
    if (!isRecord(f)) return
    const owner = str(f.key) ?? `#${i + 1}`
    const k = str(f.key)
    if (k !== undefined) candidates.push({ path: ['fields', i, 'key'], value: k, kind: 0, owner })
    const n = str(f.name)
    if (n !== undefined) candidates.push({ path: ['fields', i, 'name'], value: n, kind: 1, owner })
    arr(f.aliases).forEach((a, j) => {
      if (typeof a === 'string') candidates.push({ path: ['fields', i, 'aliases', j], value: a, kind: 2, owner })
    })
  })
  candidates.sort((a, b) => a.kind - b.kind)
  const headerOwner = new Map<string, { owner: string; kind: number }>()
  for (const c of candidates) {
    const h = normalizeHeader(c.value)
    if (h === '') continue
    const prior = headerOwner.get(h)
    if (!prior) {
      headerOwner.set(h, { owner: c.owner, kind: c.kind })
    } else if (prior.owner !== c.owner && !(c.kind === 0 && prior.kind === 0)) {
      // Two identical keys are already reported as a duplicate key.
      add(c.path, 'CATALOG_ALIAS_COLLISION', `列名“${c.value}”同时指向字段“${prior.owner}”和“${c.owner}”`, `Header "${c.value}" would map to both field "${prior.owner}" and field "${c.owner}"`)
    }
  }

  // Business key: existing, distinct, always present fields.
  const seenKey = new Set<string>()
  arr(raw.businessKey).forEach((k, i) => {
    if (typeof k !== 'string') return
    if (seenKey.has(k)) {
      add(['businessKey', i], 'CATALOG_BUSINESS_KEY_DUPLICATE', `业务主键中字段“${k}”重复`, `Business key names field "${k}" twice`)
      return
    }
    seenKey.add(k)
    const f = fieldByKey.get(k)
    if (!f) {
      add(['businessKey', i], 'CATALOG_BUSINESS_KEY_UNKNOWN_FIELD', `业务主键字段“${k}”不是本目录项的字段`, `Business key field "${k}" is not a field of this item`)
    } else if (f.requirement !== 'required') {
      add(['businessKey', i], 'CATALOG_BUSINESS_KEY_NOT_REQUIRED', `业务主键字段“${k}”必须为必填（required）`, `Business key field "${k}" must be required`)
    }
  })

  // Subjects must be linkable.
  const roles = new Set(roleOwner.keys())
  if (fields.length > 0) {
    if (!roles.has('subject_name')) {
      add(['fields'], 'CATALOG_SUBJECT_NAME_MISSING', '目录项须有一个角色为 subject_name 的主体名称字段', 'The item needs a field with role subject_name')
    }
    if (!SUBJECT_IDENTIFIER_ROLES.some((r) => roles.has(r))) {
      add(['fields'], 'CATALOG_SUBJECT_IDENTIFIER_MISSING', '目录项须有主体标识字段（统一社会信用代码、证件号码等）', 'The item needs a subject identifier field (USCC, ID number, …)')
    }
    if (arr(raw.subjectKinds).includes('natural_person') && !roles.has('subject_id_number')) {
      add(['fields'], 'CATALOG_PERSON_ID_MISSING', '主体类型含自然人时，须有角色为 subject_id_number 的证件号码字段', 'An item for natural persons needs a field with role subject_id_number')
    }
  }

  // Publicity rule start fields.
  if (isRecord(raw.publicityRule)) {
    const rule = raw.publicityRule
    const need = (role: FieldRole) => {
      if (!roles.has(role)) {
        add(['publicityRule'], 'CATALOG_PUBLICITY_RULE_FIELD', `公示规则需要角色为 ${role} 的字段`, `The publicity rule needs a field with role ${role}`)
      }
    }
    if (rule.kind === 'until_valid_to') need('valid_to')
    if ((rule.kind === 'tiered' || rule.kind === 'fixed') && rule.start === 'decision_date') need('decision_date')
    if (rule.kind === 'fixed' && rule.start === 'valid_from') need('valid_from')
  }

  // List kind and nature, 双公示 and display group.
  const listKind = str(raw.listKind)
  const nature = str(raw.nature)
  if (listKind === 'red' && nature !== undefined && nature !== 'positive') {
    add(['listKind'], 'CATALOG_LIST_NATURE_MISMATCH', '红名单目录项的信息性质须为守信（positive）', 'A red-list item must have nature positive')
  }
  if ((listKind === 'black' || listKind === 'focus') && nature !== undefined && nature !== 'negative') {
    add(['listKind'], 'CATALOG_LIST_NATURE_MISMATCH', '黑名单和重点关注名单目录项的信息性质须为失信（negative）', 'A black- or focus-list item must have nature negative')
  }
  const dp = str(raw.doublePublicity)
  if (dp !== undefined && str(raw.displayGroup) !== undefined && raw.displayGroup !== dp) {
    add(['displayGroup'], 'CATALOG_DOUBLE_PUBLICITY_GROUP', `双公示类型为 ${dp} 的目录项须显示在 ${dp} 栏目`, `A ${dp} 双公示 item must use display group ${dp}`)
  }

  // Subject kinds and providers.
  const kinds = new Set<unknown>()
  arr(raw.subjectKinds).forEach((k, i) => {
    if (kinds.has(k)) add(['subjectKinds', i], 'CATALOG_SUBJECT_KIND_DUPLICATE', `主体类型“${String(k)}”重复`, `Subject kind "${String(k)}" appears twice`)
    kinds.add(k)
  })
  const providers = new Set<string>()
  arr(raw.providers).forEach((p, i) => {
    if (typeof p !== 'string') return
    if (!DEPARTMENT_RE.test(p)) {
      add(['providers', i], 'CATALOG_PROVIDER_FORMAT', `提供单位代码“${p}”格式不正确`, `Provider department code "${p}" is malformed`)
    } else if (departments && !departments.has(p)) {
      add(['providers', i], 'CATALOG_PROVIDER_UNKNOWN', `提供单位“${p}”不存在`, `Provider department "${p}" does not exist`)
    }
    if (providers.has(p)) add(['providers', i], 'CATALOG_PROVIDER_DUPLICATE', `提供单位“${p}”重复`, `Provider "${p}" appears twice`)
    providers.add(p)
  })

  return issues
}

/** The rules of one code table. */
export const codeTableRuleIssues = (raw: unknown): RawIssue[] => {
  const issues: RawIssue[] = []
  if (!isRecord(raw)) return issues
  const key = str(raw.key)
  if (key !== undefined && !TABLE_KEY_RE.test(key)) {
    issues.push({ path: ['key'], code: 'CODE_TABLE_KEY_FORMAT', zh: `代码表标识“${key}”须为小写下划线格式`, en: `Code table key "${key}" must be lower snake case` })
  }
  const codes = new Set<string>()
  const spellings = new Map<string, string>()
  arr(raw.entries).forEach((e, i) => {
    if (!isRecord(e)) return
    const code = str(e.code)
    if (code === undefined) return
    if (codes.has(code)) {
      issues.push({ path: ['entries', i, 'code'], code: 'CODE_TABLE_CODE_DUPLICATE', zh: `代码“${code}”重复`, en: `Code "${code}" appears twice` })
      return
    }
    codes.add(code)
    const forms: Array<{ path: Path; value: string }> = [{ path: ['entries', i, 'code'], value: code }]
    const label = str(e.label)
    if (label !== undefined) forms.push({ path: ['entries', i, 'label'], value: label })
    arr(e.aliases).forEach((a, j) => {
      if (typeof a === 'string') forms.push({ path: ['entries', i, 'aliases', j], value: a })
    })
    const own = new Set<string>()
    for (const f of forms) {
      const n = normalizeHeader(f.value)
      if (n === '' || own.has(n)) continue
      own.add(n)
      const prior = spellings.get(n)
      if (prior !== undefined && prior !== code) {
        issues.push({ path: f.path, code: 'CODE_TABLE_VALUE_COLLISION', zh: `取值“${f.value}”同时指向代码“${prior}”和“${code}”`, en: `Value "${f.value}" would map to both code "${prior}" and code "${code}"` })
      } else {
        spellings.set(n, code)
      }
    }
  })
  return issues
}

// ---------------------------------------------------------------------------------------------
// zod issues → coded bilingual issues

const describe = (v: unknown): string => {
  if (typeof v === 'string') return `“${v}”`
  try {
    const s = JSON.stringify(v)
    return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s
  } catch {
    return String(v)
  }
}

const TYPE_ZH: Record<string, string> = {
  string: '字符串',
  number: '数字',
  boolean: '布尔值',
  array: '数组',
  object: '对象',
}

type ZodIssue = z.core.$ZodIssue

const fromZodIssue = (issue: ZodIssue): RawIssue => {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol')
  const input = (issue as { input?: unknown }).input
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) {
        return { path, code: 'CATALOG_PROPERTY_MISSING', zh: '缺少必需的属性', en: 'Required property is missing' }
      }
      return {
        path,
        code: 'CATALOG_INVALID_TYPE',
        zh: `类型错误，应为${TYPE_ZH[issue.expected] ?? issue.expected}`,
        en: `Wrong type, expected ${issue.expected}`,
      }
    case 'invalid_value': {
      const values = issue.values.map(String)
      return {
        path,
        code: 'CATALOG_INVALID_VALUE',
        zh: `取值${describe(input)}无效，应为以下之一：${values.join('、')}`,
        en: `Invalid value ${describe(input)}; expected one of: ${values.join(', ')}`,
      }
    }
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options
      const discriminator = (issue as { discriminator?: string }).discriminator
      if (options && discriminator) {
        const value = isRecord(input) ? input[discriminator] : undefined
        return {
          path,
          code: 'CATALOG_INVALID_VALUE',
          zh: `取值${describe(value)}无效，应为以下之一：${options.map(String).join('、')}`,
          en: `Invalid value ${describe(value)}; expected one of: ${options.map(String).join(', ')}`,
        }
      }
      return { path, code: 'CATALOG_INVALID_VALUE', zh: '取值不符合任何允许的形式', en: 'Value matches none of the allowed forms' }
    }
    case 'too_small':
      if (issue.origin === 'array') {
        return { path, code: 'CATALOG_LIST_EMPTY', zh: `至少需要 ${String(issue.minimum)} 项`, en: `Needs at least ${String(issue.minimum)} entr${Number(issue.minimum) === 1 ? 'y' : 'ies'}` }
      }
      if (issue.origin === 'string') {
        return { path, code: 'CATALOG_VALUE_EMPTY', zh: '不能为空', en: 'Must not be empty' }
      }
      return { path, code: 'CATALOG_VALUE_TOO_SMALL', zh: `不能小于 ${String(issue.minimum)}`, en: `Must be at least ${String(issue.minimum)}` }
    case 'too_big':
      return { path, code: 'CATALOG_VALUE_TOO_LARGE', zh: `不能大于 ${String(issue.maximum)}`, en: `Must be at most ${String(issue.maximum)}` }
    case 'unrecognized_keys':
      return {
        path,
        code: 'CATALOG_UNKNOWN_PROPERTY',
        zh: `不认识的属性：${issue.keys.join('、')}`,
        en: `Unknown propert${issue.keys.length === 1 ? 'y' : 'ies'}: ${issue.keys.join(', ')}`,
      }
    case 'invalid_format':
      return { path, code: 'CATALOG_INVALID_FORMAT', zh: '格式不正确', en: 'Malformed value' }
    case 'custom': {
      const params = (issue.params ?? {}) as Partial<RawIssue>
      return { path, code: params.code ?? 'CATALOG_INVALID', zh: params.zh ?? issue.message, en: params.en ?? issue.message }
    }
    default:
      return { path, code: 'CATALOG_INVALID', zh: '取值无效', en: issue.message }
  }
}

export const formatPath = (path: Path): string =>
  path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc === '' ? p : `${acc}.${p}`), '')

const toIssue = (prefix: Path) => (i: RawIssue): CatalogIssue => ({
  path: formatPath([...prefix, ...i.path]),
  code: i.code,
  zh: i.zh,
  en: i.en,
})

// ---------------------------------------------------------------------------------------------
// Public schemas and parsers

const addRuleIssues = (issues: RawIssue[], ctx: z.RefinementCtx) => {
  for (const i of issues) ctx.addIssue({ code: 'custom', path: i.path, message: i.en, params: { code: i.code, zh: i.zh, en: i.en } })
}

/** A catalog item schema that also checks code-table references against the given keys. */
export const catalogItemSchemaFor = (knownCodeTables: Iterable<string> | null) => {
  const known = knownCodeTables ? [...knownCodeTables] : null
  return catalogItemShape.superRefine((item, ctx) => addRuleIssues(itemRuleIssues(item, { knownCodeTables: known }), ctx))
}

/** Shape, enums and cross-field rules of one item (code-table references unchecked). */
export const catalogItemSchema = catalogItemSchemaFor(null)

/** Shape and rules of one code table. */
export const codeTableSchema = codeTableShape.superRefine((table, ctx) => addRuleIssues(codeTableRuleIssues(table), ctx))

/** One item, an array of items, an export (`{ items: [...] }`) or the JSON text of any of these. */
const unwrap = (json: unknown): { list: unknown[]; single: boolean } | { error: CatalogIssue } => {
  let value = json
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value.replace(/^\uFEFF/u, ''))
    } catch {
      return { error: { path: '', code: 'CATALOG_JSON_INVALID', zh: '文件不是有效的 JSON', en: 'The file is not valid JSON' } }
    }
  }
  if (Array.isArray(value)) return { list: value, single: false }
  if (isRecord(value) && Array.isArray(value.items) && !('fields' in value)) return { list: value.items, single: false }
  if (isRecord(value)) return { list: [value], single: true }
  return { error: { path: '', code: 'CATALOG_IMPORT_SHAPE', zh: '文件须包含一个目录项对象或目录项数组', en: 'The file must hold one catalog item or an array of items' } }
}

/**
 * Validates catalog items read from a file or a request: shape, enums, cross-field rules and
 * code-table references. Returns every issue found, not just the first.
 */
export const parseCatalogItems = (
  json: unknown,
  knownCodeTables: string[],
  options: { knownDepartments?: string[] } = {},
): ParseResult<CatalogItemDefinition> => {
  const unwrapped = unwrap(json)
  if ('error' in unwrapped) return { ok: false, issues: [unwrapped.error] }
  const { list, single } = unwrapped
  if (list.length === 0) {
    return { ok: false, issues: [{ path: '', code: 'CATALOG_IMPORT_EMPTY', zh: '文件中没有目录项', en: 'The file holds no catalog items' }] }
  }
  const issues: CatalogIssue[] = []
  const items: CatalogItemDefinition[] = []
  const codes = new Map<string, number>()
  list.forEach((raw, i) => {
    const prefix: Path = single ? [] : [i]
    const shape = catalogItemShape.safeParse(raw, { reportInput: true })
    if (shape.success) items.push(shape.data)
    else issues.push(...shape.error.issues.map(fromZodIssue).map(toIssue(prefix)))
    issues.push(...itemRuleIssues(raw, { knownCodeTables, knownDepartments: options.knownDepartments ?? null }).map(toIssue(prefix)))
    const code = isRecord(raw) ? str(raw.code) : undefined
    if (code !== undefined) {
      const first = codes.get(code)
      if (first !== undefined) {
        issues.push(toIssue(prefix)({ path: ['code'], code: 'CATALOG_ITEM_CODE_DUPLICATE', zh: `目录项代码“${code}”在文件中重复（第 ${first + 1} 项已使用）`, en: `Item code "${code}" appears twice in the file (first as item ${first + 1})` }))
      } else {
        codes.set(code, i)
      }
    }
  })
  return issues.length > 0 ? { ok: false, issues } : { ok: true, items }
}

/** Validates code tables read from a file: one table, an array, or `{ codeTables: [...] }`. */
export const parseCodeTables = (json: unknown): ParseResult<CodeTable> => {
  let value = json
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value.replace(/^\uFEFF/u, ''))
    } catch {
      return { ok: false, issues: [{ path: '', code: 'CATALOG_JSON_INVALID', zh: '文件不是有效的 JSON', en: 'The file is not valid JSON' }] }
    }
  }
  const single = isRecord(value) && !Array.isArray(value.codeTables)
  const list = Array.isArray(value) ? value : isRecord(value) && Array.isArray(value.codeTables) ? value.codeTables : [value]
  const issues: CatalogIssue[] = []
  const tables: CodeTable[] = []
  const keys = new Set<string>()
  list.forEach((raw, i) => {
    const prefix: Path = single ? [] : [i]
    const shape = codeTableShape.safeParse(raw, { reportInput: true })
    if (shape.success) tables.push(shape.data)
    else issues.push(...shape.error.issues.map(fromZodIssue).map(toIssue(prefix)))
    issues.push(...codeTableRuleIssues(raw).map(toIssue(prefix)))
    const key = isRecord(raw) ? str(raw.key) : undefined
    if (key !== undefined) {
      if (keys.has(key)) issues.push(toIssue(prefix)({ path: ['key'], code: 'CODE_TABLE_KEY_DUPLICATE', zh: `代码表“${key}”在文件中重复`, en: `Code table "${key}" appears twice in the file` }))
      keys.add(key)
    }
  })
  return issues.length > 0 ? { ok: false, issues } : { ok: true, items: tables }
}
