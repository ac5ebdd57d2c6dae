import type { Role } from './session.ts'

export const roleLabels: Record<Role, readonly [string, string]> = {
  platform_admin: ['平台管理员', 'Platform administrator'],
  department_operator: ['部门报送员', 'Department operator'],
  department_reviewer: ['部门审核员', 'Department reviewer'],
  credit_checker: ['信用核查员', 'Credit checker'],
  auditor: ['审计员', 'Auditor'],
}
export const roleOptions = (Object.keys(roleLabels) as Role[]).map((value) => ({ value, label: roleLabels[value] }))
