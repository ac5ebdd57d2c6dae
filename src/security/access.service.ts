/**
 * Users, web sessions and API keys: who may act, and proof of it on each request.
 * Passwords are argon2id hashes; session tokens and API keys are kept only as SHA-256 hashes.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Database } from '../db/create-database.ts'
import type { Clock } from '../clock.ts'
import { AppError, conflict, notFound } from '../errors.ts'
import type { AuditTrail } from './audit-trail.ts'
import { serializeWriters } from '../db/serialize.ts'
import { authorize } from './policy.ts'
import type { Actor } from './actor.ts'
import { accessRepository, type ApiKey, type User } from './access.repository.ts'
import { checkPasswordStrength, hashPassword, verifyPassword } from './passwords.ts'
import { apiKeyMatches, apiKeyPrefix, generateApiKeySecret } from './api-key-secret.ts'
import type { Role } from './roles.ts'
import type { DepartmentService } from '../departments/department.service.ts'

export interface NewUser {
  username: string
  displayName: string
  password: string
  departmentCode?: string | null
  roles: Role[]
}

/** What the platform office may change of a staff account; absent fields stay as they are. */
export interface UserChange {
  displayName?: string
  /** null: no department (platform roles only). */
  departmentCode?: string | null
  roles?: Role[]
  status?: 'active' | 'disabled'
}

export interface NewApiKey {
  name: string
  departmentCode: string
  roles: Role[]
  expiresAt?: string | null
}

/** Roles a department system may hold; administration and audit are for people only. */
const apiKeyRoles: readonly Role[] = ['department_operator', 'department_reviewer', 'credit_checker']

const usernamePattern = /^[a-z0-9][a-z0-9._-]{2,63}$/

const MAX_FAILED_LOGINS = 5
const FAILED_LOGIN_WINDOW_MS = 15 * 60_000
const API_KEY_TOUCH_INTERVAL_MS = 60_000

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex')

export function createAccessService(deps: { database: Database; clock: Clock; audit: AuditTrail; departments: DepartmentService; sessionHours: number }) {
  const { database, clock, audit, departments, sessionHours } = deps
  const repo = accessRepository(database.db)
  const failedLogins = new Map<string, number[]>()
  const apiKeyLastTouched = new Map<number, number>()

  const userNotFound = (username: string) => notFound('USER_NOT_FOUND', `用户 ${username} 不存在`, `No user ${username}`)

  const badCredentials = () =>
    new AppError('LOGIN_FAILED', '用户名或密码错误', 'Wrong username or password', { kind: 'unauthenticated' })

  function throttleLogin(username: string): void {
    const now = clock.now().getTime()
    const recent = (failedLogins.get(username) ?? []).filter((t) => now - t < FAILED_LOGIN_WINDOW_MS)
    failedLogins.set(username, recent)
    if (recent.length >= MAX_FAILED_LOGINS) {
      throw new AppError('LOGIN_THROTTLED', '登录失败次数过多，请 15 分钟后再试', 'Too many failed sign-ins; try again in 15 minutes', { kind: 'rate_limited' })
    }
  }

  const service = {
    async addUser(actor: Actor, input: NewUser): Promise<User> {
      authorize(actor, 'manage_users')
      if (!usernamePattern.test(input.username)) {
        throw new AppError('USERNAME_INVALID', '用户名须为 3–64 位小写字母、数字、点、下划线或连字符', 'A username is 3–64 lower-case letters, digits, dots, underscores or hyphens', { details: { field: 'username', value: input.username } })
      }
      if (input.roles.length === 0) throw new AppError('USER_ROLES_REQUIRED', '请至少指定一个角色', 'Give the user at least one role', { details: { field: 'roles' } })
      checkPasswordStrength(input.password)
      const department = input.departmentCode ? await departments.get(input.departmentCode) : null
      if (!department && input.roles.some((r) => r !== 'platform_admin' && r !== 'auditor')) {
        throw new AppError('USER_DEPARTMENT_REQUIRED', '部门角色须绑定部门', 'Department roles need a department', { details: { field: 'department' } })
      }
      const passwordHash = await hashPassword(input.password)
      const id = await database.db.transaction().execute(async (trx) => {
        const r = accessRepository(trx)
        if (await r.findUserByUsername(input.username)) throw conflict('USER_EXISTS', `用户名 ${input.username} 已存在`, `User ${input.username} already exists`)
        const id = await r.insertUser({ username: input.username, displayName: input.displayName, departmentId: department?.id ?? null, passwordHash, roles: [...new Set(input.roles)], at: clock.now().toISOString() })
        await audit.append(trx, { actor, action: 'user.add', entityType: 'user', entityId: input.username, detail: { displayName: input.displayName, department: department?.code ?? null, roles: input.roles } })
        return id
      })
      return (await repo.findUserById(id))!
    },

    /**
     * Changes a staff account: name, department, roles, or status. Disabling ends the user's sessions
     * at once (a clerk who leaves cannot act again); roles apply from the next request. The last
     * active platform administrator can be neither disabled nor stripped of the role. Audited.
     */
    async updateUser(actor: Actor, username: string, change: UserChange): Promise<User> {
      authorize(actor, 'manage_users')
      const user = await repo.findUserByUsername(username)
      if (!user) throw userNotFound(username)
      const roles = change.roles ? [...new Set(change.roles)] : user.roles
      if (roles.length === 0) throw new AppError('USER_ROLES_REQUIRED', '请至少指定一个角色', 'Give the user at least one role', { details: { field: 'roles' } })
      const displayName = change.displayName?.trim() || user.displayName
      const department = change.departmentCode === undefined ? (user.departmentId === null ? null : { id: user.departmentId, code: user.departmentCode }) : change.departmentCode ? await departments.get(change.departmentCode) : null
      if (!department && roles.some((r) => r !== 'platform_admin' && r !== 'auditor')) {
        throw new AppError('USER_DEPARTMENT_REQUIRED', '部门角色须绑定部门', 'Department roles need a department', { details: { field: 'department' } })
      }
      const status = change.status ?? user.status
      const staysAdmin = status === 'active' && roles.includes('platform_admin')
      const wasAdmin = user.status === 'active' && user.roles.includes('platform_admin')
      await database.db.transaction().execute(async (trx) => {
        // Two offices demoting each other at once must not both see the other as the remaining admin.
        await serializeWriters(trx, database.dialect, 'users')
        const r = accessRepository(trx)
        if (wasAdmin && !staysAdmin && (await r.otherActiveAdmins(user.id)) === 0) {
          throw conflict('USER_LAST_ADMIN', '这是唯一在用的平台管理员，不能停用或取消其管理员角色', 'This is the only active platform administrator: it can be neither disabled nor lose the role')
        }
        await r.updateUser(user.id, { displayName, departmentId: department?.id ?? null, status })
        if (change.roles) await r.setRoles(user.id, roles)
        if (status === 'disabled') await r.deleteSessionsOf(user.id)
        await audit.append(trx, {
          actor,
          action: 'user.update',
          entityType: 'user',
          entityId: user.username,
          detail: { before: { displayName: user.displayName, department: user.departmentCode, roles: user.roles, status: user.status }, after: { displayName, department: department?.code ?? null, roles, status } },
        })
      })
      return (await repo.findUserById(user.id))!
    },

    /** Sets a new password (the office's reset); every session of the user ends. Audited, without the password. */
    async resetPassword(actor: Actor, username: string, password: string): Promise<void> {
      authorize(actor, 'manage_users')
      const user = await repo.findUserByUsername(username)
      if (!user) throw userNotFound(username)
      checkPasswordStrength(password)
      const passwordHash = await hashPassword(password)
      await database.db.transaction().execute(async (trx) => {
        const r = accessRepository(trx)
        await r.setPassword(user.id, passwordHash)
        await r.deleteSessionsOf(user.id)
        await audit.append(trx, { actor, action: 'user.password_reset', entityType: 'user', entityId: user.username, detail: {} })
      })
      failedLogins.delete(username)
    },

    async listUsers(actor: Actor): Promise<User[]> {
      authorize(actor, 'read_users')
      return repo.listUsers()
    },

    /** Checks the password and opens a session; the token goes in a cookie and is stored only hashed. */
    async login(username: string, password: string, meta: { ip?: string; userAgent?: string } = {}): Promise<{ token: string; expiresAt: string; user: User }> {
      throttleLogin(username)
      const user = await repo.findUserByUsername(username)
      const ok = user && user.status === 'active' && (await verifyPassword(user.passwordHash, password))
      if (!ok || !user) {
        failedLogins.get(username)?.push(clock.now().getTime())
        throw badCredentials()
      }
      failedLogins.delete(username)
      const token = randomBytes(32).toString('base64url')
      const at = clock.now()
      const expiresAt = new Date(at.getTime() + sessionHours * 3600_000).toISOString()
      await database.db.transaction().execute(async (trx) => {
        const r = accessRepository(trx)
        await r.deleteExpiredSessions(at.toISOString())
        await r.insertSession({ tokenHash: tokenHash(token), userId: user.id, at: at.toISOString(), expiresAt, ip: meta.ip ?? null, userAgent: meta.userAgent ?? null })
        await r.markLogin(user.id, at.toISOString())
        await audit.append(trx, { actor: { type: 'system', name: 'auth' }, action: 'user.login', entityType: 'user', entityId: user.username, detail: { ip: meta.ip ?? null } })
      })
      const { passwordHash: _, ...publicUser } = user
      return { token, expiresAt, user: publicUser }
    },

    async logout(token: string): Promise<void> {
      await repo.deleteSession(tokenHash(token))
    },

    /** The signed-in user behind a session token, or undefined when it is unknown or expired. */
    async authenticateSession(token: string): Promise<Actor | undefined> {
      const session = await repo.findSession(tokenHash(token))
      const now = clock.now().toISOString()
      if (!session || session.expires_at <= now) return undefined
      const user = await repo.findUserById(session.user_id)
      if (!user || user.status !== 'active') return undefined
      return { type: 'user', id: user.id, username: user.username, displayName: user.displayName, departmentId: user.departmentId, departmentCode: user.departmentCode, roles: user.roles }
    },

    async createApiKey(actor: Actor, input: NewApiKey): Promise<{ key: string; apiKey: ApiKey }> {
      authorize(actor, 'manage_api_keys')
      const bad = input.roles.filter((r) => !apiKeyRoles.includes(r))
      if (input.roles.length === 0 || bad.length) {
        throw new AppError('API_KEY_ROLES_INVALID', `API 密钥只能授予报送、审核、核查角色${bad.length ? `，不能授予 ${bad.join('、')}` : ''}`, `An API key may hold only department_operator, department_reviewer or credit_checker${bad.length ? `, not ${bad.join(', ')}` : ''}`, { details: { field: 'roles' } })
      }
      if (input.expiresAt && !(Date.parse(input.expiresAt) > clock.now().getTime())) {
        throw new AppError('API_KEY_EXPIRY_INVALID', '有效期须为将来的时间', 'The expiry must be in the future', { details: { field: 'expiresAt', value: input.expiresAt } })
      }
      const department = await departments.get(input.departmentCode)
      const secret = generateApiKeySecret()
      await database.db.transaction().execute(async (trx) => {
        await accessRepository(trx).insertApiKey({ prefix: secret.prefix, hash: secret.hash, name: input.name, departmentId: department.id, roles: [...new Set(input.roles)], at: clock.now().toISOString(), createdBy: actor.type === 'user' ? actor.username : actor.type === 'system' ? actor.name : 'unknown', expiresAt: input.expiresAt ? new Date(input.expiresAt).toISOString() : null })
        await audit.append(trx, { actor, action: 'api_key.create', entityType: 'api_key', entityId: secret.prefix, detail: { name: input.name, department: department.code, roles: input.roles, expiresAt: input.expiresAt ?? null } })
      })
      const apiKey = (await repo.findApiKeyByPrefix(secret.prefix))!
      const { hash: _, ...shown } = apiKey
      return { key: secret.key, apiKey: shown }
    },

    async listApiKeys(actor: Actor): Promise<ApiKey[]> {
      authorize(actor, 'manage_api_keys')
      return repo.listApiKeys()
    },

    async revokeApiKey(actor: Actor, prefix: string): Promise<void> {
      authorize(actor, 'manage_api_keys')
      const key = await repo.findApiKeyByPrefix(prefix)
      if (!key) throw notFound('API_KEY_NOT_FOUND', `未找到 API 密钥 ${prefix}`, `No API key with prefix ${prefix}`)
      await database.db.transaction().execute(async (trx) => {
        await accessRepository(trx).revokeApiKey(prefix, clock.now().toISOString())
        await audit.append(trx, { actor, action: 'api_key.revoke', entityType: 'api_key', entityId: prefix, detail: { name: key.name } })
      })
    },

    /** The department system behind an API key; throws for a key that is malformed, unknown, revoked or expired. */
    async authenticateApiKey(key: string): Promise<Actor> {
      const prefix = apiKeyPrefix(key)
      const stored = prefix ? await repo.findApiKeyByPrefix(prefix) : undefined
      const now = clock.now()
      if (!stored || !apiKeyMatches(key, stored.hash) || stored.revokedAt || (stored.expiresAt && stored.expiresAt <= now.toISOString())) {
        throw new AppError('API_KEY_INVALID', 'API 密钥无效、已吊销或已过期', 'The API key is invalid, revoked or expired', { kind: 'unauthenticated' })
      }
      const last = apiKeyLastTouched.get(stored.id) ?? 0
      if (now.getTime() - last > API_KEY_TOUCH_INTERVAL_MS) {
        apiKeyLastTouched.set(stored.id, now.getTime())
        await repo.markApiKeyUsed(stored.id, now.toISOString())
      }
      return { type: 'api_key', id: stored.id, prefix: stored.prefix, name: stored.name, departmentId: stored.departmentId, departmentCode: stored.departmentCode, roles: stored.roles }
    },
  }
  return service
}

export type AccessService = ReturnType<typeof createAccessService>
