/**
 * Declarative permissions: `can(actor, 'manage_catalog')` reads like the rule it encodes.
 * Department scoping (an operator submits only for its own department) is checked by `canActFor`.
 */
import { forbidden, unauthenticated } from '../errors.ts'
import { actorRoles, type Actor } from './actor.ts'
import type { Role } from './roles.ts'

const rules = {
  manage_catalog: ['platform_admin'],
  manage_departments: ['platform_admin'],
  manage_users: ['platform_admin'],
  manage_api_keys: ['platform_admin'],
  read_catalog_history: ['platform_admin', 'auditor', 'department_operator', 'department_reviewer'],
  read_departments: ['platform_admin', 'auditor', 'department_operator', 'department_reviewer', 'credit_checker'],
  read_users: ['platform_admin', 'auditor'],
  read_audit_log: ['platform_admin', 'auditor'],
  submit_records: ['platform_admin', 'department_operator'],
  review_cases: ['platform_admin', 'department_reviewer'],
  check_credit: ['platform_admin', 'credit_checker'],
  // Non-public records (government sharing; authorised queries for banks), each read query-logged.
  read_shared_records: ['platform_admin', 'department_operator', 'department_reviewer', 'credit_checker'],
  manage_authorisations: ['platform_admin', 'credit_checker'],
  read_query_log: ['platform_admin', 'auditor'],
  // The working calendar (holidays, 调休) that every working-day deadline is computed on.
  manage_calendar: ['platform_admin'],
  // The change feed (变更订阅): each consumer sees what it may see of every event; non-public reads are logged.
  read_change_feed: ['platform_admin', 'department_operator', 'department_reviewer', 'credit_checker'],
  // A provider withdraws its own record (行政处罚法 Art. 48); the platform office any.
  withdraw_records: ['platform_admin', 'department_operator'],
  // The service-hall counter (platform office) takes a verified subject's own requests (archiving, 河南条例 Art. 44).
  serve_subjects: ['platform_admin'],
  // Batch figures on the console dashboard: own department; every department for the office and auditors.
  read_collection_statistics: ['platform_admin', 'auditor', 'department_operator', 'department_reviewer'],
  // The matter and measure catalogs of joint rewards and punishments (联合奖惩措施清单).
  manage_measures: ['platform_admin'],
  // Publicity rule sets (公示期限规则) are versioned data the platform office installs.
  manage_publicity_rules: ['platform_admin'],
  // Why a record is shown or not (which rule, tier, dates): the office, and the provider for its own records.
  explain_publicity: ['platform_admin', 'department_operator', 'department_reviewer'],
  // Notices on the public site (信用政策, 信用动态): the platform office writes them.
  manage_notices: ['platform_admin'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof rules

export function can(actor: Actor, permission: Permission): boolean {
  const allowed: readonly Role[] = rules[permission]
  return actorRoles(actor).some((r) => allowed.includes(r))
}

/** Throws UNAUTHENTICATED for the public, FORBIDDEN for staff without the permission. */
export function authorize(actor: Actor, permission: Permission): void {
  if (actor.type === 'public') throw unauthenticated()
  if (!can(actor, permission)) throw forbidden()
}

/** Platform admins act for any department; everyone else only for their own. */
export function canActFor(actor: Actor, departmentId: number): boolean {
  if (actorRoles(actor).includes('platform_admin')) return true
  return (actor.type === 'user' || actor.type === 'api_key') && actor.departmentId === departmentId
}
