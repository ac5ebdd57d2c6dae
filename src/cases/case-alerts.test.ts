/** Case alerts on each store: raised once per case, kind and due date; filtered by type and department. */
import { expect, it } from 'vitest'
import { describeEachStore } from '../../test/store-fixture.ts'
import { openAlerts, raiseAlert } from './case-alerts.ts'

describeEachStore('case alerts', (store) => {
  it('are idempotent and filter by case type and department (null = the office)', async () => {
    const { db } = store().database
    const dept = await db.insertInto('departments').values({ code: 'SCJG', name: '市场监管局', name_en: 'SAMR', short_name: null, uscc: null, division: '410700', parent_code: null, kind: 'provider', status: 'active', created_at: 'x', updated_at: 'x' }).returning('id').executeTakeFirstOrThrow()
    const at = '2026-03-05T01:00:00.000Z'
    const raise = (over: Partial<Parameters<typeof raiseAlert>[1]>) => db.transaction().execute((trx) => raiseAlert(trx, { caseType: 'objection', caseId: 1, kind: 'reminder', dueOn: '2026-03-06', departmentId: null, at, ...over }))
    expect(await raise({})).toBe(true)
    expect(await raise({})).toBe(false)
    expect(await raise({ kind: 'overdue' })).toBe(true)
    expect(await raise({ dueOn: '2026-03-09' })).toBe(true)
    expect(await raise({ caseType: 'repair', departmentId: dept.id })).toBe(true)
    expect(await raise({ caseType: 'repair', departmentId: dept.id, at: 'later' })).toBe(false)
    expect(await openAlerts(db)).toHaveLength(4)
    expect((await openAlerts(db, { caseType: 'objection' })).map((a) => [a.kind, a.dueOn]).sort()).toEqual([['overdue', '2026-03-06'], ['reminder', '2026-03-06'], ['reminder', '2026-03-09']])
    expect(await openAlerts(db, { departmentId: dept.id })).toEqual([{ id: expect.any(Number), caseType: 'repair', caseId: 1, kind: 'reminder', dueOn: '2026-03-06', departmentId: dept.id, raisedAt: at }])
    expect(await openAlerts(db, { departmentId: null })).toHaveLength(3)
  })
})
