/** Use cases for the city's departments: each change and its audit entry in one transaction. */
import type { Database } from '../db/create-database.ts'
import type { Clock } from '../clock.ts'
import type { AuditTrail } from '../security/audit-trail.ts'
import { authorize } from '../security/policy.ts'
import type { Actor } from '../security/actor.ts'
import { AppError, conflict, notFound } from '../errors.ts'
import { identify } from '../identifiers/index.ts'
import { departmentRepository } from './department.repository.ts'
import { departmentCodePattern, type Department, type DepartmentKind } from './department.ts'

export interface NewDepartment {
  code: string
  name: string
  nameEn?: string
  shortName?: string | null
  uscc?: string | null
  division: string
  parentCode?: string | null
  kind: DepartmentKind
}

export type DepartmentChanges = Partial<Omit<NewDepartment, 'code'>> & { status?: 'active' | 'inactive' }

export function createDepartmentService(deps: { database: Database; clock: Clock; audit: AuditTrail }) {
  const { database, clock, audit } = deps
  const repo = departmentRepository(database.db)

  function checkUscc(uscc: string | null | undefined): string | null {
    if (!uscc) return null
    const result = identify(uscc)
    if (result.kind !== 'uscc' || !result.valid) {
      throw new AppError('DEPARTMENT_USCC_INVALID', `部门统一社会信用代码无效：${result.error?.zh ?? '不是统一社会信用代码'}`, `The department's unified social credit code is invalid: ${result.error?.en ?? 'not a USCC'}`, { details: { field: 'uscc', value: uscc } })
    }
    return result.normalized
  }

  const service = {
    list: () => repo.list(),

    async get(code: string): Promise<Department> {
      const department = await repo.findByCode(code)
      if (!department) throw notFound('DEPARTMENT_NOT_FOUND', `未找到部门 ${code}`, `No department with code ${code}`)
      return department
    },

    find: (code: string) => repo.findByCode(code),
    findById: (id: number) => repo.findById(id),

    async add(actor: Actor, input: NewDepartment): Promise<Department> {
      authorize(actor, 'manage_departments')
      if (!departmentCodePattern.test(input.code)) {
        throw new AppError('DEPARTMENT_CODE_INVALID', '部门代码须为 2–32 位大写字母、数字或下划线，以字母开头', 'A department code is 2–32 upper-case letters, digits or underscores, starting with a letter', { details: { field: 'code', value: input.code } })
      }
      const uscc = checkUscc(input.uscc)
      if (input.parentCode) await service.get(input.parentCode)
      return database.db.transaction().execute(async (trx) => {
        if (await departmentRepository(trx).findByCode(input.code)) {
          throw conflict('DEPARTMENT_EXISTS', `部门代码 ${input.code} 已存在`, `A department with code ${input.code} already exists`)
        }
        const at = clock.now().toISOString()
        const department = await departmentRepository(trx).insert({
          code: input.code,
          name: input.name,
          name_en: input.nameEn ?? input.name,
          short_name: input.shortName ?? null,
          uscc,
          division: input.division,
          parent_code: input.parentCode ?? null,
          kind: input.kind,
          status: 'active',
          created_at: at,
          updated_at: at,
        })
        await audit.append(trx, { actor, action: 'department.add', entityType: 'department', entityId: department.code, detail: { department } })
        return department
      })
    },

    async change(actor: Actor, code: string, changes: DepartmentChanges): Promise<Department> {
      authorize(actor, 'manage_departments')
      const before = await service.get(code)
      const uscc = changes.uscc === undefined ? undefined : checkUscc(changes.uscc)
      return database.db.transaction().execute(async (trx) => {
        const after = await departmentRepository(trx).update(code, {
          ...(changes.name !== undefined ? { name: changes.name } : {}),
          ...(changes.nameEn !== undefined ? { name_en: changes.nameEn } : {}),
          ...(changes.shortName !== undefined ? { short_name: changes.shortName } : {}),
          ...(uscc !== undefined ? { uscc } : {}),
          ...(changes.division !== undefined ? { division: changes.division } : {}),
          ...(changes.parentCode !== undefined ? { parent_code: changes.parentCode } : {}),
          ...(changes.kind !== undefined ? { kind: changes.kind } : {}),
          ...(changes.status !== undefined ? { status: changes.status } : {}),
          updated_at: clock.now().toISOString(),
        })
        await audit.append(trx, { actor, action: 'department.change', entityType: 'department', entityId: code, detail: { before, after } })
        return after
      })
    },
  }
  return service
}

export type DepartmentService = ReturnType<typeof createDepartmentService>
