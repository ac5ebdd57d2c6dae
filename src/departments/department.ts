/** A government body that provides or uses records (信息提供单位 / 部门). */
export const departmentKinds = ['platform_office', 'provider', 'checker', 'bank'] as const
export type DepartmentKind = (typeof departmentKinds)[number]

export interface Department {
  id: number
  code: string
  name: string
  nameEn: string
  shortName: string | null
  uscc: string | null
  division: string
  parentCode: string | null
  kind: DepartmentKind
  status: 'active' | 'inactive'
  createdAt: string
  updatedAt: string
}

/** Department codes are short, stable, upper-case keys (SCJG, SW, ZYFY …). */
export const departmentCodePattern = /^[A-Z][A-Z0-9_]{1,31}$/
