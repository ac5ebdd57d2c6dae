/**
 * Field blocks shared by several built-in items. Each function returns fresh objects, so an item
 * can adjust its copy (names, requirement) without touching another item.
 */
import type { CatalogField } from '../catalog.ts'

/**
 * The 双公示 counterparty block (shuang-gongshi.md §1) for prefix XK (licensing) or CF (penalty),
 * with the 2019+ codes as keys and the ≈2016 codes (§5) and clerks' Chinese headers as aliases.
 */
export const counterpartyFields = (p: 'XK' | 'CF'): CatalogField[] => [
  {
    key: `${p}_XDR_MC`,
    name: '行政相对人名称',
    nameEn: 'Counterparty name',
    type: 'text',
    requirement: 'required',
    role: 'subject_name',
    maxLength: 200,
    aliases: [
      ...(p === 'XK' ? ['XK_XDR', '被许可人名称', '申请人名称', '被许可人'] : ['被处罚人名称', '被处罚单位', '被处罚人', '当事人名称', '当事人']),
      '相对人名称',
      '行政相对人',
    ],
  },
  {
    key: `${p}_XDR_LB`,
    name: '行政相对人类别',
    nameEn: 'Counterparty category',
    type: 'code',
    codeTable: 'counterparty_category',
    requirement: 'required',
    role: 'subject_category',
    aliases: [`${p}_XDR_TYPE`, '相对人类别', '行政相对人类型', '相对人类型', '主体类别', '主体类型'],
  },
  {
    key: `${p}_XDR_SHXYM`,
    name: '统一社会信用代码',
    nameEn: 'Unified social credit code',
    type: 'uscc',
    requirement: 'required_for_organisation',
    role: 'subject_uscc',
    maxLength: 18,
    aliases: [
      '行政相对人代码_1(统一社会信用代码)',
      '行政相对人代码_1',
      '相对人统一社会信用代码',
      '行政相对人统一社会信用代码',
      '社会信用代码',
      '信用代码',
    ],
  },
  {
    key: `${p}_XDR_GSZC`,
    name: '工商注册号',
    nameEn: 'Business registration number',
    type: 'text',
    requirement: 'optional',
    role: 'subject_registration_number',
    maxLength: 50,
    aliases: [`${p}_XDR_GSDJ`, '行政相对人代码_2(工商注册号)', '工商登记码', '工商登记号', '注册号'],
  },
  {
    key: `${p}_XDR_ZZJG`,
    name: '组织机构代码',
    nameEn: 'Organisation code',
    type: 'text',
    requirement: 'optional',
    role: 'subject_org_code',
    maxLength: 10,
    aliases: [`${p}_XDR_ZDM`, '行政相对人代码_3(组织机构代码)', '机构代码'],
  },
  {
    key: `${p}_XDR_SWDJ`,
    name: '税务登记号',
    nameEn: 'Tax registration number',
    type: 'text',
    requirement: 'optional',
    role: 'subject_tax_number',
    maxLength: 20,
    aliases: ['行政相对人代码_4(税务登记号)', '纳税人识别号'],
  },
  {
    key: `${p}_XDR_SYDW`,
    name: '事业单位证书号',
    nameEn: 'Public institution certificate number',
    type: 'text',
    requirement: 'optional',
    maxLength: 50,
    aliases: ['行政相对人代码_5(事业单位证书号)', '事业单位法人证书号'],
  },
  {
    key: `${p}_XDR_SHZZ`,
    name: '社会组织登记证号',
    nameEn: 'Social organisation certificate number',
    type: 'text',
    requirement: 'optional',
    maxLength: 50,
    aliases: ['行政相对人代码_6(社会组织登记证号)', '社会组织登记证书号'],
  },
  {
    key: `${p}_FRDB`,
    name: '法定代表人',
    nameEn: 'Legal representative',
    type: 'text',
    requirement: 'required_for_organisation',
    role: 'legal_representative',
    maxLength: 50,
    aliases: [`${p}_FR`, '法定代表人姓名', '法定代表人(负责人)', '法定代表人或负责人', '法人代表', '负责人', '经营者'],
  },
  {
    key: `${p}_FR_ZJLX`,
    name: '法定代表人证件类型',
    nameEn: "Legal representative's ID type",
    type: 'code',
    codeTable: 'id_type',
    requirement: 'required_for_organisation',
    role: 'legal_representative_id_type',
    aliases: ['法人证件类型', '法定代表人身份证件类型'],
  },
  {
    key: `${p}_FR_ZJHM`,
    name: '法定代表人证件号码',
    nameEn: "Legal representative's ID number",
    type: 'id_number',
    requirement: 'required_for_organisation',
    role: 'legal_representative_id_number',
    personal: true,
    maxLength: 50,
    aliases: ['法人证件号码', '法定代表人身份证号码', '法定代表人身份证号', '法定代表人身份证件号码'],
    description: '个人信息：加密存储，公开时脱敏（保留前4位和后4位）。',
  },
  {
    key: `${p}_XDR_ZJLX`,
    name: '证件类型',
    nameEn: 'ID type',
    type: 'code',
    codeTable: 'id_type',
    requirement: 'required_for_person',
    role: 'subject_id_type',
    aliases: ['行政相对人证件类型', '相对人证件类型', '身份证件类型'],
    description: '行政相对人为自然人时填写；旧格式只给居民身份证号（XDR_SFZ）时按 01 身份证处理。',
  },
  {
    key: `${p}_XDR_ZJHM`,
    name: '证件号码',
    nameEn: 'ID number',
    type: 'id_number',
    requirement: 'required_for_person',
    role: 'subject_id_number',
    personal: true,
    maxLength: 50,
    aliases: [
      `${p}_XDR_SFZ`,
      '行政相对人证件号码',
      '相对人证件号码',
      '身份证件号码',
      '居民身份证号',
      '居民身份证号码',
      '身份证号码',
      '身份证号',
    ],
    description: '个人信息：加密存储，公开时脱敏（保留前4位和后4位）。',
  },
]

/** 地方编码, 数据更新时间戳 and 备注: the trailing columns both generations carry. */
export const trailerFields = (): CatalogField[] => [
  {
    key: 'DFBM',
    name: '地方编码',
    nameEn: 'Region code',
    type: 'text',
    requirement: 'optional',
    maxLength: 6,
    pattern: '^\\d{6}$',
    aliases: ['行政区划代码', '区划代码', '行政区划编码'],
    description: 'GB/T 2260 行政区划代码，如 410700 新乡市、410702 红旗区。',
  },
  {
    key: 'SJC',
    name: '数据更新时间戳',
    nameEn: 'Provider timestamp',
    type: 'text',
    requirement: 'optional',
    maxLength: 30,
    aliases: ['时间戳', '数据更新时间'],
    description: '报送系统记录的更新时间，仅作来源信息保存。',
  },
  {
    key: 'BZ',
    name: '备注',
    nameEn: 'Remarks',
    type: 'text',
    requirement: 'optional',
    maxLength: 1000,
    aliases: ['说明'],
  },
]

/** Subject fields for items outside 双公示: name, category, USCC and, for people, ID type and number. */
export interface SubjectBlockOptions {
  name: string
  nameAliases: string[]
  /** Whether natural persons can be subjects (adds 证件类型/证件号码 required for persons). */
  persons: boolean
  /** Whether the category column is asked for. */
  category?: boolean
  /** Requirement of the USCC column; organisations only by default. */
  usccRequirement?: CatalogField['requirement']
  usccName?: string
  usccAliases?: string[]
}

export const subjectFields = (o: SubjectBlockOptions): CatalogField[] => {
  const fields: CatalogField[] = [
    {
      key: 'SUBJECT_NAME',
      name: o.name,
      nameEn: 'Subject name',
      type: 'text',
      requirement: 'required',
      role: 'subject_name',
      maxLength: 200,
      aliases: o.nameAliases,
    },
  ]
  if (o.category) {
    fields.push({
      key: 'SUBJECT_CATEGORY',
      name: '主体类别',
      nameEn: 'Subject category',
      type: 'code',
      codeTable: 'counterparty_category',
      requirement: 'required',
      role: 'subject_category',
      aliases: ['主体类型', '行政相对人类别', '当事人类别', 'ZTLB'],
    })
  }
  fields.push({
    key: 'USCC',
    name: o.usccName ?? '统一社会信用代码',
    nameEn: 'Unified social credit code',
    type: 'uscc',
    requirement: o.usccRequirement ?? (o.persons ? 'required_for_organisation' : 'required'),
    role: 'subject_uscc',
    maxLength: 18,
    aliases: o.usccAliases ?? ['TYSHXYDM', '社会信用代码', '信用代码', '统一代码'],
  })
  if (o.persons) {
    fields.push(
      {
        key: 'ID_TYPE',
        name: '证件类型',
        nameEn: 'ID type',
        type: 'code',
        codeTable: 'id_type',
        requirement: 'required_for_person',
        role: 'subject_id_type',
        aliases: ['身份证件类型', 'ZJLX'],
      },
      {
        key: 'ID_NUMBER',
        name: '证件号码',
        nameEn: 'ID number',
        type: 'id_number',
        requirement: 'required_for_person',
        role: 'subject_id_number',
        personal: true,
        maxLength: 50,
        aliases: ['身份证件号码', '身份证号码', '身份证号', '居民身份证号', 'ZJHM'],
        description: '个人信息：加密存储，公开时脱敏（保留前4位和后4位）。',
      },
    )
  }
  return fields
}

/** 法定代表人 (or 负责人) with ID type and number, for organisations. */
export const legalRepresentativeFields = (
  requirement: CatalogField['requirement'],
  idRequirement: CatalogField['requirement'] = 'optional',
): CatalogField[] => [
  {
    key: 'LEGAL_REP',
    name: '法定代表人',
    nameEn: 'Legal representative',
    type: 'text',
    requirement,
    role: 'legal_representative',
    maxLength: 50,
    aliases: ['法定代表人姓名', '法定代表人(负责人)', '法定代表人或负责人', '法定代表人或者负责人姓名', '法人代表', '负责人', 'FDDBR'],
  },
  {
    key: 'LEGAL_REP_ID_TYPE',
    name: '法定代表人证件类型',
    nameEn: "Legal representative's ID type",
    type: 'code',
    codeTable: 'id_type',
    requirement: 'optional',
    role: 'legal_representative_id_type',
    aliases: ['法人证件类型', '法定代表人身份证件类型'],
    description: '不填时按 01 身份证处理。',
  },
  {
    key: 'LEGAL_REP_ID_NUMBER',
    name: '法定代表人证件号码',
    nameEn: "Legal representative's ID number",
    type: 'id_number',
    requirement: idRequirement,
    role: 'legal_representative_id_number',
    personal: true,
    maxLength: 50,
    aliases: ['法人证件号码', '法定代表人身份证号码', '法定代表人身份证号', '法定代表人身份证件号码'],
    description: '个人信息：加密存储，公开时脱敏（保留前4位和后4位）。',
  },
]

/** 数据来源单位 + its USCC (provenance as the provider states it). */
export const sourceUnitFields = (): CatalogField[] => [
  {
    key: 'SOURCE_UNIT',
    name: '数据来源单位',
    nameEn: 'Data source unit',
    type: 'text',
    requirement: 'optional',
    role: 'source_unit_name',
    maxLength: 200,
    aliases: ['数据来源', '来源单位', '信息提供单位'],
  },
  {
    key: 'SOURCE_UNIT_USCC',
    name: '数据来源单位统一社会信用代码',
    nameEn: "Data source unit's USCC",
    type: 'uscc',
    requirement: 'optional',
    role: 'source_unit_uscc',
    maxLength: 18,
    aliases: ['数据来源单位代码', '来源单位统一社会信用代码'],
  },
]

export const remarksField = (): CatalogField => ({
  key: 'REMARKS',
  name: '备注',
  nameEn: 'Remarks',
  type: 'text',
  requirement: 'optional',
  maxLength: 1000,
  aliases: ['BZ', '说明'],
})
