/**
 * standing_facts on each store: built the first time checks need it, then kept in step by every
 * writer of records — collection's set-based rounds, a withdrawal, a commitment's breach — so that
 * it always equals what the records' current versions say; rebuilt per item when what is projected
 * changes.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Kysely } from 'kysely'
import type { Tables } from '../db/database.ts'
import { describeEachPlatform } from '../../test/platform-fixture.ts'
import { penaltyRow } from '../profiles/testing.ts'
import { standingFactsRepository } from './standing-facts.repository.ts'
import { desiredStandingItems, standingItemChanges } from './standing-projection.ts'
import { buildSanctionCity, commitmentRow, firms, listRow, type SanctionCity } from './testing.ts'

/** Every difference between standing_facts and the records' current versions (empty when in step). */
async function drift(db: Kysely<Tables>): Promise<string[]> {
  const items = new Map((await db.selectFrom('standing_items').select(['category', 'keys']).execute()).map((r) => [r.category, JSON.parse(r.keys) as string[]]))
  const facts = new Map((await db.selectFrom('standing_facts').selectAll().execute()).map((f) => [Number(f.record_id), f]))
  const problems: string[] = []
  if (items.size === 0) return facts.size ? ['facts without items'] : []
  const records = await db
    .selectFrom('records as r')
    .innerJoin('record_versions as v', 'v.id', 'r.current_version_id')
    .select(['r.id', 'r.subject_id', 'r.category', 'r.department_id', 'r.status', 'v.decision_date', 'v.publication_date', 'v.valid_from', 'v.valid_to', 'v.publicity_end', 'v.tier', 'v.payload'])
    .where('r.category', 'in', [...items.keys()])
    .execute()
  for (const r of records) {
    const f = facts.get(Number(r.id))
    facts.delete(Number(r.id))
    if (!f) {
      problems.push(`record ${r.id}: no fact`)
      continue
    }
    const payload = JSON.parse(r.payload) as Record<string, unknown>
    const want = Object.fromEntries(items.get(r.category)!.filter((k) => k in payload).map((k) => [k, payload[k]]))
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
    const expected = { subject: Number(r.subject_id), category: r.category, department: Number(r.department_id), status: r.status, dates: [r.decision_date, r.publication_date, r.valid_from, r.valid_to, r.publicity_end], tier: r.tier }
    const actual = { subject: Number(f.subject_id), category: f.category, department: Number(f.department_id), status: f.status, dates: [f.decision_date, f.publication_date, f.valid_from, f.valid_to, f.publicity_end], tier: f.tier }
    if (!same(expected, actual)) problems.push(`record ${r.id}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`)
    const fields = JSON.parse(f.fields) as Record<string, unknown>
    if (!same(Object.keys(fields).sort(), Object.keys(want).sort()) || Object.keys(want).some((k) => !same(fields[k], want[k]))) problems.push(`record ${r.id}: fields ${f.fields} ≠ ${JSON.stringify(want)}`)
  }
  for (const id of facts.keys()) problems.push(`fact ${id}: no such record of a projected item`)
  return problems
}

describeEachPlatform('standing facts (what a credit check reads)', (get) => {
  let city: SanctionCity
  const db = () => get().platform.database.db
  const factOf = async (recordId: number) => db().selectFrom('standing_facts').selectAll().where('record_id', '=', recordId).executeTakeFirstOrThrow()
  beforeAll(async () => {
    city = await buildSanctionCity(get().platform)
  })

  it('is built, item by item, the first time it is needed, with only the keys each item needs', async () => {
    // The city's records were collected before any check: nothing projected yet.
    expect(await db().selectFrom('standing_facts').select('record_id').execute()).toEqual([])
    const built = await get().platform.creditChecks.refreshStandingFacts()
    expect(built.built).toBeGreaterThan(5)
    // Three list entries, a red-list grade, a penalty and a commitment.
    expect(built.facts).toBe(6)
    expect(await drift(db())).toEqual([])
    const listed = JSON.parse((await factOf(await city.recordOf('YZSXZT', 'listed'))).fields) as Record<string, unknown>
    expect(listed).toMatchObject({ LISTING_REASON: '提供虚假材料骗取许可', DECISION_NUMBER: '新市监严列〔2026〕listed号' })
    // Nothing the check does not read, the sealed identity number least of all.
    expect(Object.keys(listed)).not.toContain('LEGAL_REP_ID_NUMBER')
    expect(Object.keys(listed)).not.toContain('SUBJECT_NAME')
    expect(await get().platform.creditChecks.refreshStandingFacts()).toEqual({ built: 0, facts: 0 })
  })

  it('follows collection: a new version replaces its fact and a new record adds one, in the batch that writes them', async () => {
    const listedId = await city.recordOf('YZSXZT', 'listed')
    await city.submit(city.actors.listingClerk, 'YZSXZT', [listRow('listed', { LISTING_REASON: '以欺骗手段取得许可', VALID_TO: '2030-01-09' })])
    expect(await factOf(listedId)).toMatchObject({ valid_to: '2030-01-09', status: 'in_force' })
    expect(JSON.parse((await factOf(listedId)).fields)).toMatchObject({ LISTING_REASON: '以欺骗手段取得许可' })
    await city.submit(city.actors.listingClerk, 'XZCF', [penaltyRow('新市监罚〔2026〕77号', { CF_XDR_MC: '新乡市clean测试有限公司', CF_XDR_SHXYM: firms.clean, CF_JDRQ: '2026-02-01' })])
    expect(await factOf(await city.recordOf('XZCF', 'clean'))).toMatchObject({ category: 'XZCF', decision_date: '2026-02-01', subject_id: city.subjectOf.clean })
    // A licence is not projected: no check reads it.
    expect(await drift(db())).toEqual([])
  })

  it('holds one fact, the last version\'s, for a record a batch creates and then revises', async () => {
    // New records' facts wait for the batch's end; a later row with the same key revises the record
    // within the batch, and the fact is the revision's alone.
    await city.submit(city.actors.listingClerk, 'XZCF', [
      penaltyRow('新市监罚〔2026〕78号', { CF_XDR_MC: '新乡市clean测试有限公司', CF_XDR_SHXYM: firms.clean, CF_JDRQ: '2026-03-01', CF_NR_FK: '1' }),
      penaltyRow('新市监罚(2026)78号', { CF_XDR_MC: '新乡市clean测试有限公司', CF_XDR_SHXYM: firms.clean, CF_JDRQ: '2026-03-02', CF_NR_FK: '2' }),
    ])
    const [record] = await db().selectFrom('records').select(['id', 'current_version']).where('business_key', 'like', '新市监罚(2026)78号%').execute()
    expect(record!.current_version).toBe(2)
    expect(await db().selectFrom('standing_facts').select('decision_date').where('record_id', '=', record!.id).execute()).toEqual([{ decision_date: '2026-03-02' }])
    expect(JSON.parse((await factOf(Number(record!.id))).fields)).toMatchObject({ CF_NR_FK: '2' })
    expect(await drift(db())).toEqual([])
  })

  it('follows a withdrawal and a breached commitment in their own transactions', async () => {
    const { platform } = get()
    const penalty = await city.recordOf('XZCF', 'penalised')
    await platform.withdrawals.withdraw(city.actors.listingClerk, penalty, { reason: '行政复议决定撤销原处罚决定', legalBasis: '《中华人民共和国行政复议法》第六十四条' })
    expect((await factOf(penalty)).status).toBe('revoked')
    await city.submit(city.actors.listingClerk, 'XYCN', [commitmentRow('red', 'CN-2026-002')])
    const commitment = await city.recordOf('XYCN', 'red')
    await platform.commitments.recordBreach(city.actors.listingClerk, commitment, { breachedOn: '2026-02-20', description: '未按期补齐证明材料' })
    expect(await factOf(commitment)).toMatchObject({ publication_date: '2026-02-20', tier: 'general' })
    expect(JSON.parse((await factOf(commitment)).fields)).toEqual({ FULFILMENT: '03' })
    expect(await drift(db())).toEqual([])
    // And the check reads it so: the breach now counts against the firm.
    const { results } = await platform.creditChecks.check(city.actors.checker, { matter: 'ZFCG', purpose: '政府采购资格审查', subjects: [firms.red] })
    expect(results[0]!.result!.negativeRecords).toEqual([expect.objectContaining({ recordId: commitment, category: 'XYCN' })])
  })

  it('rebuilds an item whose keys changed and drops an item no longer projected, leaving the others alone', async () => {
    const { platform } = get()
    const repo = standingFactsRepository(db(), platform.database.dialect)
    const stored = await repo.items()
    const before = await db().selectFrom('standing_facts').select(['record_id', 'category']).execute()
    const narrower = new Map(stored)
    narrower.set('YZSXZT', ['LISTING_REASON'])
    narrower.delete('NSXYAJ')
    expect(await repo.rebuild(narrower, '2026-03-02T02:00:00.000Z')).toEqual({ dropped: 1, built: 1, facts: 3 })
    expect(await drift(db())).toEqual([])
    const after = await db().selectFrom('standing_facts').select(['record_id', 'category']).execute()
    expect(after.length).toBe(before.filter((f) => f.category !== 'NSXYAJ').length)
    expect(JSON.parse((await factOf(await city.recordOf('YZSXZT', 'listed'))).fields)).toEqual({ LISTING_REASON: '以欺骗手段取得许可' })
    await repo.rebuild(stored, '2026-03-02T02:00:00.000Z')
    expect(await drift(db())).toEqual([])
  })
})

describe('standingItemChanges', () => {
  it('names items to drop and items to build whose keys differ or are new', () => {
    const stored = new Map([['A', ['k1', 'k2']], ['B', ['k']], ['C', ['x']]])
    const desired = new Map([['A', ['k1', 'k2']], ['B', ['k', 'm']], ['D', []]])
    const { drop, build } = standingItemChanges(stored, desired)
    expect(drop).toEqual(['C'])
    expect([...build]).toEqual([['B', ['k', 'm']], ['D', []]])
  })

  it('projects every list item, every negative item and the commitment item', () => {
    const listItem = { code: 'L', keys: { listName: 'N', reason: 'R', basis: null, authority: 'A', decisionNumber: null, removal: ['E'] } }
    const rules = { listItems: new Map([['L', listItem]]), negativeItems: new Map([['P', {}]]), commitment: { code: 'XYCN' } } as never
    const set = (keys: string[]) => ({ ruleSetVersion: 1, ruleOf: () => ({ categoryKeys: keys, fineKeys: ['FINE'] }) }) as never
    expect(desiredStandingItems(rules, [set(['CAT']), set(['CAT2'])])).toEqual(new Map([['L', ['A', 'E', 'N', 'R']], ['P', ['CAT', 'CAT2', 'FINE']], ['XYCN', ['FULFILMENT']]]))
  })
})
