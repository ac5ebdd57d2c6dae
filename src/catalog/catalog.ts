/**
 * The credit information catalog (信用信息目录) as types and pure rules. Items are data, never code:
 * the built-in set lives in base-catalog/, and every edit makes a new, audited version.
 */
import type { SubjectKind } from '../subjects/subject-kind.ts'

/** 共享属性: who may see records of an item (河南条例 Art. 18). */
export const sharingLevels = ['public', 'government', 'authorised', 'none'] as const
export type SharingLevel = (typeof sharingLevels)[number]

/** 信息性质: 守信 positive, 失信 negative, or neutral (河南条例 Art. 11). */
export const natures = ['positive', 'negative', 'neutral'] as const
export type Nature = (typeof natures)[number]

/** The public tabs users know from 信用中国. */
export const displayGroups = [
  'licensing', // 行政许可
  'penalty', // 行政处罚
  'incentive', // 守信激励
  'punishment', // 失信惩戒
  'focus', // 重点关注
  'qualification', // 资质资格
  'risk', // 风险提示
  'other', // 其他
] as const
export type DisplayGroup = (typeof displayGroups)[number]

export const fieldTypes = [
  'text',
  'date', // a calendar date, stored YYYY-MM-DD
  'decimal', // e.g. fines in 万元
  'integer',
  'code', // one value of a code table (by code or by label)
  'codes', // several values of a code table, separated by , ; 、 or |
  'uscc', // a unified social credit code
  'id_number', // an identity document number; personal data
  'boolean',
] as const
export type FieldType = (typeof fieldTypes)[number]

/** When a field must be present: always, only for organisations, or only for natural persons. */
export const requirements = ['required', 'required_for_organisation', 'required_for_person', 'optional'] as const
export type Requirement = (typeof requirements)[number]

/**
 * What a field means to the platform beyond its own item, so collection can link subjects and
 * lifecycle can compute windows without knowing each item's column names.
 */
export const fieldRoles = [
  'subject_name',
  'subject_category', // 行政相对人类别
  'subject_uscc',
  'subject_registration_number',
  'subject_org_code',
  'subject_tax_number',
  'subject_id_type',
  'subject_id_number',
  'legal_representative',
  'legal_representative_id_type',
  'legal_representative_id_number',
  'decision_number',
  'decision_date',
  'valid_from',
  'valid_to',
  'publicity_end',
  'authority_name',
  'authority_uscc',
  'source_unit_name',
  'source_unit_uscc',
  'status',
  'penalty_category',
  'fine_amount',
  'publication_date', // 公布日期 / 发布时间: start of publicity windows counted from publication
  'removal_date', // 移出日期 / 停止公布日期: a list entry's removal
] as const
export type FieldRole = (typeof fieldRoles)[number]

export interface CatalogField {
  /** Canonical column key: the national 双公示 code where one exists (CF_WSH), else upper snake case. */
  key: string
  /** The Chinese header clerks see (行政处罚决定书文号). */
  name: string
  nameEn: string
  type: FieldType
  requirement: Requirement
  role?: FieldRole
  /** Key of an entry in codeTables, for type code / codes. */
  codeTable?: string
  maxLength?: number
  /** A regular expression the normalised value must match. */
  pattern?: string
  /** Unit of a number, e.g. 万元. */
  unit?: string
  /** Personal data: encrypted at rest, masked on screen, reads logged. */
  personal?: boolean
  /** Other column names that mean this field: older national codes, Chinese headers in use. */
  aliases: string[]
  description?: string
  /**
   * Required only when another (code/codes) field holds one of these codes, e.g. 罚款金额 when
   * 处罚类别 includes 罚款 (010103). Applies on top of `requirement` (usually 'optional').
   */
  requiredWhen?: { field: string; anyOf: string[] }
}

export interface CodeTableEntry {
  code: string
  label: string
  labelEn: string
  /** Other spellings seen in data, matched after normalisation. */
  aliases?: string[]
}

export interface CodeTable {
  key: string
  name: string
  nameEn: string
  entries: CodeTableEntry[]
  source?: string
}

/** How long a record of the item is shown to the public; the full rules engine refines this later. */
export type PublicityRule =
  | { kind: 'tiered'; start: 'publication_date' | 'decision_date'; defaultTier: Tier; ceilingYears: number }
  | { kind: 'fixed'; start: 'publication_date' | 'decision_date' | 'valid_from'; months: number }
  | { kind: 'until_valid_to' } // shown while the item says it is valid (licences, ratings)
  | { kind: 'until_removed'; ceilingYears?: number } // list entries: shown until removal
  | { kind: 'long_term' } // 守信 information may be shown long-term (河南条例 Art. 19)
  | { kind: 'not_public' }

/** 失信程度. */
export const tiers = ['minor', 'general', 'serious'] as const
export type Tier = (typeof tiers)[number]

export const updateCycles = ['realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'on_change'] as const
export type UpdateCycle = (typeof updateCycles)[number]

export interface CatalogItemDefinition {
  /** Stable item code, e.g. XZCF for 行政处罚. */
  code: string
  name: string
  nameEn: string
  description?: string
  nature: Nature
  sharingLevel: SharingLevel
  /**
   * A stricter sharing level for records about natural persons, where the law treats them apart
   * (natural persons' penalties are in principle not shown on 信用中国). Absent = sharingLevel.
   */
  naturalPersonSharingLevel?: SharingLevel
  displayGroup: DisplayGroup
  /** 双公示 type, if the item is one of the two. */
  doublePublicity?: 'licensing' | 'penalty'
  /** Red, focus or black list item. */
  listKind?: 'red' | 'focus' | 'black'
  subjectKinds: SubjectKind[]
  /** Department codes allowed to provide records of this item. */
  providers: string[]
  /** Field keys whose values identify one record (with the item): same key = same record, new version. */
  businessKey: string[]
  publicityRule: PublicityRule
  updateCycle: UpdateCycle
  legalBasis: string
  fields: CatalogField[]
}

/** A stored version of an item: the definition plus its version number. */
export interface CatalogItemVersion {
  code: string
  version: number
  definition: CatalogItemDefinition
  createdAt: string
  createdBy: string
}
