import { expect, it } from 'vitest'
import { sql } from 'kysely'
import { describeEachStore } from '../../test/store-fixture.ts'
import { schemaHelpers } from './migrations/schema-helpers.ts'
import { up } from './migrations/0016-check-measure-statements.ts'

describeEachStore('migration 0016: check measure statements', (store) => {
  it('rewrites stored answers to name their measures by code and keeps the wording once with the check', async () => {
    const { database } = store()
    const { db } = database
    await sql`alter table credit_checks drop column measures`.execute(db)
    if (database.dialect === 'postgres') await sql`alter table credit_check_results add constraint credit_check_results_check_id_fkey foreign key (check_id) references credit_checks (id)`.execute(db)
    const at = '2026-03-02T02:00:00.000Z'
    const check = await db
      .insertInto('credit_checks')
      .values({ matter: 'ZFCG', purpose: '政府采购', department_id: null, actor_type: 'user', actor_id: '1', channel: 'api', at, checked_on: '2026-03-02', subjects: 3, found: 2, hits: 1, feedback_due_on: '2026-03-16', last_feedback_at: null } as never)
      .returning('id')
      .executeTakeFirstOrThrow()
    const entry = { recordId: 7, category: 'YZSXZT', listKind: 'black', listName: '严重失信名单', authority: '市场监管局', decisionNumber: '新〔2026〕1号', reason: '虚假材料', listingDate: '2026-01-10', startDate: '2026-01-10', endDate: null }
    const ban = { code: 'LC01', name: '限制参加政府采购活动', effect: 'punishment', part: 'legal', legalBasis: '《河南省社会信用条例》第三十四条', implementers: ['CZJ'] }
    const old = { entries: [entry], negativeRecords: [], punishments: [{ ...ban, triggeredBy: [{ kind: 'list_entry', recordId: 7, category: 'YZSXZT', listName: '严重失信名单' }] }], incentives: [], why: ['LC01 限制参加政府采购活动：因列入「严重失信名单」（记录 7）'] }
    const error = { error: { code: 'SUBJECT_CODE_INVALID', message: '代码无效', message_en: 'Invalid code' } }
    await db
      .insertInto('credit_check_results')
      .values([
        { check_id: check.id, position: 1, code: 'A', subject_id: null, hit: 1, outcome: JSON.stringify(old) },
        { check_id: check.id, position: 2, code: 'B', subject_id: null, hit: 0, outcome: null },
        { check_id: check.id, position: 3, code: 'C', subject_id: null, hit: 0, outcome: JSON.stringify(error) },
      ])
      .execute()

    await up(db, schemaHelpers(db, database.dialect))

    const { measures } = await db.selectFrom('credit_checks').select('measures').where('id', '=', check.id).executeTakeFirstOrThrow()
    expect(JSON.parse(measures)).toEqual([ban])
    const rows = await db.selectFrom('credit_check_results').select(['position', 'outcome']).where('check_id', '=', check.id).orderBy('position').execute()
    expect(rows.map((r) => (r.outcome === null ? null : JSON.parse(r.outcome)))).toEqual([{ entries: [entry], negativeRecords: [], punishments: [{ code: 'LC01', triggeredBy: [7] }], incentives: [] }, null, error])
    if (database.dialect === 'postgres') {
      const keys = await sql<{ n: number }>`select count(*) as n from pg_constraint where conname = 'credit_check_results_check_id_fkey' and connamespace = current_schema()::regnamespace`.execute(db)
      expect(Number(keys.rows[0]!.n)).toBe(0)
    }
  })
})
