/**
 * Who is asking, in the terms of the visibility rules, from who is signed in. Pure.
 *
 * - Nobody signed in: the public.
 * - The command line on the server, and platform administrators: the platform office (信用办).
 * - Staff and systems allowed to read shared records: a bank or licensed credit agency (a
 *   department of kind `bank`) is an authorised party, bound to the subject's written
 *   authorisation; any other department reads under government sharing.
 * - Anyone else signed in (an auditor, say) sees what the public sees.
 *
 * The subject itself is never derived from an actor: there is no citizen sign-in yet, and a staff
 * account is not the person it serves. The subject's own view is a separate service entry that
 * only a verified identity may call (see profile.service.ts).
 */
import type { Actor } from '../security/actor.ts'
import { actorRoles } from '../security/actor.ts'
import { can } from '../security/policy.ts'
import type { DepartmentKind } from '../departments/department.ts'
import type { Asker, Authorisation } from './visibility.ts'

export function askerFor(actor: Actor, department: { id: number; kind: DepartmentKind; status: string } | null, authorisation: Authorisation | null = null): Asker {
  if (actor.type === 'public') return { kind: 'public' }
  if (actor.type === 'system' || actorRoles(actor).includes('platform_admin')) return { kind: 'platform_office' }
  if (!can(actor, 'read_shared_records') || !department || department.status !== 'active' || department.id !== actor.departmentId) return { kind: 'public' }
  if (department.kind === 'bank') return { kind: 'authorised', departmentId: department.id, authorisation }
  return { kind: 'department', departmentId: department.id }
}

/** The department an actor belongs to, if any. */
export const actorDepartmentId = (actor: Actor): number | null => (actor.type === 'user' || actor.type === 'api_key' ? actor.departmentId : null)
