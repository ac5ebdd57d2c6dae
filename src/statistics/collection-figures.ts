/**
 * 归集情况 — the public figures of what the platform has collected: records in force of public
 * catalog items, by provider department and by item, and the newest public items. Pure: the
 * repository hands over counts per (item, department), this turns them into what the home page shows.
 *
 * Only items whose sharing level is public are counted, so a department that provides nothing but
 * government-shared data does not appear at all; the figures are counts of records held (在库),
 * not of records on display today (a record past its publicity window still counts until archived).
 */
import type { CatalogItemVersion, DisplayGroup } from '../catalog/catalog.ts'
import type { Department } from '../departments/department.ts'

export interface RecordCount {
  category: string
  departmentId: number
  count: number
}

export interface CollectionFigures {
  asOf: string
  total: number
  byDepartment: Array<{ code: string; name: string; nameEn: string; count: number }>
  byItem: Array<{ code: string; name: string; nameEn: string; displayGroup: DisplayGroup; count: number }>
  newestItems: Array<{ code: string; name: string; nameEn: string; displayGroup: DisplayGroup; version: number; updatedAt: string }>
}

export const NEWEST_ITEMS = 5

export function collectionFigures(input: { counts: RecordCount[]; catalog: CatalogItemVersion[]; departments: Department[]; asOf: string }): CollectionFigures {
  const publicItems = new Map(input.catalog.filter((v) => v.definition.sharingLevel === 'public').map((v) => [v.code, v]))
  const departments = new Map(input.departments.map((d) => [d.id, d]))
  const perItem = new Map<string, number>()
  const perDepartment = new Map<number, number>()
  let total = 0
  for (const c of input.counts) {
    if (!publicItems.has(c.category) || c.count <= 0) continue
    perItem.set(c.category, (perItem.get(c.category) ?? 0) + c.count)
    perDepartment.set(c.departmentId, (perDepartment.get(c.departmentId) ?? 0) + c.count)
    total += c.count
  }
  const byCountThenCode = <T extends { code: string; count: number }>(a: T, b: T) => b.count - a.count || a.code.localeCompare(b.code)
  const byDepartment = [...perDepartment]
    .map(([id, count]) => {
      const d = departments.get(id)
      return { code: d?.code ?? String(id), name: d?.shortName ?? d?.name ?? String(id), nameEn: d?.nameEn ?? String(id), count }
    })
    .sort(byCountThenCode)
  const byItem = [...perItem]
    .map(([code, count]) => {
      const d = publicItems.get(code)!.definition
      return { code, name: d.name, nameEn: d.nameEn, displayGroup: d.displayGroup, count }
    })
    .sort(byCountThenCode)
  const newestItems = [...publicItems.values()]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.code.localeCompare(b.code))
    .slice(0, NEWEST_ITEMS)
    .map((v) => ({ code: v.code, name: v.definition.name, nameEn: v.definition.nameEn, displayGroup: v.definition.displayGroup, version: v.version, updatedAt: v.createdAt }))
  return { asOf: input.asOf, total, byDepartment, byItem, newestItems }
}
