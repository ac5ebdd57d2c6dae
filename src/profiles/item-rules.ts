/**
 * What the query platform needs from each catalog item, compiled once per catalog version: its
 * sharing levels, group, publicity rule and where a list entry's removal date sits in the payload.
 * Pure. An item missing from the catalog (retired) is shown to no one but the subject, the
 * provider and the office: sharing fails closed.
 */
import type { CatalogItemDefinition, PublicityRule, SharingLevel, DisplayGroup } from '../catalog/catalog.ts'
import { groupOf } from './profile-groups.ts'

export interface ItemRules {
  code: string
  name: string
  nameEn: string
  sharingLevel: SharingLevel
  naturalPersonSharingLevel?: SharingLevel
  group: DisplayGroup
  /** A red, focus or black list item: its records are list entries. */
  listKind?: 'red' | 'focus' | 'black'
  publicityRule: PublicityRule
  /** Payload keys of fields with the removal_date role. */
  removalDateKeys: string[]
}

export function compileItemRules(definition: CatalogItemDefinition): ItemRules {
  return {
    code: definition.code,
    name: definition.name,
    nameEn: definition.nameEn,
    sharingLevel: definition.sharingLevel,
    ...(definition.naturalPersonSharingLevel ? { naturalPersonSharingLevel: definition.naturalPersonSharingLevel } : {}),
    group: groupOf(definition),
    ...(definition.listKind ? { listKind: definition.listKind } : {}),
    publicityRule: definition.publicityRule,
    removalDateKeys: definition.fields.filter((f) => f.role === 'removal_date').map((f) => f.key),
  }
}

export function unknownItemRules(code: string): ItemRules {
  return { code, name: code, nameEn: code, sharingLevel: 'none', group: 'other', publicityRule: { kind: 'not_public' }, removalDateKeys: [] }
}
