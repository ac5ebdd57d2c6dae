/** The roles of platform staff and department systems (DESIGN.md, Users). */
export const roles = [
  'platform_admin', // 信用办管理员: catalog, departments, users, keys, reviews
  'department_operator', // 部门报送员: submits records for its department
  'department_reviewer', // 部门审核员: answers objections and repairs about its department's records
  'credit_checker', // 核查人员: credit checks before approvals, feedback afterwards
  'auditor', // 审计员: reads the audit trail and query log
] as const

export type Role = (typeof roles)[number]

export const roleLabels: Record<Role, { zh: string; en: string }> = {
  platform_admin: { zh: '平台管理员', en: 'Platform administrator' },
  department_operator: { zh: '部门报送员', en: 'Department operator' },
  department_reviewer: { zh: '部门审核员', en: 'Department reviewer' },
  credit_checker: { zh: '信用核查员', en: 'Credit checker' },
  auditor: { zh: '审计员', en: 'Auditor' },
}

export const isRole = (value: string): value is Role => (roles as readonly string[]).includes(value)
