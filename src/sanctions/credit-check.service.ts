/**
 * The credit check (信用核查) and its feedback (反馈). A check resolves up to 100,000 codes, reads
 * the list entries and negative records of every subject found set-based, decides per subject with
 * the pure checkCredit, and stores the check, its results and the query-log entries of the reads in
 * one transaction (a check is a read of government-shared data). The checking department later
 * reports per subject what it did; checks with hits and no report after the configured working days
 * are overdue. Statistics count checks, hits, feedback and the measures applied.
 */
import type { Database } from '../db/create-database.ts'
import { chinaDate, type Clock } from '../clock.ts'
import { AppError, forbidden, notFound } from '../errors.ts'
import type { AuditTrail } from '../security/audit-trail.ts'
import { actorRef, type Actor } from '../security/actor.ts'
import { authorize, can, canActFor } from '../security/policy.ts'
import type { PersonalDataCipher } from '../security/personal-data.ts'
import { logReads, queryLogRows, type QueryChannel, type QueryLogEntry } from '../security/query-log.ts'
import type { CatalogService } from '../catalog/catalog.service.ts'
import type { CalendarService } from '../calendar/calendar.service.ts'
import { addWorkingDays } from '../calendar/working-days.ts'
import { resolveSubjectCodes } from '../subjects/code-resolver.ts'
import { subjectLookupRepository } from '../subjects/subject-lookup.repository.ts'
import { checkCredit, type SubjectStanding } from './credit-check.ts'
import type { Matter } from './matters.ts'
import type { Measure } from './measures.ts'
import type { MeasureService } from './measure.service.ts'
import type { SanctionSettings } from './sanction-settings.ts'
import { assembleStandings, BREACH_CODE, compileStandingRules, FULFILMENT_KEY, type StandingRules } from './standing.ts'
import { earliestStartShown, negativeAssessor, tierFieldKeys } from './negative-in-force.ts'
import { createPublicityRules } from '../publicity/publicity-rules.ts'
import { publicityRepository } from '../publicity/publicity.repository.ts'
import { ruleSetInForce } from '../publicity/rule-set.ts'
import { builtInRuleSet } from '../publicity/built-in-rule-set.ts'
import type { CatalogItemDefinition } from '../catalog/catalog.ts'
import { standingRepository, type CategoryRead } from './standing.repository.ts'
import { standingFactsRepository } from './standing-facts.repository.ts'
import { desiredStandingItems, standingItemChanges, type StandingItems } from './standing-projection.ts'
import { compilePublicityRules } from '../publicity/compile-rules.ts'
import { configCache, configGeneration } from '../db/config-generation.ts'
import type { PublicityRuleSet } from '../publicity/rule-set.ts'
import { listEntryKeys } from './list-items.ts'
import { creditCheckRepository, insertResults, insertSmallCheck, ONE_STATEMENT_AT_MOST, type CheckRow, type ResultRow } from './credit-check.repository.ts'
import { bulkTransaction } from '../db/bulk-transaction.ts'
import type { Config } from '../config.ts'
import { checkWorkerFor, type PartDecisions, type PartRequest, type SubjectDecision } from './parallel-check.ts'
import type { AssessmentInstant } from '../publicity/assess-publicity.ts'
import { answerOf, checkFeedback, measureStatement, storedResult, type CheckResultBody, type FeedbackOutcome, type MeasureStatement, type StoredResult } from './check-result.ts'

export const MAX_CHECK_SUBJECTS = 100_000
/** Results answered with the check itself; the rest are paged (GET /credit-checks/:id). */
export const INLINE_RESULTS = 1000

export interface CheckInput {
  matter: string
  purpose: string
  subjects: readonly string[]
  channel?: QueryChannel
}

export interface CheckSummary {
  id: number
  matter: { code: string; name: string; legalBasis: string }
  purpose: string
  department: string | null
  checkedBy: string
  at: string
  subjects: number
  found: number
  hits: number
  feedbackDueOn: string | null
  feedbackCount: number
  overdue: boolean
}

export interface CheckResult {
  position: number
  code: string
  found: boolean
  subjectId: number | null
  name?: string
  hit: boolean
  result: CheckResultBody | null
  error?: { code: string; message: string; message_en: string }
}

export interface FeedbackInput {
  code: string
  measures: string[]
  outcome: FeedbackOutcome
  reason?: string
  amount?: string
  note?: string
}

/** The catalog's definitions and the standing rules compiled from them (with the pre-notice setting). */
interface CompiledItems {
  rules: StandingRules
  definitions: CatalogItemDefinition[]
}

export function createCreditCheckService(deps: { config?: Config; database: Database; clock: Clock; audit: AuditTrail; cipher: PersonalDataCipher; catalog: CatalogService; calendar: CalendarService; measures: MeasureService; settings: SanctionSettings }) {
  const { database, clock, audit, cipher } = deps
  const { db } = database
  const repo = creditCheckRepository(db)
  const standings = standingRepository(database)
  const facts = standingFactsRepository(db, database.dialect)

  // A check reads the configuration generation once and hands it to every cache it consults.
  const generation = configGeneration(db)
  // The compiled item rules, reloaded only when the configuration (catalog, pre-notice setting) changes.
  const itemRules = configCache(generation, async (at): Promise<CompiledItems> => {
    const preNotice = await deps.settings.preNoticeItems(at)
    const definitions = (await deps.catalog.list()).map((v) => v.definition)
    return { rules: compileStandingRules(definitions, new Set(preNotice)), definitions }
  })
  // Negative records count while the publicity rules engine shows them (the profile's rules).
  const publicityRules = createPublicityRules({ repo: publicityRepository(db), generation })

  // What standing_facts must project for these rules and rule sets, and the last such map found in the store.
  let desired: { rules: StandingRules; sets: readonly PublicityRuleSet[]; items: StandingItems } | undefined
  let confirmed: StandingItems | undefined
  /** Rebuilds the projection when the catalog or the rule sets need other keys than it holds; one cached comparison otherwise. */
  async function ensureStandingFacts({ rules, definitions }: CompiledItems, sets: readonly PublicityRuleSet[]): Promise<{ built: number; facts: number }> {
    if (desired?.rules !== rules || desired.sets !== sets) {
      desired = { rules, sets, items: desiredStandingItems(rules, sets.map((set) => compilePublicityRules(set, definitions))) }
    }
    const want = desired.items
    if (confirmed === want) return { built: 0, facts: 0 }
    const { drop, build } = standingItemChanges(await facts.items(), want)
    let done = { built: 0, facts: 0 }
    if (drop.length > 0 || build.size > 0) done = await facts.rebuild(want, clock.now().toISOString())
    confirmed = want
    return done
  }

  /** Every found subject's standing: list records always, negative records only when a measure of the matter reads them. */
  async function standingsOf(subjects: ReadonlyMap<number, { kind: string }>, measures: readonly Measure[], when: AssessmentInstant, at: number): Promise<Map<number, SubjectStanding>> {
    const { today } = when
    const items = await itemRules.current(at)
    const { rules } = items
    const ids = [...subjects.keys()]
    const readsNegative = measures.some((m) => m.trigger.negativeTiers?.length)
    const sets = await publicityRules.sets(at)
    await ensureStandingFacts(items, sets)
    const set = ruleSetInForce(sets, today) ?? builtInRuleSet
    const compiled = publicityRules.compiled(sets, today, { key: rules, definitions: items.definitions })
    // Only what can count today: entries not yet expired, negative records within the longest window.
    const reads: CategoryRead[] = [...rules.listItems.values()].map((item) => ({ category: item.code, fields: { kind: 'keys', keys: listEntryKeys(item) }, validToFrom: today }))
    if (readsNegative) {
      for (const category of rules.negativeItems.keys()) {
        const rule = compiled.ruleOf(category)
        const datedFrom = earliestStartShown(rule, today)
        reads.push({ category, fields: { kind: 'tier_keys', keys: tierFieldKeys(rule) }, ...(datedFrom ? { datedFrom } : {}) })
      }
      if (rules.commitment) reads.push({ category: rules.commitment.code, fields: { kind: 'none' }, fieldEquals: { key: FULFILMENT_KEY, value: BREACH_CODE } })
    }
    const rows = await standings.recordsOf(ids, reads)
    const withRecords = [...new Set(rows.map((r) => r.subjectId))]
    const listed = [...new Set(rows.filter((r) => rules.listItems.has(r.category)).map((r) => r.subjectId))]
    const [decisions, preNotices] = await Promise.all([standings.decisionsOf(withRecords), standings.preNoticeDates(listed)])
    return assembleStandings(subjects, rows, decisions, preNotices, rules, negativeAssessor(compiled, set, when))
  }

  /**
   * What the check says about each of these subjects, as it is stored: whether it is a hit, the
   * stored answer, the records it rests on, and the measures' wording. Pure of the caller: the
   * instant and the configuration generation are given, so a worker thread decides a share of a
   * large check exactly as this thread would (check-worker.ts).
   */
  async function decideSubjects(subjects: ReadonlyMap<number, { kind: string }>, part: PartRequest): Promise<PartDecisions> {
    const catalog = await deps.measures.current(part.configAt)
    const matter = catalog.matter(part.matter)
    if (!matter) throw new Error(`No matter ${part.matter}`)
    const measures = catalog.measures.filter((m) => m.matters.includes(matter.code))
    const standingOf = await standingsOf(subjects, measures, part.when, part.configAt)
    const decisions: Array<[number, SubjectDecision]> = []
    const stated = new Map<string, MeasureStatement>()
    for (const [subjectId, subject] of subjects) {
      const standing = standingOf.get(subjectId)
      // Nothing on record that a check reads: nothing to say (a natural person is still logged).
      if (!standing) {
        if (subject.kind === 'natural_person') decisions.push([subjectId, { hit: false, outcome: null, recordIds: [] }])
        continue
      }
      const outcome = checkCredit(standing, matter, measures, part.when.today)
      for (const a of outcome.punishments) if (!stated.has(a.measure.code)) stated.set(a.measure.code, measureStatement(a.measure))
      for (const a of outcome.incentives) if (!stated.has(a.measure.code)) stated.set(a.measure.code, measureStatement(a.measure))
      const stored = storedResult(outcome)
      const recordIds = stored ? [...stored.entries.map((e) => e.recordId), ...stored.negativeRecords.map((n) => n.recordId)] : []
      decisions.push([subjectId, { hit: outcome.hit, outcome: stored === null ? null : JSON.stringify(stored), recordIds }])
    }
    return { decisions, stated: [...stated.values()] }
  }

  const worker = checkWorkerFor(deps.config)
  /** A large check's subjects decided half here and half on the worker thread, when it is ready. */
  async function decideAll(subjects: ReadonlyMap<number, { kind: string }>, part: PartRequest): Promise<PartDecisions> {
    if (!worker?.readyFor(subjects.size)) return decideSubjects(subjects, part)
    // Rebuilt here first if the projection is behind, so the worker only reads it.
    const items = await itemRules.current(part.configAt)
    await ensureStandingFacts(items, await publicityRules.sets(part.configAt))
    const entries = [...subjects]
    const half = Math.ceil(entries.length / 2)
    const theirs = entries.slice(half)
    const [other, mine] = await Promise.all([worker.decide(theirs, part).catch(() => undefined), decideSubjects(new Map(entries.slice(0, half)), part)])
    // A worker that failed, or saw the configuration change while it worked, is not trusted: its half is decided here.
    const second = other ?? (await decideSubjects(new Map(theirs), part))
    const stated = new Map([...mine.stated, ...second.stated].map((m) => [m.code, m]))
    return { decisions: [...mine.decisions, ...second.decisions], stated: [...stated.values()] }
  }

  const summaryOf = (c: CheckRow, matter: Matter | undefined, today: string): CheckSummary => ({
    id: c.id,
    matter: { code: c.matter, name: matter?.name ?? c.matter, legalBasis: matter?.legalBasis ?? '' },
    purpose: c.purpose,
    department: c.departmentCode,
    checkedBy: `${c.actorType}:${c.actorId}`,
    at: c.at,
    subjects: c.subjects,
    found: c.found,
    hits: c.hits,
    feedbackDueOn: c.feedbackDueOn,
    feedbackCount: c.feedbackCount,
    overdue: c.hits > 0 && c.feedbackCount === 0 && c.feedbackDueOn !== null && c.feedbackDueOn < today,
  })

  const resultOf = (r: ResultRow, statements: ReadonlyMap<string, MeasureStatement>, names?: ReadonlyMap<number, { name: string }>): CheckResult => {
    const stored = r.outcome === null ? null : (JSON.parse(r.outcome) as Partial<StoredResult> & { name?: string; error?: CheckResult['error'] })
    const name = r.subjectId !== null ? (names?.get(r.subjectId)?.name ?? stored?.name) : undefined
    return {
      position: r.position,
      code: r.code,
      found: r.subjectId !== null,
      subjectId: r.subjectId,
      ...(name !== undefined ? { name } : {}),
      hit: r.hit,
      result: stored?.entries ? answerOf(stored as StoredResult, statements) : null,
      ...(stored?.error ? { error: stored.error } : {}),
    }
  }
  const statementsOf = (c: CheckRow) => new Map(c.measures.map((m) => [m.code, m]))

  async function getOwnCheck(actor: Actor, id: number): Promise<CheckRow> {
    authorize(actor, 'check_credit')
    const c = await repo.findCheck(id)
    if (!c) throw notFound('CHECK_NOT_FOUND', `核查 ${id} 不存在`, `No credit check ${id}`)
    if (c.departmentId !== null ? !canActFor(actor, c.departmentId) : !can(actor, 'manage_measures')) throw notFound('CHECK_NOT_FOUND', `核查 ${id} 不存在`, `No credit check ${id}`)
    return c
  }

  const departmentOf = (actor: Actor): number | null => (actor.type === 'user' || actor.type === 'api_key' ? actor.departmentId : null)

  return {
    /** For the check worker (check-worker.ts) only: it neither authorizes nor logs; check() does both. */
    decideSubjects,
    /** Starts the worker thread of large checks and resolves once it is ready (false: none, or it failed). */
    parallelReady: async (): Promise<boolean> => (worker ? worker.started() : false),
    /** Subjects decided on the worker thread so far. */
    decidedInParallel: (): number => worker?.decided() ?? 0,
    close: async (): Promise<void> => worker?.close(),

    /**
     * Brings standing_facts up to what checks read (the scheduler and bulk loaders call it; a check
     * does too, first). Returns how many items and facts it rebuilt.
     */
    async refreshStandingFacts(): Promise<{ built: number; facts: number }> {
      const at = await generation()
      return ensureStandingFacts(await itemRules.current(at), await publicityRules.sets(at))
    },

    async check(actor: Actor, input: CheckInput): Promise<{ check: CheckSummary; results: CheckResult[]; more: boolean }> {
      authorize(actor, 'check_credit')
      if (input.subjects.length > MAX_CHECK_SUBJECTS) {
        throw new AppError('CHECK_TOO_MANY_SUBJECTS', `每次核查最多 ${MAX_CHECK_SUBJECTS.toLocaleString('en')} 个主体（本次 ${input.subjects.length.toLocaleString('en')} 个），请分批核查`, `At most ${MAX_CHECK_SUBJECTS.toLocaleString('en')} subjects per check (got ${input.subjects.length.toLocaleString('en')}); split the list`, { kind: 'too_large', details: { max: MAX_CHECK_SUBJECTS, given: input.subjects.length } })
      }
      if (input.subjects.length === 0) throw new AppError('CHECK_SUBJECTS_REQUIRED', '请给出至少一个主体代码', 'Give at least one subject code', { details: { field: 'subjects' } })
      const purpose = input.purpose.trim()
      if (!purpose) throw new AppError('CHECK_PURPOSE_REQUIRED', '信用核查须写明用途（办理的业务）', 'A credit check must state its purpose (the business handled)', { details: { field: 'purpose' } })
      const configAt = await generation()
      const catalog = await deps.measures.current(configAt)
      const matter = catalog.matter(input.matter)
      if (!matter) throw new AppError('MATTER_NOT_FOUND', `事项 ${input.matter} 不存在`, `No matter ${input.matter}`, { details: { field: 'matter', matters: catalog.matters.map((m) => m.code) } })
      const when = { today: chinaDate(clock), now: clock.now().toISOString() }
      const { today } = when

      const codes = input.subjects.map((c) => String(c).trim())
      const { results: resolved, summaries } = await resolveSubjectCodes(codes, { cipher, repo: subjectLookupRepository(database) })
      const decided = await decideAll(summaries, { matter: matter.code, when, configAt })
      const decisionOf = new Map(decided.decisions)
      const stated = new Map(decided.stated.map((m) => [m.code, m]))

      const rows: ResultRow[] = []
      const logs: QueryLogEntry[] = []
      const logged = new Set<number>()
      const loggedPurpose = `信用核查 credit check ${matter.code}: ${purpose}`.slice(0, 500)
      let hits = 0
      let found = 0
      resolved.forEach((r, i) => {
        const code = codes[i]!.slice(0, 64)
        if (!r.found) {
          rows.push({ position: i + 1, code, subjectId: null, hit: false, outcome: r.error ? JSON.stringify({ error: r.error }) : null })
          return
        }
        found++
        const d = decisionOf.get(r.subjectId)
        if (d?.hit) hits++
        rows.push({ position: i + 1, code, subjectId: r.subjectId, hit: d?.hit ?? false, outcome: d?.outcome ?? null })
        // Logged: whatever non-public the answer rests on, and every natural person.
        if (d && !logged.has(r.subjectId) && (d.recordIds.length > 0 || r.subject.kind === 'natural_person')) {
          logged.add(r.subjectId)
          logs.push({ actor, subjectId: r.subjectId, recordIds: d.recordIds, purpose: loggedPurpose, channel: input.channel ?? 'api' })
        }
      })

      const feedbackDays = await deps.settings.feedbackWorkingDays(configAt)
      const feedbackDueOn = hits > 0 ? addWorkingDays(await deps.calendar.current(), today, feedbackDays) : null
      const ref = actorRef(actor)
      const at = clock.now().toISOString()
      const departmentId = departmentOf(actor)
      const stored = { matter: matter.code, purpose: purpose.slice(0, 500), departmentId, actorType: ref.type, actorId: ref.id, channel: input.channel ?? 'api', at, checkedOn: today, subjects: codes.length, found, hits, feedbackDueOn, measures: [...stated.values()] }
      const id =
        database.dialect === 'postgres' && rows.length + logs.length <= ONE_STATEMENT_AT_MOST
          ? await insertSmallCheck(db, stored, rows, queryLogRows(clock, logs))
          : await bulkTransaction(database, async (tx) => {
              const checkId = await creditCheckRepository(tx.db).insertCheck(stored)
              await insertResults(tx, checkId, rows)
              await logReads(tx, clock, logs)
              return checkId
            })
      const check = summaryOf({ id, matter: matter.code, purpose, departmentId, departmentCode: actor.type === 'user' || actor.type === 'api_key' ? actor.departmentCode : null, actorType: ref.type, actorId: ref.id, channel: input.channel ?? 'api', at, checkedOn: today, subjects: codes.length, found, hits, feedbackDueOn, feedbackCount: 0, lastFeedbackAt: null, measures: [...stated.values()] }, matter, today)
      return { check, results: rows.slice(0, INLINE_RESULTS).map((r) => resultOf(r, stated, summaries)), more: rows.length > INLINE_RESULTS }
    },

    async get(actor: Actor, id: number, page: { afterPosition?: number; limit?: number; hitsOnly?: boolean } = {}): Promise<{ check: CheckSummary; results: CheckResult[]; nextPosition: number | null }> {
      const c = await getOwnCheck(actor, id)
      const limit = Math.min(page.limit ?? 500, 5000)
      const rows = await repo.results(id, { afterPosition: page.afterPosition ?? 0, limit: limit + 1, hitsOnly: page.hitsOnly ?? false })
      const shown = rows.slice(0, limit)
      const names = await subjectLookupRepository(database).subjectSummaries([...new Set(shown.map((r) => r.subjectId).filter((s): s is number => s !== null))])
      const matter = (await deps.measures.current()).matter(c.matter)
      return { check: summaryOf(c, matter, chinaDate(clock)), results: shown.map((r) => resultOf(r, statementsOf(c), names)), nextPosition: rows.length > limit ? shown[shown.length - 1]!.position : null }
    },

    async list(actor: Actor, filter: { overdue?: boolean; department?: number; beforeId?: number; limit?: number }): Promise<CheckSummary[]> {
      authorize(actor, 'check_credit')
      const own = departmentOf(actor)
      const departmentId = can(actor, 'manage_measures') ? filter.department : (own ?? -1)
      const today = chinaDate(clock)
      const rows = await repo.listChecks({ ...(departmentId !== undefined ? { departmentId } : {}), ...(filter.overdue ? { overdueOn: today } : {}), ...(filter.beforeId ? { beforeId: filter.beforeId } : {}), limit: Math.min(filter.limit ?? 100, 500) })
      const catalog = await deps.measures.current()
      return rows.map((c) => summaryOf(c, catalog.matter(c.matter), today))
    },

    /** The checking department reports, per subject, what it did with the check's answer. Audited. */
    async feedback(actor: Actor, id: number, items: readonly FeedbackInput[]): Promise<{ check: CheckSummary; recorded: number }> {
      const c = await getOwnCheck(actor, id)
      if (items.length === 0) throw new AppError('CHECK_FEEDBACK_EMPTY', '请至少反馈一个主体', 'Report on at least one subject')
      const statements = statementsOf(c)
      const byCode = new Map<string, ResultRow>()
      for (const r of await repo.resultsByCode(id, [...new Set(items.map((f) => f.code.trim()))])) if (!byCode.has(r.code)) byCode.set(r.code, r)
      const rows = items.map((f) => {
        const r = byCode.get(f.code.trim())
        if (!r) throw new AppError('CHECK_FEEDBACK_SUBJECT_UNKNOWN', `本次核查没有主体 ${f.code}`, `The check holds no subject ${f.code}`, { details: { code: f.code } })
        const body = resultOf(r, statements).result
        checkFeedback(body, f)
        return { position: r.position, subjectId: r.subjectId, measures: [...new Set(f.measures)], outcome: f.outcome, reason: f.reason?.trim() || null, amount: f.amount?.trim() || null, note: f.note?.trim() || null }
      })
      const ref = actorRef(actor)
      const at = clock.now().toISOString()
      await db.transaction().execute(async (trx) => {
        await creditCheckRepository(trx).insertFeedback(id, rows, { departmentId: departmentOf(actor), actorType: ref.type, actorId: ref.id, at })
        await audit.append(trx, {
          actor,
          action: 'credit_check.feedback',
          entityType: 'credit_check',
          entityId: id,
          detail: { subjects: rows.length, outcomes: Object.fromEntries(['applied', 'not_adopted', 'not_applicable'].map((o) => [o, rows.filter((r) => r.outcome === o).length])), positions: rows.slice(0, 100).map((r) => r.position) },
        })
      })
      const after = (await repo.findCheck(id))!
      return { check: summaryOf(after, (await deps.measures.current()).matter(c.matter), chinaDate(clock)), recorded: rows.length }
    },

    async feedbackOf(actor: Actor, id: number) {
      await getOwnCheck(actor, id)
      return repo.feedbackOf(id)
    },

    /** Checks, hits, feedback rate and the measures applied, by department and matter. */
    async statistics(actor: Actor, filter: { from?: string; to?: string; department?: string } = {}) {
      if (actor.type === 'public') authorize(actor, 'check_credit')
      const everyDepartment = can(actor, 'manage_measures') || can(actor, 'read_audit_log')
      if (!everyDepartment && !can(actor, 'check_credit')) throw forbidden()
      let departmentId: number | undefined
      if (!everyDepartment) departmentId = departmentOf(actor) ?? -1
      else if (filter.department) {
        const d = await db.selectFrom('departments').select('id').where('code', '=', filter.department).executeTakeFirst()
        if (!d) throw notFound('DEPARTMENT_NOT_FOUND', `部门 ${filter.department} 不存在`, `No department ${filter.department}`)
        departmentId = Number(d.id)
      }
      const scope = { ...(departmentId !== undefined ? { departmentId } : {}), ...(filter.from ? { from: filter.from } : {}), ...(filter.to ? { to: filter.to } : {}) }
      const totals = await repo.checkTotals(scope)
      const applied = new Map<string, { department: string | null; matter: string; measure: string; subjects: number }>()
      for (const row of await repo.appliedMeasures(scope)) {
        for (const measure of JSON.parse(row.measures) as string[]) {
          const key = `${row.departmentCode}\u0000${row.matter}\u0000${measure}`
          const e = applied.get(key) ?? applied.set(key, { department: row.departmentCode, matter: row.matter, measure, subjects: 0 }).get(key)!
          e.subjects += row.n
        }
      }
      const sum = (f: (t: (typeof totals)[number]) => number) => totals.reduce((n, t) => n + f(t), 0)
      const withHits = sum((t) => t.checksWithHits)
      return {
        checks: sum((t) => t.checks),
        subjects: sum((t) => t.subjects),
        hits: sum((t) => t.hits),
        checksWithHits: withHits,
        checksAnswered: sum((t) => t.answered),
        feedbackRate: withHits === 0 ? null : sum((t) => t.answered) / withHits,
        byDepartmentAndMatter: totals.map((t) => ({ department: t.departmentCode, matter: t.matter, checks: t.checks, subjects: t.subjects, hits: t.hits, checksWithHits: t.checksWithHits, checksAnswered: t.answered })),
        measuresApplied: [...applied.values()].sort((a, b) => b.subjects - a.subjects || a.measure.localeCompare(b.measure)),
      }
    },
  }
}

export type CreditCheckService = ReturnType<typeof createCreditCheckService>
