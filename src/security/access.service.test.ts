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
    expect(JSON.stringify(row)).not.toContain(key.split('_')[2])
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
})
