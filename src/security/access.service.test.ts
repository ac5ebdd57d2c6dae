import { beforeAll, expect, it } from 'vitest'
import { describeEachPlatform } from '../../test/platform-fixture.ts'
import type { Actor } from './actor.ts'

const system: Actor = { type: 'system', name: 'test' }
const password = 'Correct-Horse-9-battery'

describeEachPlatform('access', (get) => {
  beforeAll(async () => {
    const { platform } = get()
    await platform.departments.add(system, { code: 'SCJG', name: '新乡市市场监督管理局', division: '410700', kind: 'provider' })
  })

  it('adds a user with hashed password and roles, and signs them in', async () => {
    const { platform } = get()
    const user = await platform.access.addUser(system, { username: 'clerk', displayName: '报送员', password, departmentCode: 'SCJG', roles: ['department_operator'] })
    expect(user).toMatchObject({ username: 'clerk', departmentCode: 'SCJG', roles: ['department_operator'] })
    const stored = await platform.database.db.selectFrom('users').select('password_hash').where('username', '=', 'clerk').executeTakeFirstOrThrow()
    expect(stored.password_hash).toMatch(/^\$argon2id\$/)
    const { token } = await platform.access.login('clerk', password)
    expect(await platform.access.authenticateSession(token)).toMatchObject({ type: 'user', username: 'clerk', departmentCode: 'SCJG' })
    const session = await platform.database.db.selectFrom('sessions').select('token_hash').executeTakeFirstOrThrow()
    expect(session.token_hash).not.toBe(token)
  })

  it('refuses a wrong password, weak passwords and department roles without a department', async () => {
    const { platform } = get()
    await expect(platform.access.login('clerk', 'wrong-password-1A')).rejects.toMatchObject({ code: 'LOGIN_FAILED', kind: 'unauthenticated' })
    await expect(platform.access.addUser(system, { username: 'weak', displayName: 'w', password: 'short', roles: ['auditor'] })).rejects.toMatchObject({ code: 'PASSWORD_WEAK' })
    await expect(platform.access.addUser(system, { username: 'nodept', displayName: 'n', password, roles: ['department_operator'] })).rejects.toMatchObject({ code: 'USER_DEPARTMENT_REQUIRED' })
  })

  it('throttles repeated failed sign-ins', async () => {
    const { platform } = get()
    for (let i = 0; i < 5; i++) await expect(platform.access.login('nobody', 'x')).rejects.toMatchObject({ code: 'LOGIN_FAILED' })
    await expect(platform.access.login('nobody', 'x')).rejects.toMatchObject({ code: 'LOGIN_THROTTLED' })
  })

  it('expires sessions with the clock', async () => {
    const { platform, clock } = get()
    const { token } = await platform.access.login('clerk', password)
    clock.advance(9 * 3600_000)
    expect(await platform.access.authenticateSession(token)).toBeUndefined()
  })

  it('creates an API key shown once, stored hashed, and honours revocation', async () => {
    const { platform } = get()
    const { key, apiKey } = await platform.access.createApiKey(system, { name: '执法系统', departmentCode: 'SCJG', roles: ['department_operator'] })
    expect(key).toMatch(/^xy_[0-9a-f]{12}_/)
    const row = await platform.database.db.selectFrom('api_keys').selectAll().where('prefix', '=', apiKey.prefix).executeTakeFirstOrThrow()
    // The secret is everything after the prefix (it may itself hold '_').
    expect(JSON.stringify(row)).not.toContain(key.slice(`xy_${apiKey.prefix}_`.length))
    expect(await platform.access.authenticateApiKey(key)).toMatchObject({ type: 'api_key', departmentCode: 'SCJG', roles: ['department_operator'] })
    await expect(platform.access.authenticateApiKey(key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A'))).rejects.toMatchObject({ code: 'API_KEY_INVALID' })
    await platform.access.revokeApiKey(system, apiKey.prefix)
    await expect(platform.access.authenticateApiKey(key)).rejects.toMatchObject({ code: 'API_KEY_INVALID' })
  })

  it('keeps administration and audit roles off API keys', async () => {
    const { platform } = get()
    await expect(platform.access.createApiKey(system, { name: 'x', departmentCode: 'SCJG', roles: ['platform_admin'] })).rejects.toMatchObject({ code: 'API_KEY_ROLES_INVALID' })
  })

  it('lets only administrators manage users', async () => {
    const { platform } = get()
    const clerk = (await platform.access.authenticateSession((await platform.access.login('clerk', password)).token))!
    await expect(platform.access.addUser(clerk, { username: 'another', displayName: 'a', password, roles: ['auditor'] })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(platform.access.listUsers({ type: 'public' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
  })

  it('disables a user at once, ending the sessions, and enables them again; audited', async () => {
    const { platform } = get()
    await platform.access.addUser(system, { username: 'leaver', displayName: '离职员', password, departmentCode: 'SCJG', roles: ['department_operator'] })
    const { token } = await platform.access.login('leaver', password)
    expect(await platform.access.authenticateSession(token)).toMatchObject({ username: 'leaver' })
    expect(await platform.access.updateUser(system, 'leaver', { status: 'disabled' })).toMatchObject({ status: 'disabled' })
    expect(await platform.access.authenticateSession(token)).toBeUndefined()
    await expect(platform.access.login('leaver', password)).rejects.toMatchObject({ code: 'LOGIN_FAILED' })
    await platform.access.updateUser(system, 'leaver', { status: 'active' })
    expect(await platform.access.authenticateSession(token)).toBeUndefined() // the old session stays ended
    await expect(platform.access.login('leaver', password)).resolves.toMatchObject({ user: { username: 'leaver' } })
    const audit = await platform.database.db.selectFrom('audit_log').select(['action', 'detail']).where('entity_id', '=', 'leaver').where('action', '=', 'user.update').orderBy('id').execute()
    expect(audit.map((a) => JSON.parse(a.detail as string).after.status)).toEqual(['disabled', 'active'])
  })

  it('changes roles and department, applied from the next request, and keeps department roles tied to a department', async () => {
    const { platform } = get()
    await platform.departments.add(system, { code: 'GGZY', name: '新乡市公共资源交易中心', division: '410700', kind: 'provider' })
    await platform.access.addUser(system, { username: 'mover', displayName: '调岗员', password, departmentCode: 'SCJG', roles: ['department_operator'] })
    const { token } = await platform.access.login('mover', password)
    const moved = await platform.access.updateUser(system, 'mover', { departmentCode: 'GGZY', roles: ['credit_checker', 'credit_checker'], displayName: '核查员' })
    expect(moved).toMatchObject({ displayName: '核查员', departmentCode: 'GGZY', roles: ['credit_checker'], status: 'active' })
    expect(await platform.access.authenticateSession(token)).toMatchObject({ departmentCode: 'GGZY', roles: ['credit_checker'] })
    await expect(platform.access.updateUser(system, 'mover', { departmentCode: null })).rejects.toMatchObject({ code: 'USER_DEPARTMENT_REQUIRED' })
    await expect(platform.access.updateUser(system, 'mover', { roles: [] })).rejects.toMatchObject({ code: 'USER_ROLES_REQUIRED' })
    await expect(platform.access.updateUser(system, 'nobody-here', { status: 'disabled' })).rejects.toMatchObject({ code: 'USER_NOT_FOUND', kind: 'not_found' })
    expect(await platform.access.updateUser(system, 'mover', { departmentCode: null, roles: ['auditor'] })).toMatchObject({ departmentCode: null, roles: ['auditor'] })
  })

  it('never leaves the platform without an active administrator', async () => {
    const { platform } = get()
    await platform.access.addUser(system, { username: 'admin1', displayName: '管理员一', password, roles: ['platform_admin'] })
    await expect(platform.access.updateUser(system, 'admin1', { status: 'disabled' })).rejects.toMatchObject({ code: 'USER_LAST_ADMIN', kind: 'conflict' })
    await expect(platform.access.updateUser(system, 'admin1', { roles: ['auditor'] })).rejects.toMatchObject({ code: 'USER_LAST_ADMIN' })
    expect((await platform.access.listUsers(system)).find((u) => u.username === 'admin1')).toMatchObject({ status: 'active', roles: ['platform_admin'] })
    await platform.access.addUser(system, { username: 'admin2', displayName: '管理员二', password, roles: ['platform_admin'] })
    expect(await platform.access.updateUser(system, 'admin1', { status: 'disabled' })).toMatchObject({ status: 'disabled' })
    await expect(platform.access.updateUser(system, 'admin2', { roles: ['auditor'] })).rejects.toMatchObject({ code: 'USER_LAST_ADMIN' })
  })

  it('resets a password: the old one stops working and every session ends', async () => {
    const { platform } = get()
    await platform.access.addUser(system, { username: 'forgetful', displayName: '忘记密码', password, roles: ['auditor'] })
    const { token } = await platform.access.login('forgetful', password)
    await expect(platform.access.resetPassword(system, 'forgetful', 'short')).rejects.toMatchObject({ code: 'PASSWORD_WEAK' })
    await platform.access.resetPassword(system, 'forgetful', 'Another-Horse-7-staple')
    expect(await platform.access.authenticateSession(token)).toBeUndefined()
    await expect(platform.access.login('forgetful', password)).rejects.toMatchObject({ code: 'LOGIN_FAILED' })
    await expect(platform.access.login('forgetful', 'Another-Horse-7-staple')).resolves.toMatchObject({ user: { username: 'forgetful' } })
    const clerk = (await platform.access.authenticateSession((await platform.access.login('clerk', password)).token))!
    await expect(platform.access.resetPassword(clerk, 'forgetful', 'Third-Horse-5-battery')).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(platform.access.updateUser(clerk, 'forgetful', { status: 'disabled' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})
