/** The shapes of the API answers the web app reads (see /api/openapi.json). */
import type { DisplayGroup, SubjectKind } from './labels.ts'

export interface Identifier {
  scheme: 'uscc' | 'org_code' | 'registration_number' | 'tax_number' | 'resident_id'
  value: string
  masked: boolean
}

export interface SearchItem {
  id: number
  kind: SubjectKind
  name: string
  division: string | null
  divisionName: string | null
  status: 'active' | 'deregistered' | 'revoked'
  identifiers: Identifier[]
  match: 'code' | 'exact' | 'prefix' | 'substring'
  rank: number
  matchedName: string | null
  matchedNameSource: 'registry' | 'former' | 'observed' | null
}

export interface SearchResult {
  page: number
  pageSize: number
  total: number | null
  hasMore: boolean
  items: SearchItem[]
}

export interface Provenance {
  department: { code: string; name: string }
  receivedAt: string
  catalogVersion: number
}

export interface ProfileRecord {
  id: number
  category: string
  categoryName: string
  categoryNameEn: string
  status: string
  version: number
  underObjection: boolean
  dates: { decision: string | null; publication: string | null; validFrom: string | null; validTo: string | null; publicityStart: string | null; publicityEnd: string | null }
  publicNow: boolean
  fields: Record<string, unknown>
  provenance: Provenance
}

export interface ProfileGroup {
  group: DisplayGroup
  label: string
  labelEn: string
  count: number
  records: ProfileRecord[]
}

export interface Profile {
  subject: {
    id: number
    kind: SubjectKind
    name: string
    division: string | null
    divisionName: string | null
    status: string
    legalRepresentative: string | null
    establishedOn: string | null
    identifiers: Identifier[]
    formerNames: Array<{ name: string; validFrom: string | null; validTo: string | null; source: string }>
  }
  asOf: string
  total: number
  groups: ProfileGroup[]
}

export interface CollectionFigures {
  asOf: string
  total: number
  byDepartment: Array<{ code: string; name: string; nameEn: string; count: number }>
  byItem: Array<{ code: string; name: string; nameEn: string; displayGroup: DisplayGroup; count: number }>
  newestItems: Array<{ code: string; name: string; nameEn: string; displayGroup: DisplayGroup; version: number; updatedAt: string }>
}

export interface CatalogField {
  key: string
  name: string
  nameEn: string
  type: string
  requirement: string
  personal?: boolean
  codeTable?: string
}

export interface CatalogItemVersion {
  code: string
  version: number
  definition: { code: string; name: string; nameEn: string; legalBasis: string; fields: CatalogField[]; displayGroup: DisplayGroup; sharingLevel: string; providers: string[] }
  createdAt: string
}

export interface CatalogSummary {
  code: string
  name: string
  nameEn: string
  version: number
  nature: string
  sharingLevel: 'public' | 'government' | 'authorised' | 'none'
  displayGroup: DisplayGroup
  providers: string[]
  fieldCount: number
}
