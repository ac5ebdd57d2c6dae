/**
 * The eight groups a credit file is shown in, as 信用中国 users know them. Each catalog item names
 * its group (`displayGroup`, data like the rest of the item); this module only orders and labels
 * them and puts an item the catalog no longer knows under 其他. Pure.
 */
import { displayGroups, type CatalogItemDefinition, type DisplayGroup } from '../catalog/catalog.ts'

export const groupLabels: Readonly<Record<DisplayGroup, { zh: string; en: string }>> = {
  licensing: { zh: '行政许可', en: 'Administrative licensing' },
  penalty: { zh: '行政处罚', en: 'Administrative penalties' },
  incentive: { zh: '守信激励', en: 'Trustworthiness incentives' },
  punishment: { zh: '失信惩戒', en: 'Dishonesty punishments' },
  focus: { zh: '重点关注', en: 'Focus list' },
  qualification: { zh: '资质资格', en: 'Qualifications' },
  risk: { zh: '风险提示', en: 'Risk alerts' },
  other: { zh: '其他', en: 'Other' },
}

/** The order of the tabs. */
export const groupOrder: readonly DisplayGroup[] = displayGroups

export function groupOf(item: Pick<CatalogItemDefinition, 'displayGroup'> | undefined): DisplayGroup {
  return item && (displayGroups as readonly string[]).includes(item.displayGroup) ? item.displayGroup : 'other'
}

/** Zero for every group, in tab order: a summary always lists all eight. */
export const emptyGroupCounts = (): Record<DisplayGroup, number> => Object.fromEntries(groupOrder.map((g) => [g, 0])) as Record<DisplayGroup, number>
