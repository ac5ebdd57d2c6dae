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

/** A credit check's view of a list, negative or commitment record (migration 0013). */
export interface StandingFactTable {
  subject_id: number
  record_id: number
  category: string
  department_id: number
  status: string
  decision_date: string | null
  publication_date: string | null
  valid_from: string | null
  valid_to: string | null
  publicity_end: string | null
  tier: string | null
  /** JSON object of the payload keys standing_items names for the category, as the version holds them. */
  fields: string
}

export interface StandingItemTable {
  category: string
  keys: string
  built_at: string
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

/** One row (id 1): moved by triggers whenever configuration changes (migration 0015, config-generation.ts). */
export interface ConfigGenerationTable {
  id: number
  generation: number
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

export interface CalendarDayTable {
  date: string // YYYY-MM-DD
  kind: string // holiday | workday (调休上班)
  name: string
  source: string
  created_by: string
  created_at: string
}

export interface EvidenceFileTable {
  id: Generated<number>
  case_type: string // objection | repair
  case_id: number
  name: string
  media_type: string
  size: number
  sha256: string
  content: Buffer
  uploaded_by: string
  uploaded_at: string
}

export interface CaseAlertTable {
  id: Generated<number>
  case_type: string
  case_id: number
  kind: string // reminder | overdue
  due_on: string
  department_id: number | null // null: the platform office
  raised_at: string
}

export interface ObjectionTable {
  id: Generated<number>
  receipt_number: string
  record_id: number
  record_version: number
  subject_id: number
  department_id: number // the record's provider
  applicant_name: string
  applicant_contact: string
  applicant_relation: string // subject | agent
  grounds: string
  state: string
  detail: string // JSON of the machine's case
  outcome: string | null
  outcome_note: string | null
  corrected_version: number | null
  received_on: string
  due_on: string | null // the running deadline of the current state; null when none runs
  final_due_on: string
  access_token_hash: string
  created_at: string
  updated_at: string
}

export interface ObjectionStepTable {
  id: Generated<number>
  objection_id: number
  action: string
  from_state: string | null
  to_state: string
  actor_type: string
  actor_id: string
  note: string | null
  at: string
}

/** Versions written as revocations and later superseded (migration 0009): the feed still calls them revoked. */
export interface RevokedVersionTable {
  version_id: number
}

export interface RepairTable {
  id: Generated<number>
  receipt_number: string
  record_id: number
  subject_id: number
  department_id: number // the record's provider (谁认定谁修复)
  applicant_name: string
  applicant_contact: string
  applicant_relation: string // subject | agent
  power_of_attorney: string | null // the agent's power of attorney (reference or file name)
  commitment_text: string // 信用承诺书
  commitment_signed_at: string
  obligations_statement: string
  obligations_evidence: string // JSON array of proofs named by the applicant
  state: string
  materials_missing: string | null // JSON array, once told (一次性告知)
  required_steps: string // JSON array of optional steps this application needs
  completed_steps: string // JSON array
  received_on: string
  feedback_due_on: string
  accepted_on: string | null
  decision_due_on: string | null
  due_on: string | null // earliest running deadline; null when none runs
  decision: string | null // approved | rejected
  reasons: string | null
  decided_at: string | null
  decided_by: string | null
  access_token_hash: string
  created_at: string
  updated_at: string
}

export interface RepairStepTable {
  id: Generated<number>
  repair_id: number
  action: string
  from_state: string | null
  to_state: string
  actor_type: string
  actor_id: string
  note: string | null
  at: string
}

/** Matter and measure catalogs (src/sanctions): the definition as JSON, edited by the platform office. */
export interface SanctionCatalogTable {
  code: string
  version: number
  definition: string // JSON Matter or Measure
  status: string // active | retired
  updated_at: string
  updated_by: string
}

/** The written pre-notice before listing (河南条例 Art. 28), per subject and list item. */
export interface ListPreNoticeTable {
  id: Generated<number>
  subject_id: number
  category: string
  department_id: number
  notice_number: string
  served_on: string
  delivery: string
  basis: string
  reasons: string
  measures: string
  objection_until: string | null
  recorded_by: string
  created_at: string
}

/** A list entry's responsible persons (河南条例 Art. 35); ID numbers sealed like subjects' identifiers. */
export interface ListResponsiblePersonTable {
  id: Generated<number>
  record_id: number
  role: string // legal_representative | principal | actual_controller | directly_responsible
  name: string
  id_ciphertext: string | null
  id_hash: string | null
  id_masked: string | null
  department_id: number
  recorded_by: string
  created_at: string
}

export interface CreditCheckTable {
  id: Generated<number>
  matter: string
  purpose: string
  department_id: number | null
  actor_type: string
  actor_id: string
  channel: string
  at: string
  checked_on: string
  subjects: number
  found: number
  hits: number
  feedback_due_on: string | null // null when nothing was hit
  feedback_count: Generated<number>
  last_feedback_at: string | null
  measures: string // JSON: the measures applied, as stated at the time (migration 0016)
}

export interface CreditCheckResultTable {
  check_id: number
  position: number
  code: string
  subject_id: number | null
  hit: number
  outcome: string | null // JSON (check-result.ts StoredResult, or an error); null when there is nothing to say
}

export interface CreditCheckFeedbackTable {
  id: Generated<number>
  check_id: number
  position: number
  subject_id: number | null
  measures: string // JSON array of measure codes
  outcome: string // applied | not_adopted | not_applicable
  reason: string | null
  amount: string | null
  note: string | null
  department_id: number | null
  actor_type: string
  actor_id: string
  at: string
}

/** Installed publicity rule-set versions (migration 0007); version 1 is the built-in set in code. */
export interface PublicityRuleSetTable {
  version: number
  name: string
  effective_from: string
  rules: string // JSON of the definition
  legal_basis: string
  created_by: string
  created_at: string
}

/** Per record, the next window end and archive day the change feed has not been told of (migration 0007). */
export interface PublicityScheduleTable {
  record_id: number
  subject_id: number
  category: string
  ends_on: string | null
  archives_on: string | null
  ended_for: string | null // the end a publicity.ended event was emitted for
  archived_for: string | null
  rule_set_version: number
  planned_at: string
}

export interface PublicityProgressTable {
  name: string // events | decisions | rule_set
  position: number
}

export interface NoticeTable {
  id: Generated<number>
  category: string // policy | news
  title: string
  source: string | null
  body: string // plain text, never HTML
  published_at: string
  unpublished_at: string | null
  created_by: string
  created_at: string
  updated_at: string
}

export interface Tables {
  settings: SettingTable
  config_generation: ConfigGenerationTable
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
  calendar_days: CalendarDayTable
  evidence_files: EvidenceFileTable
  case_alerts: CaseAlertTable
  objections: ObjectionTable
  objection_steps: ObjectionStepTable
  revoked_versions: RevokedVersionTable
  repairs: RepairTable
  repair_steps: RepairStepTable
  matters: SanctionCatalogTable
  measures: SanctionCatalogTable
  list_pre_notices: ListPreNoticeTable
  list_responsible_persons: ListResponsiblePersonTable
  credit_checks: CreditCheckTable
  credit_check_results: CreditCheckResultTable
  credit_check_feedback: CreditCheckFeedbackTable
  publicity_rule_sets: PublicityRuleSetTable
  publicity_schedule: PublicityScheduleTable
  publicity_progress: PublicityProgressTable
  notices: NoticeTable
  standing_facts: StandingFactTable
  standing_items: StandingItemTable
}

export type DepartmentRow = Selectable<DepartmentTable>
export type NewDepartmentRow = Insertable<DepartmentTable>
export type DepartmentUpdate = Updateable<DepartmentTable>
export type SubjectRow = Selectable<SubjectTable>
export type SubjectIdentifierRow = Selectable<SubjectIdentifierTable>
export type UserRow = Selectable<UserTable>
export type ApiKeyRow = Selectable<ApiKeyTable>
export type AuditLogRow = Selectable<AuditLogTable>
