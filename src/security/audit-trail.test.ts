import { expect, it } from 'vitest'
import { sql } from 'kysely'
import { describeEachPlatform } from '../../test/platform-fixture.ts'
import type { Actor } from './actor.ts'

const admin: Actor = { type: 'system', name: 'test' }

describeEachPlatform('the audit trail', (get) => {
  it('chains entries written in the same transaction as the change', async () => {
    const { platform } = get()
    await platform.departments.add(admin, { code: 'AUD1', name: '测试一局', division: '410700', kind: 'provider' })
    await platform.departments.add(admin, { code: 'AUD2', name: '测试二局', division: '410700', kind: 'provider' })
    const entries = await platform.audit.list({ limit: 10, entityType: 'department' })
    expect(entries.map((e) => e.entityId)).toEqual(['AUD2', 'AUD1'])
    expect(await platform.audit.verify()).toEqual({ intact: true, entries: 2 })
  })

  it('writes no entry when the change fails', async () => {
    const { platform } = get()
    await expect(platform.departments.add(admin, { code: 'AUD1', name: '重复', division: '410700', kind: 'provider' })).rejects.toMatchObject({ code: 'DEPARTMENT_EXISTS' })
    expect((await platform.audit.verify()).entries).toBe(2)
  })

  it('detects an altered entry', async () => {
    const { platform } = get()
    const [latest] = await platform.audit.list({ limit: 1 })
    await sql`update audit_log set detail = ${'{"forged":true}'} where id = ${latest!.id}`.execute(platform.database.db)
    expect(await platform.audit.verify()).toMatchObject({ intact: false, brokenAt: latest!.id })
  })

  it('detects a deleted entry', async () => {
    const { platform } = get()
    await platform.departments.add(admin, { code: 'AUD3', name: '测试三局', division: '410700', kind: 'provider' })
    const entries = await platform.audit.list({ limit: 10 })
    // Remove the forged entry and its successor's link breaks.
    await sql`delete from audit_log where id = ${entries[1]!.id}`.execute(platform.database.db)
    expect(await platform.audit.verify()).toMatchObject({ intact: false, brokenAt: entries[0]!.id })
  })
})
