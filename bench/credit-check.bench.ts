/**
 * Issue 6's figures, on the query bench's store (1M subjects, 10M records): a batch credit check of
 * 100,000 subjects for 政府采购 (target < 3 s) and single checks over HTTP at concurrency 16 (target
 * p99 < 10 ms). The bench's list records get the written pre-notices their listing departments
 * would have served (河南条例 Art. 28), or no black-list entry would take effect.
 */
import { sql } from 'kysely'
import { httpFloor, loadOverHttp, percentiles } from './http-load.ts'
import type { Actor } from '../src/security/actor.ts'
import type { Platform } from '../src/platform.ts'

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
const ms = (n: number) => `${fmt(n, 2)} ms`


/** One pre-notice per listed subject and list item that requires one, served long before listing. */
async function servePreNotices(platform: Platform): Promise<number> {
  const items = await platform.sanctionSettings.preNoticeItems()
  if (items.length === 0) return 0
  const department = await platform.departments.get('FGW')
  const result = await sql`
    insert into list_pre_notices (subject_id, category, department_id, notice_number, served_on, delivery, basis, reasons, measures, objection_until, recorded_by, created_at)
    select distinct r.subject_id, r.category, cast(${department.id} as bigint), 'bench-notice', '2000-01-01', '直接送达', '《河南省社会信用条例》第二十八条', '基准测试', '联合惩戒措施', null, 'system:bench', '2026-01-01T00:00:00.000Z'
    from records r where category in (${sql.join(items)})
      and not exists (select 1 from list_pre_notices n where n.subject_id = r.subject_id and n.category = r.category)`.execute(platform.database.db)
  return Number(result.numAffectedRows ?? 0)
}

const checkPath = '/api/v1/credit-checks'
const checkBody = JSON.stringify({ matter: 'ZFCG', purpose: '政府采购供应商资格审查', subjects: ['{code}'] })
const checksOverHttp = (base: string, key: string, codes: string[], n: number) => loadOverHttp({ base, path: checkPath, codes, n, headers: { authorization: `Bearer ${key}` }, bodyTemplate: checkBody })

/** 100,000 distinct subjects spread over the store, by USCC (organisations) or id (persons). */
async function distinctCodes(platform: Platform, count: number): Promise<string[]> {
  const db = platform.database.db
  const { n } = await db.selectFrom('subjects').select((eb) => eb.fn.max<number>('id').as('n')).executeTakeFirstOrThrow()
  const step = Math.max(1, Math.floor(Number(n) / count))
  const ids = Array.from({ length: Math.min(count, Number(n)) }, (_, i) => 1 + i * step)
  const uscc = new Map<number, string>()
  for (let i = 0; i < ids.length; i += 5000) {
    for (const r of await db.selectFrom('subject_identifiers').select(['subject_id', 'value']).where('scheme', '=', 'uscc').where('subject_id', 'in', ids.slice(i, i + 5000)).execute()) uscc.set(Number(r.subject_id), r.value!)
  }
  return ids.map((id) => uscc.get(id) ?? String(id))
}

export async function benchCreditChecks(platform: Platform, http: { base: string; key: string }, checker: Actor, codes: string[], print: (line: string) => void): Promise<void> {
  const notices = await servePreNotices(platform)
  // Statistics for the new rows, as autovacuum would gather them within the minute (PostgreSQL otherwise plans for an empty table).
  await sql`analyze list_pre_notices`.execute(platform.database.db)
  print(`  credit checks: ${fmt(notices)} pre-notices served to listed subjects`)
  const batch = await distinctCodes(platform, 100_000)
  await platform.creditChecks.check(checker, { matter: 'ZFCG', purpose: '预热 warm-up', subjects: batch.slice(0, 5000) })
  // The worker thread of large checks starts at the first batch; a serving platform has it ready.
  const parallel = await platform.creditChecks.parallelReady()
  const runs: number[] = []
  let hits = 0
  for (let i = 0; i < 3; i++) {
    const t = performance.now()
    const out = await platform.creditChecks.check(checker, { matter: 'ZFCG', purpose: '政府采购供应商资格审查（批量）', subjects: batch })
    runs.push(performance.now() - t)
    hits = out.check.hits
  }
  print(`  credit check in-process, batch of ${fmt(batch.length)} subjects for 政府采购 (${fmt(hits)} hits, stored and query-logged, ${parallel ? 'decided on two threads' : 'one thread'}): ${runs.map((r) => fmt(r)).join(' / ')} ms, median ${ms(percentiles(runs).p50)}  target < 3,000 ms`)
  const N = Number(process.env.BENCH_CHECKS ?? 5000)
  await checksOverHttp(http.base, http.key, codes, 500)
  const single = await checksOverHttp(http.base, http.key, codes, N)
  print(`  credit check over HTTP, one subject each, concurrency 16, ${fmt(N)} requests: p50 ${ms(single.p50)}, p99 ${ms(single.p99)}, max ${ms(single.max)}, ${fmt(single.perSecond)} req/s${single.failed ? `, ${single.failed} failed` : ''}  target p99 < 10 ms`)
  const answer = await (await fetch(`${http.base}${checkPath}`, { method: 'POST', headers: { authorization: `Bearer ${http.key}`, 'content-type': 'application/json' }, body: checkBody.replace('"{code}"', JSON.stringify(codes[0])) })).text()
  const floor = await httpFloor(answer, { path: checkPath, codes, n: N, bodyTemplate: checkBody })
  print(`  HTTP floor: a bare Fastify route answering one such check (${fmt(answer.length)} chars), same client, concurrency 16: p50 ${ms(floor.p50)}, p99 ${ms(floor.p99)}, ${fmt(floor.perSecond)} req/s`)
}
