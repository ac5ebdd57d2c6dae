/**
 * Table types for Kysely. Both stores hold the same shapes: timestamps as ISO-8601 text, dates as
 * YYYY-MM-DD text, JSON as text (jsonb on PostgreSQL, read back as text), flags as 0/1 integers —
 * so no code outside src/db ever branches on the dialect.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

export interface DepartmentTable {
  id: Generated<number>
  code: string
  name: string
  name_en: string
  short_name: string | null
  uscc: string | null
  division: string
  parent_code: string | null
  kind: string // platform_office | provider | checker | bank
  status: string // active | inactive
  created_at: string
  updated_at: string
}

export interface UserTable {
  id: Generated<number>
  username: string
  display_name: string
  department_id: number | null
  password_hash: string
  status: string // active | disabled
  created_at: string
  last_login_at: string | null
}

export interface UserRoleTable {
  user_id: number
  role: string
}

export interface ApiKeyTable {
  id: Generated<number>
  prefix: string // the public part shown in lists
  key_hash: string // SHA-256 of the secret part; the secret is shown once
  name: string
  department_id: number
  roles: string // JSON array
  created_at: string
  created_by: string
  expires_at: string | null
  revoked_at: string | null
  last_used_at: string | null
}

export interface SessionTable {
  token_hash: string
  user_id: number
  created_at: string
  expires_at: string
  last_seen_at: string
  ip: string | null
  user_agent: string | null
}

export interface CatalogItemTable {
  code: string
  current_version: number
  status: string // active | retired
  created_at: string
  updated_at: string
}

export interface CatalogVersionTable {
  id: Generated<number>
  item_code: string
  version: number
  definition: string // JSON CatalogItemDefinition
  created_at: string
  created_by: string
  note: string | null
}

export interface CodeTableTable {
  key: string
  definition: string // JSON CodeTable
  updated_at: string
}

export interface SubjectTable {
  id: Generated<number>
  kind: string
  name: string
  division: string | null
  status: string // active | deregistered | revoked
  legal_representative: string | null
  established_on: string | null
  created_at: string
  updated_at: string
}

export interface SubjectIdentifierTable {
  id: Generated<number>
  subject_id: number
  scheme: string // uscc | org_code | registration_number | tax_number | resident_id | other_id
  value: string | null // null for personal identifiers
  value_hash: string | null // keyed hash of a personal identifier
  ciphertext: string | null // AES-256-GCM of a personal identifier
  masked: string | null
  created_at: string
}

export interface SubjectNameTable {
  id: Generated<number>
  subject_id: number
  name: string
  valid_from: string | null
  valid_to: string | null
  source: string // registry | former | observed
  batch_id: number | null
  created_at: string
}

export interface BatchTable {
  id: Generated<number>
  department_id: number
  category: string
  catalog_version: number
  channel: string // api | file | cli
  file_name: string | null
  file_hash: string | null
  format: string | null // csv | xlsx | json
  encoding: string | null
  headers: string | null // JSON array of the original headers
  submitted_by: string
  status: string // validating | committed | failed | interrupted
  received: Generated<number>
  accepted: Generated<number>
  updated: Generated<number>
  unchanged: Generated<number>
  rejected: Generated<number>
  warnings: Generated<number>
  created_at: string
  completed_at: string | null
  failure: string | null // JSON {code, message, message_en} when failed
}

export interface BatchErrorTable {
  id: Generated<number>
  batch_id: number
  row_number: number
  column_name: string | null
  value: string | null
  code: string
  message: string
  message_en: string
  severity: string // error | warning
  raw_row: string | null // JSON of the original row, for the fix-and-resend file
}

export interface RecordTable {
  id: Generated<number>
  category: string
  subject_id: number
  business_key: string
  current_version_id: number | null
  current_version: number
  current_hash: string // content hash of the current version: re-sent rows compare against it
  current_fingerprint: string | null // digest of the source row of the current version
  current_batch_id: number // the batch that wrote the current version
  department_id: number // the provider that owns the record
  status: string // in_force | revoked | archived
  created_at: string
  updated_at: string
}

export interface RecordVersionTable {
  id: Generated<number>
  record_id: number
  version: number
  payload: string // JSON of the validated fields
  content_hash: string
  decision_date: string | null
  publication_date: string | null
  valid_from: string | null
  valid_to: string | null
  publicity_end: string | null
  tier: string | null // minor | general | serious
  status: string // in_force | superseded | revoked
  department_id: number
  batch_id: number | null
  source_row: number | null
  submitted_by: string
  received_at: string
  catalog_version: number
  file_hash: string | null
}

export interface AuthorisationTable {
  id: Generated<number>
  subject_id: number
  grantee_department_id: number
  scope: string // JSON: catalog item codes
  purpose: string
  granted_on: string
  expires_at: string
  revoked_at: string | null
  evidence: string | null
  created_at: string
}

export interface QueryLogTable {
  id: Generated<number>
  at: string
  actor_type: string // user | api_key | subject
  actor_id: string
  department_id: number | null
  subject_id: number
  record_ids: string | null // JSON array
  purpose: string
  authorisation_id: number | null
  channel: string // api | web | cli
}

export interface EventTable {
  seq: Generated<number>
  at: string
  type: string
  subject_id: number | null
  record_id: number | null
  payload: string // JSON
}

export interface AuditLogTable {
  id: Generated<number>
  at: string
  actor_type: string // user | api_key | system | cli
  actor_id: string
  action: string
  entity_type: string
  entity_id: string
  detail: string // JSON
  prev_hash: string
  hash: string
}

export interface SettingTable {
  key: string
  value: string
  updated_at: string
}

/** Subject search (src/search): one row per searchable name; terms live in FTS5 (SQLite) or a tsvector column (PostgreSQL), written by raw SQL. */
export interface SearchNameTable {
  id: Generated<number>
  subject_id: number
  name_id: number // subject_names.id, or 0 for the current name (subjects.name)
  name: string
  normalized: string
  source: string // current | registry | former | observed
  kind: string
  division: string | null
  active: number // 1 when the subject's status is active
}

export interface SearchTermCountTable {
  term: string
  names: number // indexed names holding the term
}

export interface SearchProgressTable {
  source: string // subjects | subject_names
  high_water: number
}

export interface SearchGapTable {
  id: Generated<number>
  source: string
  low: number
  high: number
  noted_at: string
}

export interface SearchDirtyTable {
  id: Generated<number>
  subject_id: number
}

export interface RecordDecisionTable {
  id: Generated<number>
  record_id: number
  subject_id: number
  kind: string
  effective_at: string
  basis: string
  source_type: string
  source_id: string
  decided_by: string
  created_at: string
}

export interface Tables {
  settings: SettingTable
  departments: DepartmentTable
  users: UserTable
  user_roles: UserRoleTable
  api_keys: ApiKeyTable
  sessions: SessionTable
  catalog_items: CatalogItemTable
  catalog_versions: CatalogVersionTable
  code_tables: CodeTableTable
  subjects: SubjectTable
  subject_identifiers: SubjectIdentifierTable
  subject_names: SubjectNameTable
  batches: BatchTable
  batch_errors: BatchErrorTable
  records: RecordTable
  record_versions: RecordVersionTable
  record_decisions: RecordDecisionTable
  authorisations: AuthorisationTable
  query_log: QueryLogTable
  events: EventTable
  audit_log: AuditLogTable
  search_names: SearchNameTable
  search_term_counts: SearchTermCountTable
  search_progress: SearchProgressTable
  search_gaps: SearchGapTable
  search_dirty: SearchDirtyTable
}

export type DepartmentRow = Selectable<DepartmentTable>
export type NewDepartmentRow = Insertable<DepartmentTable>
export type DepartmentUpdate = Updateable<DepartmentTable>
export type SubjectRow = Selectable<SubjectTable>
export type SubjectIdentifierRow = Selectable<SubjectIdentifierTable>
export type UserRow = Selectable<UserTable>
export type ApiKeyRow = Selectable<ApiKeyTable>
export type AuditLogRow = Selectable<AuditLogTable>
