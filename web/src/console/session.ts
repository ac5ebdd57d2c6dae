/** Who is signed in: the API's session (an HttpOnly cookie the app never sees). */
import { createContext, useContext } from 'react'

export type Role = 'platform_admin' | 'department_operator' | 'department_reviewer' | 'credit_checker' | 'auditor'

export interface StaffUser {
  type: 'user'
  id: number
  username: string
  displayName: string
  departmentId: number | null
  departmentCode: string | null
  roles: Role[]
}

export type Actor = StaffUser | { type: 'public' } | { type: 'api_key' | 'system' }

export const SessionContext = createContext<{ user: StaffUser; signOut(): void } | null>(null)

export function useSession() {
  const value = useContext(SessionContext)
  if (!value) throw new Error('useSession outside a signed-in console')
  return value
}

export const hasRole = (user: StaffUser, ...roles: Role[]) => user.roles.some((r) => roles.includes(r))
