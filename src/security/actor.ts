/** Who is asking. Anonymous callers are the public; staff sign in; department systems use API keys. */
import type { Role } from './roles.ts'

export type Actor =
  | { type: 'public' }
  | { type: 'user'; id: number; username: string; displayName: string; departmentId: number | null; departmentCode: string | null; roles: Role[] }
  | { type: 'api_key'; id: number; prefix: string; name: string; departmentId: number; departmentCode: string; roles: Role[] }
  | { type: 'system'; name: string }

export const publicActor: Actor = { type: 'public' }

/** The command line acts with the platform office's full authority of whoever runs it on the server. */
export const cliActor = (name = process.env.USER ?? 'cli'): Actor => ({ type: 'system', name: `cli:${name}` })

export function actorRoles(actor: Actor): readonly Role[] {
  if (actor.type === 'user' || actor.type === 'api_key') return actor.roles
  if (actor.type === 'system') return ['platform_admin']
  return []
}

/** How an actor is named in the audit log and provenance. */
export function actorRef(actor: Actor): { type: string; id: string } {
  switch (actor.type) {
    case 'public':
      return { type: 'public', id: 'anonymous' }
    case 'user':
      return { type: 'user', id: actor.username }
    case 'api_key':
      return { type: 'api_key', id: actor.prefix }
    case 'system':
      return { type: 'system', id: actor.name }
  }
}
