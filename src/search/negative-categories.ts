/**
 * Which catalog items count as negative records for the "has negative records in force" filter.
 * The catalog classifies every item by its 信息性质 (`nature`: positive, negative, neutral —
 * 河南条例 Art. 11), so this reads that field: 行政处罚, the serious-dishonesty list, court
 * defaulters, abnormal operations, major tax violations, wage arrears… The public filters only by
 * items whose records are public, so the filter never reveals what the public may not read. Pure.
 */
import type { CatalogItemDefinition } from '../catalog/catalog.ts'

export function negativeCategories(items: ReadonlyArray<Pick<CatalogItemDefinition, 'code' | 'nature' | 'sharingLevel'>>, audience: 'public' | 'staff'): string[] {
  return items.filter((i) => i.nature === 'negative' && (audience === 'staff' || i.sharingLevel === 'public')).map((i) => i.code)
}
