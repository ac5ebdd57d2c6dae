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
