import { describe, expect, it } from 'vitest'
import type { Actor } from '../security/actor.ts'
import type { Role } from '../security/roles.ts'
import { askerFor } from './asker.ts'

const user = (roles: Role[], departmentId: number | null = 5): Actor => ({ type: 'user', id: 1, username: 'u', displayName: 'U', departmentId, departmentCode: departmentId === null ? null : 'D', roles })
const provider = { id: 5, kind: 'provider' as const, status: 'active' }
const bank = { id: 5, kind: 'bank' as const, status: 'active' }

describe('askerFor', () => {
  it.each([
    ['nobody signed in is the public', { type: 'public' } as Actor, null, 'public'],
    ['the command line is the platform office', { type: 'system', name: 'cli:root' } as Actor, null, 'platform_office'],
    ['a platform administrator is the platform office', user(['platform_admin']), provider, 'platform_office'],
    ['a department clerk reads under government sharing', user(['department_operator']), provider, 'department'],
    ['a checker reads under government sharing', user(['credit_checker']), provider, 'department'],
    ['a bank’s checker is an authorised party', user(['credit_checker']), bank, 'authorised'],
    ['an auditor sees what the public sees', user(['auditor']), provider, 'public'],
    ['staff of an inactive department see what the public sees', user(['credit_checker']), { ...provider, status: 'inactive' }, 'public'],
    ['staff without a department see what the public sees', user(['credit_checker'], null), null, 'public'],
  ] as const)('%s', (_, actor, department, kind) => {
    expect(askerFor(actor, department).kind).toBe(kind)
  })

  it('never makes anyone the subject', () => {
    for (const roles of [['platform_admin'], ['credit_checker'], ['auditor'], []] as Role[][]) expect(askerFor(user(roles), provider).kind).not.toBe('subject')
  })
})
