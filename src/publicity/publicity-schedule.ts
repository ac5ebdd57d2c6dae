/**
 * The publicity scheduler: tells the change feed when a record's window closes (`publicity.ended`)
 * and when it passes the ceiling (`record.archived`), each exactly once.
 *
 * It keeps `publicity_schedule` (per record, the next end and archive day not yet announced) and
 * never scans every record per tick, nor adds work to the collection write path:
 * - records to (re-)plan come from the change feed after a high-water mark — gap-free by
 *   construction (changes/event-log.ts), so nothing committed out of order is missed: a batch's
 *   event brings the versions it wrote, a page at a time; any other event about a record (revoked,
 *   repaired, …) brings that record; decisions are also caught up by id;
 * - when the rule set in force or the catalog changes, every record is re-planned, a page per step;
 * - then the rows due today are re-assessed and announced in date order.
 * Each step is one transaction that first serialises with other tickers (an advisory lock on
 * PostgreSQL; on SQLite a first write takes the single write lock), so two processes ticking at
 * once announce nothing twice.
 */
import type { Database } from '../db/create-database.ts'
import type { Kysely } from 'kysely'
import type { Tables } from '../db/database.ts'
import { chinaDate, type Clock } from '../clock.ts'
import { serializeWriters } from '../db/serialize.ts'
import { appendEvents, type NewEvent } from '../changes/event-log.ts'
import type { AuditTrail } from '../security/audit-trail.ts'
import type { Actor } from '../security/actor.ts'
import type { CatalogRules } from '../profiles/item-rules-cache.ts'
import { assessPublicity, type PublicityAssessment } from './assess-publicity.ts'
import type { CompiledRules } from './compile-rules.ts'
import { planRecord } from './plan-publicity.ts'
import { publicityRecordOf } from './publicity-record.ts'
import { publicityRepository, type ProgressName, type ScheduleRow } from './publicity.repository.ts'
import type { PublicityRules } from './publicity-rules.ts'
import { decisionsByRecord, decisionsOf } from './record-decisions.ts'

export interface TickReport {
  ended: number
  archived: number
}

/** Records planned per step: small enough not to hold other writers up for long. */
const PAGE = 1000
const EVENT_PAGE = 500
export const schedulerActor: Actor = { type: 'system', name: 'publicity-scheduler' }

/** Events the scheduler itself writes: they change nothing it plans from. */
function ownEvent(type: string, payload: string): boolean {
  if (type === 'publicity.ended') return true
  return type === 'record.archived' && (JSON.parse(payload) as { source?: unknown }).source === 'publicity_ceiling'
}

/** A stable 31-bit digest (FNV-1a), stored as a progress mark. */
function digest(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 1) & 0x7fffffff
}

/** What of the catalog publicity depends on: an edit elsewhere (a description, a new alias) re-plans nothing. */
const publicityDigests = new WeakMap<CatalogRules, number>()
function publicityDigest(catalog: CatalogRules): number {
  let d = publicityDigests.get(catalog)
  if (d === undefined) {
    const relevant = [...catalog.definitions]
      .sort((a, b) => (a.code < b.code ? -1 : 1))
      .map((i) => [i.code, i.nature, i.publicityRule, i.fields.filter((f) => f.role === 'penalty_category' || f.role === 'fine_amount' || f.role === 'removal_date').map((f) => [f.key, f.role])])
    publicityDigests.set(catalog, (d = digest(JSON.stringify(relevant))))
  }
  return d
}

export function createPublicitySchedule(deps: {
  database: Database
  clock: Clock
  audit: AuditTrail
  rules: PublicityRules
  catalog: () => Promise<CatalogRules>
}) {
  const { database, clock } = deps

  type Loaded = { sets: Awaited<ReturnType<PublicityRules['sets']>>; catalog: Awaited<ReturnType<typeof deps.catalog>> }
  // Read outside any transaction: SQLite has one connection, which a transaction holds.
  const load = async (): Promise<Loaded> => {
    const [sets, catalog] = await Promise.all([deps.rules.sets(), deps.catalog()])
    return { sets, catalog }
  }

  /**
   * Whether a tick has anything to do: read-only, so that an idle tick (the change feed ticks before
   * every read) never waits for SQLite's write lock, which a batch holds while it writes.
   */
  async function pending({ sets, catalog }: Loaded): Promise<boolean> {
    const repo = publicityRepository(database.db)
    const today = chinaDate(clock)
    const progress = await repo.progress()
    if (!progress.has('events') || (progress.get('replan_after') ?? -1) >= 0) return true
    const compiled = deps.rules.compiled(sets, today, { key: catalog, definitions: catalog.definitions })
    if (progress.get('rule_set') !== compiled.ruleSetVersion || progress.get('catalog') !== publicityDigest(catalog)) return true
    const [events, decisions, ends, archives] = await Promise.all([repo.eventsAfter(progress.get('events')!, 1), repo.decisionsAfter(progress.get('decisions') ?? 0, 1), repo.dueEnds(today, 1), repo.dueArchives(today, 1)])
    return events.length + decisions.length + ends.length + archives.length > 0
  }

  async function step({ sets, catalog }: Loaded): Promise<TickReport & { more: boolean }> {
    return database.db.transaction().execute(async (trx) => {
      await serializeWriters(trx, database.dialect, 'publicity_schedule')
      const repo = publicityRepository(trx)
      await repo.bumpTick()
      const now = clock.now().toISOString()
      const today = chinaDate(clock)
      const compiled = deps.rules.compiled(sets, today, { key: catalog, definitions: catalog.definitions })
      const progress = await repo.progress()
      const mark = (name: ProgressName, fallback = 0) => progress.get(name) ?? fallback
      const setMark = async (name: ProgressName, value: number) => {
        if (progress.get(name) !== value) await repo.setProgress(name, value)
        progress.set(name, value)
      }
      const toPlan = new Set<number>()
      let more = false

      // First run: plan every record once; from then on follow the feed.
      if (!progress.has('events')) {
        await setMark('events', await repo.lastEventSeq())
        await setMark('decisions', await repo.lastDecisionId())
        await setMark('replan_after', 0)
      }
      const catalogDigest = publicityDigest(catalog)
      if (mark('rule_set', -1) !== compiled.ruleSetVersion || mark('catalog', -1) !== catalogDigest) {
        await setMark('rule_set', compiled.ruleSetVersion)
        await setMark('catalog', catalogDigest)
        await setMark('replan_after', 0)
      }

      const replanAfter = mark('replan_after', -1)
      if (replanAfter >= 0) {
        const ids = await repo.recordIdsAfter(replanAfter, PAGE)
        for (const id of ids) toPlan.add(id)
        await setMark('replan_after', ids.length < PAGE ? -1 : ids.at(-1)!)
        more ||= ids.length === PAGE
      }

      // Follow the feed: a batch's versions a page at a time, other record events one record each.
      let seq = mark('events')
      for (const e of await repo.eventsAfter(seq, EVENT_PAGE)) {
        if (toPlan.size >= PAGE) {
          more = true
          break
        }
        if (e.type === 'batch.committed') {
          const batchId = Number((JSON.parse(e.payload) as { batchId?: unknown }).batchId)
          if (Number.isSafeInteger(batchId)) {
            const versions = await repo.versionsOfBatch(batchId, mark('batch_version'), PAGE)
            for (const v of versions) toPlan.add(v.recordId)
            if (versions.length === PAGE) {
              await setMark('batch_version', versions.at(-1)!.id)
              more = true
              break
            }
          }
        } else if (e.recordId !== null && !ownEvent(e.type, e.payload)) toPlan.add(e.recordId)
        seq = e.seq
        await setMark('batch_version', 0)
      }
      if (seq !== mark('events')) {
        await setMark('events', seq)
        more = true
      }

      const decisions = await repo.decisionsAfter(mark('decisions'), PAGE)
      for (const d of decisions) toPlan.add(d.recordId)
      if (decisions.length) await setMark('decisions', decisions.at(-1)!.id)
      more ||= decisions.length === PAGE

      // What is due today, re-assessed before it is announced.
      for (const row of await repo.dueEnds(today, PAGE)) toPlan.add(row.recordId)
      for (const row of await repo.dueArchives(today, PAGE)) toPlan.add(row.recordId)

      const report = await plan(trx, [...toPlan], compiled, { today, now })
      return { ...report, more: more || report.ended + report.archived > 0 }
    })
  }

  /** Assesses the records, saves their plans and announces what is due, in date order. */
  async function plan(trx: Kysely<Tables>, recordIds: number[], compiled: CompiledRules, at: { today: string; now: string }): Promise<TickReport> {
    if (recordIds.length === 0) return { ended: 0, archived: 0 }
    const repo = publicityRepository(trx)
    const [facts, existing, decisions] = await Promise.all([repo.recordFacts(recordIds), repo.scheduleOf(recordIds), decisionsOf(trx, recordIds)])
    const byRecord = decisionsByRecord(decisions)
    const rows: ScheduleRow[] = []
    const due: Array<{ on: string; event: NewEvent }> = []
    for (const f of facts) {
      const a = assessPublicity(compiled.ruleOf(f.category), publicityRecordOf(f, f.departmentCode, byRecord.get(f.id)), at)
      const p = planRecord({ recordId: f.id, subjectId: f.subjectId, category: f.category }, a, existing.get(f.id), at.today)
      rows.push(p.row)
      for (const d of p.due) due.push({ on: d.on, event: d.kind === 'ended' ? endedEvent(f, a, d.on) : archivedEvent(f, a, d.on) })
    }
    // A planned record that cannot be read (no current version) has nothing due: never retried forever.
    const read = new Set(facts.map((f) => f.id))
    for (const [id, row] of existing) if (!read.has(id) && (row.endsOn !== null || row.archivesOn !== null)) rows.push({ ...row, endsOn: null, archivesOn: null })
    await repo.saveSchedule(rows, at.now)
    if (due.length === 0) return { ended: 0, archived: 0 }
    due.sort((x, y) => (x.on < y.on ? -1 : x.on > y.on ? 1 : x.event.recordId! - y.event.recordId!))
    const ended = due.filter((d) => d.event.type === 'publicity.ended').length
    const archived = due.length - ended
    await deps.audit.append(trx, { actor: schedulerActor, action: 'publicity.announce', entityType: 'publicity_schedule', entityId: at.today, detail: { ended, archived, ruleSetVersion: compiled.ruleSetVersion } })
    // Last: the feed's lock is held until commit.
    await appendEvents(trx, database.dialect, at.now, due.map((d) => d.event))
    return { ended, archived }
  }

  return {
    /**
     * Plans what changed and announces every window end and archive day now due; repeatable at will.
     * With a budget it stops after the first step that ends past it, leaving the rest to the next
     * tick: a change-feed read must not wait while a new rule set re-plans millions of records.
     */
    async tick(options: { budgetMs?: number } = {}): Promise<TickReport & { complete: boolean }> {
      const total: TickReport & { complete: boolean } = { ended: 0, archived: 0, complete: true }
      const deadline = options.budgetMs === undefined ? Infinity : performance.now() + options.budgetMs
      for (;;) {
        const loaded = await load()
        if (!(await pending(loaded))) return total
        const r = await step(loaded)
        total.ended += r.ended
        total.archived += r.archived
        if (!r.more) return total
        if (performance.now() > deadline) return { ...total, complete: false }
      }
    },
  }
}

const reasonOf = (a: PublicityAssessment) => ({ zh: a.reasons.map((r) => r.zh).join('；'), en: a.reasons.map((r) => r.en).join('; ') })

function endedEvent(f: { id: number; subjectId: number; category: string }, a: PublicityAssessment, on: string): NewEvent {
  return {
    type: 'publicity.ended',
    subjectId: f.subjectId,
    recordId: f.id,
    payload: { recordId: f.id, category: f.category, endedOn: on, tier: a.tier, ruleSetVersion: a.ruleSetVersion, ruleKind: a.ruleKind, legalBasis: a.legalBasis, reason: reasonOf(a), source: 'publicity_schedule' },
  }
}

function archivedEvent(f: { id: number; subjectId: number; category: string }, a: PublicityAssessment, on: string): NewEvent {
  return {
    type: 'record.archived',
    subjectId: f.subjectId,
    recordId: f.id,
    payload: { recordId: f.id, category: f.category, archivedOn: on, ruleSetVersion: a.ruleSetVersion, legalBasis: a.legalBasis, reason: reasonOf(a), source: 'publicity_ceiling' },
  }
}
