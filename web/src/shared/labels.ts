/** Labels of the API's enumerations, in both languages (the server's own tables are not bundled). */
export const subjectKinds = {
  enterprise: ['企业', 'Enterprise'],
  individual_business: ['个体工商户', 'Individual business'],
  farmer_cooperative: ['农民专业合作社', "Farmers' cooperative"],
  public_institution: ['事业单位', 'Public institution'],
  social_organisation: ['社会组织', 'Social organisation'],
  government_body: ['机关', 'Government body'],
  rural_collective: ['农村集体经济组织', 'Rural collective'],
  other_organisation: ['其他组织', 'Other organisation'],
  natural_person: ['自然人', 'Natural person'],
} as const satisfies Record<string, readonly [string, string]>
export type SubjectKind = keyof typeof subjectKinds

/** The 信用中国 tabs, in their order. */
export const displayGroups = {
  licensing: ['行政许可', 'Licences'],
  penalty: ['行政处罚', 'Penalties'],
  incentive: ['守信激励', 'Incentives'],
  punishment: ['失信惩戒', 'Dishonesty sanctions'],
  focus: ['重点关注', 'Focus list'],
  qualification: ['资质资格', 'Qualifications'],
  risk: ['风险提示', 'Risk alerts'],
  other: ['其他', 'Other'],
} as const satisfies Record<string, readonly [string, string]>
export type DisplayGroup = keyof typeof displayGroups
export const displayGroupOrder = Object.keys(displayGroups) as DisplayGroup[]
