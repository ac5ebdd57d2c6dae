/** The kinds of 信用主体 the platform keeps files on. */
export const subjectKinds = [
  'enterprise', // 企业
  'individual_business', // 个体工商户
  'farmer_cooperative', // 农民专业合作社
  'public_institution', // 事业单位
  'social_organisation', // 社会组织
  'government_body', // 机关
  'rural_collective', // 农村集体经济组织
  'other_organisation', // 其他组织
  'natural_person', // 自然人
] as const

export type SubjectKind = (typeof subjectKinds)[number]

export const subjectKindLabels: Record<SubjectKind, { zh: string; en: string }> = {
  enterprise: { zh: '企业', en: 'Enterprise' },
  individual_business: { zh: '个体工商户', en: 'Individual business' },
  farmer_cooperative: { zh: '农民专业合作社', en: "Farmers' cooperative" },
  public_institution: { zh: '事业单位', en: 'Public institution' },
  social_organisation: { zh: '社会组织', en: 'Social organisation' },
  government_body: { zh: '机关', en: 'Government body' },
  rural_collective: { zh: '农村集体经济组织', en: 'Rural collective economic organisation' },
  other_organisation: { zh: '其他组织', en: 'Other organisation' },
  natural_person: { zh: '自然人', en: 'Natural person' },
}

/** Kinds that are people, or person-like for privacy (个体工商户 have a USCC but are run by one person). */
export const isPersonLike = (kind: SubjectKind) => kind === 'natural_person' || kind === 'individual_business'
