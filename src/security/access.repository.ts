/** All SQL about users, their roles, API keys and web sessions. */
import type { Kysely } from 'kysely'
import type { Tables, UserRow, ApiKeyRow } from '../db/database.ts'
import { isRole, type Role } from './roles.ts'
import { preparedQuery } from '../db/prepared-query.ts'

// Every API request authenticates by it: built and compiled once.
const apiKeyByPrefix = preparedQuery((db, prefix: string) =>
  db.selectFrom('api_keys').innerJoin('departments', 'departments.id', 'api_keys.department_id').selectAll('api_keys').select('departments.code as department_code').where('api_keys.prefix', '=', prefix),
)

export interface User {
  id: number
  username: string
  displayName: string
  departmentId: number | null
  departmentCode: string | null
  roles: Role[]
  status: 'active' | 'disabled'
  createdAt: string
  lastLoginAt: string | null
}

export interface ApiKey {
  id: number
  prefix: string
  name: string
  departmentId: number
  departmentCode: string
  roles: Role[]
  createdAt: string
  createdBy: string
  expiresAt: string | null
  revokedAt: string | null
  lastUsedAt: string | null
}

const userRowToUser = (r: UserRow & { department_code: string | null }, roles: Role[]): User => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  departmentId: r.department_id,
  departmentCode: r.department_code,
  roles,
  status: r.status as User['status'],
  createdAt: r.created_at,
  lastLoginAt: r.last_login_at,
})

const apiKeyRowToApiKey = (r: ApiKeyRow & { department_code: string }): ApiKey => ({
  id: r.id,
  prefix: r.prefix,
  name: r.name,
  departmentId: r.department_id,
  departmentCode: r.department_code,
  roles: (JSON.parse(r.roles) as string[]).filter(isRole),
  createdAt: r.created_at,
  createdBy: r.created_by,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
  lastUsedAt: r.last_used_at,
})

export function accessRepository(db: Kysely<Tables>) {
  const usersWithDepartment = () =>
    db.selectFrom('users').leftJoin('departments', 'departments.id', 'users.department_id').selectAll('users').select('departments.code as department_code')

  async function rolesOf(userIds: number[]): Promise<Map<number, Role[]>> {
    const map = new Map<number, Role[]>()
    if (userIds.length === 0) return map
    const rows = await db.selectFrom('user_roles').selectAll().where('user_id', 'in', userIds).orderBy('role').execute()
    for (const r of rows) if (isRole(r.role)) map.set(r.user_id, [...(map.get(r.user_id) ?? []), r.role])
    return map
  }

  return {
    async listUsers(): Promise<User[]> {
      const rows = await usersWithDepartment().orderBy('users.username').execute()
      const roles = await rolesOf(rows.map((r) => r.id))
      return rows.map((r) => userRowToUser(r, roles.get(r.id) ?? []))
    },
    async findUserByUsername(username: string): Promise<(User & { passwordHash: string }) | undefined> {
      const row = await usersWithDepartment().where('users.username', '=', username).executeTakeFirst()
      if (!row) return undefined
      const roles = await rolesOf([row.id])
      return { ...userRowToUser(row, roles.get(row.id) ?? []), passwordHash: row.password_hash }
    },
    async findUserById(id: number): Promise<User | undefined> {
      const row = await usersWithDepartment().where('users.id', '=', id).executeTakeFirst()
      if (!row) return undefined
      const roles = await rolesOf([row.id])
      return userRowToUser(row, roles.get(row.id) ?? [])
    },
    async insertUser(user: { username: string; displayName: string; departmentId: number | null; passwordHash: string; roles: Role[]; at: string }): Promise<number> {
      const { id } = await db
        .insertInto('users')
        .values({ username: user.username, display_name: user.displayName, department_id: user.departmentId, password_hash: user.passwordHash, status: 'active', created_at: user.at, last_login_at: null })
        .returning('id')
        .executeTakeFirstOrThrow()
      if (user.roles.length) await db.insertInto('user_roles').values(user.roles.map((role) => ({ user_id: id, role }))).execute()
      return id
    },
    async updateUser(userId: number, patch: { displayName: string; departmentId: number | null; status: 'active' | 'disabled' }): Promise<void> {
      await db.updateTable('users').set({ display_name: patch.displayName, department_id: patch.departmentId, status: patch.status }).where('id', '=', userId).execute()
    },
    async setRoles(userId: number, roles: readonly Role[]): Promise<void> {
      await db.deleteFrom('user_roles').where('user_id', '=', userId).execute()
      if (roles.length) await db.insertInto('user_roles').values(roles.map((role) => ({ user_id: userId, role }))).execute()
    },
    /** Active platform administrators other than this user (an office must never lock itself out). */
    async otherActiveAdmins(userId: number): Promise<number> {
      const r = await db
        .selectFrom('users')
        .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_roles.role', '=', 'platform_admin')
        .where('users.status', '=', 'active')
        .where('users.id', '!=', userId)
        .executeTakeFirstOrThrow()
      return Number(r.n)
    },
    async deleteSessionsOf(userId: number): Promise<void> {
      await db.deleteFrom('sessions').where('user_id', '=', userId).execute()
    },
    async setPassword(userId: number, passwordHash: string): Promise<void> {
      await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute()
    },
    async markLogin(userId: number, at: string): Promise<void> {
      await db.updateTable('users').set({ last_login_at: at }).where('id', '=', userId).execute()
    },

    async insertSession(s: { tokenHash: string; userId: number; at: string; expiresAt: string; ip: string | null; userAgent: string | null }): Promise<void> {
      await db.insertInto('sessions').values({ token_hash: s.tokenHash, user_id: s.userId, created_at: s.at, expires_at: s.expiresAt, last_seen_at: s.at, ip: s.ip, user_agent: s.userAgent }).execute()
    },
    async findSession(tokenHash: string) {
      return db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst()
    },
    async touchSession(tokenHash: string, at: string): Promise<void> {
      await db.updateTable('sessions').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute()
    },
    async deleteSession(tokenHash: string): Promise<void> {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute()
    },
    async deleteExpiredSessions(now: string): Promise<void> {
      await db.deleteFrom('sessions').where('expires_at', '<', now).execute()
    },

    async insertApiKey(k: { prefix: string; hash: string; name: string; departmentId: number; roles: Role[]; at: string; createdBy: string; expiresAt: string | null }): Promise<number> {
      const { id } = await db
        .insertInto('api_keys')
        .values({ prefix: k.prefix, key_hash: k.hash, name: k.name, department_id: k.departmentId, roles: JSON.stringify(k.roles), created_at: k.at, created_by: k.createdBy, expires_at: k.expiresAt, revoked_at: null, last_used_at: null })
        .returning('id')
        .executeTakeFirstOrThrow()
      return id
    },
    async findApiKeyByPrefix(prefix: string): Promise<(ApiKey & { hash: string }) | undefined> {
      const [row] = await apiKeyByPrefix(db, prefix)
      return row && { ...apiKeyRowToApiKey(row), hash: row.key_hash }
    },
    async listApiKeys(): Promise<ApiKey[]> {
      const rows = await db
        .selectFrom('api_keys')
        .innerJoin('departments', 'departments.id', 'api_keys.department_id')
        .selectAll('api_keys')
        .select('departments.code as department_code')
        .orderBy('api_keys.id')
        .execute()
      return rows.map(apiKeyRowToApiKey)
    },
    async revokeApiKey(prefix: string, at: string): Promise<void> {
      await db.updateTable('api_keys').set({ revoked_at: at }).where('prefix', '=', prefix).execute()
    },
    async markApiKeyUsed(id: number, at: string): Promise<void> {
      await db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute()
    },
  }
}
