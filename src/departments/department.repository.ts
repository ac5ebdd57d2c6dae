/** All SQL about departments. */
import type { Kysely } from 'kysely'
import type { DepartmentRow, NewDepartmentRow, DepartmentUpdate, Tables } from '../db/database.ts'
import type { Department, DepartmentKind } from './department.ts'
import { preparedQuery } from '../db/prepared-query.ts'

export const departmentRowToDepartment = (r: DepartmentRow): Department => ({
  id: r.id,
  code: r.code,
  name: r.name,
  nameEn: r.name_en,
  shortName: r.short_name,
  uscc: r.uscc,
  division: r.division,
  parentCode: r.parent_code,
  kind: r.kind as DepartmentKind,
  status: r.status as Department['status'],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

// Every department's request reads its department: built and compiled once.
const departmentById = preparedQuery((db, id: number) => db.selectFrom('departments').selectAll().where('id', '=', id))

export function departmentRepository(db: Kysely<Tables>) {
  return {
    async list(): Promise<Department[]> {
      const rows = await db.selectFrom('departments').selectAll().orderBy('code').execute()
      return rows.map(departmentRowToDepartment)
    },
    async findByCode(code: string): Promise<Department | undefined> {
      const row = await db.selectFrom('departments').selectAll().where('code', '=', code).executeTakeFirst()
      return row && departmentRowToDepartment(row)
    },
    async findById(id: number): Promise<Department | undefined> {
      const [row] = await departmentById(db, id)
      return row && departmentRowToDepartment(row)
    },
    async insert(row: NewDepartmentRow): Promise<Department> {
      const inserted = await db.insertInto('departments').values(row).returningAll().executeTakeFirstOrThrow()
      return departmentRowToDepartment(inserted)
    },
    async update(code: string, changes: DepartmentUpdate): Promise<Department> {
      const row = await db.updateTable('departments').set(changes).where('code', '=', code).returningAll().executeTakeFirstOrThrow()
      return departmentRowToDepartment(row)
    },
  }
}
