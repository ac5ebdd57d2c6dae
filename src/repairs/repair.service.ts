/**
 * Credit repair (信用修复) use cases. The subject, or an agent with a power of attorney, applies
 * for a record that is eligible; the application goes to the department that made the finding
 * (谁认定谁修复), whose reviewers accept it or ask once for what is missing, and then approve or
 * reject it with reasons, within deadlines counted in working days. An approval is a 'repaired'
 * record decision, which ends the record's publicity at once (the record stays in the subject's
 * own view and the archive). Every step is a transition of the pure machine, written with its
 * audit entry — and for a decision its record decision and change-feed event — in one transaction.
 * Nothing here charges anything: repair is free.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../db/create-database.ts'
import type { Tables } from '../db/database.ts'
import { chinaDate, type Clock } from '../clock.ts'
import { AppError, conflict, forbidden, notFound } from '../errors.ts'
import type { AuditTrail } from '../security/audit-trail.ts'
import { actorRef, actorRoles, type Actor } from '../security/actor.ts'
import { authorize, can, canActFor } from '../security/policy.ts'
import type { SubjectService } from '../subjects/subject.service.ts'
import type { WorkingCalendar } from '../calendar/working-days.ts'
import { checkEvidenceSet, listEvidence, storeEvidence, type EvidenceFile } from '../evidence/evidence-files.ts'
import { raiseAlert } from '../cases/case-alerts.ts'
import { appendDecision } from '../publicity/record-decisions.ts'
import { appendEvents } from '../changes/event-log.ts'
import type { Tier } from '../catalog/catalog.ts'
import { repairEligibility, type RepairEligibility } from './repair-eligibility.ts'
import { applyRepairAction, nationalRepairRules, newRepairCase, repairStateLabels, type OptionalRepairStep, type RepairAction, type RepairCase, type RepairRules } from './repair-machine.ts'
import { decisionDueOn, deadlineStatuses, feedbackDueOn, runningDeadlines, type RepairClock } from './repair-deadlines.ts'
import { repairRepository, type RepairChange, type RepairFilter } from './repair.repository.ts'
import { hashStatusToken, newReceiptNumber, newStatusToken, statusTokenMatches } from './repair-access.ts'
import type { ApplicantRelation, Repair, RepairDetail, RepairStatus } from './repair.ts'
import type { RepairState } from './repair-machine.ts'

export const REPAIR_CASE_TYPE = 'repair'

/** What the publicity engine says about a record that eligibility needs. */
export interface RecordPublicityFacts {
  tier: Tier | null
  minimumEnd: string | null
  maximumEnd: string | null
  earlyEndAllowed: boolean
  state: string
  /** Whether the public may see the record now (the 申请 button sits on public records). */
  shownToPublic: boolean
}

export interface RepairApplication {
  recordId: number
  /** The subject's code (USCC, …) as the applicant states it; it must be the record's subject. */
  subject: string
  applicant: { name: string; contact: string; relation: ApplicantRelation; powerOfAttorney?: string }
  /** The credit commitment letter (信用承诺书) the applicant signs. */
  commitment: { text: string; signed: boolean }
  obligations: { fulfilled: boolean; statement: string; evidence: string[] }
  materials: EvidenceFile[]
}

/** An applicant's own key to the application: the receipt number and the token shown once. */
export interface ApplicantKey {
  receipt: string
  token: string
}

export interface RepairEligibilityView extends RepairEligibility {
  recordId: number
  tier: Tier | null
  minimumEnd: string | null
  maximumEnd: string | null
  state: string
  department: { code: string; name: string }
}

const MAX_TEXT = 4000

export function createRepairService(deps: {
  database: Database
  clock: Clock
  audit: AuditTrail
  subjects: SubjectService
  calendar: { current(): Promise<WorkingCalendar> }
  publicity: { explain(recordId: number): Promise<RecordPublicityFacts> }
  rules?: RepairRules
}) {
  const { database, clock, audit, subjects, calendar, publicity } = deps
  const rules = deps.rules ?? nationalRepairRules
  const repo = repairRepository(database.db)
  const now = () => clock.now().toISOString()
  const refOf = (actor: Actor) => {
    const r = actorRef(actor)
    return `${r.type}:${r.id}`
  }

  const repairNotFound = (ref: number | string) => notFound('REPAIR_NOT_FOUND', `未找到信用修复申请 ${ref}`, `No credit repair application ${ref}`)
  const recordNotFound = (id: number) => notFound('REPAIR_RECORD_NOT_FOUND', `未找到该信用主体的记录 ${id}`, `No record ${id} of this subject`)

  const isOffice = (actor: Actor) => actorRoles(actor).includes('platform_admin')

  /** Department reviewers act on their own department's applications; the platform office on all. */
  async function reviewable(actor: Actor, id: number): Promise<Repair> {
    authorize(actor, 'review_cases')
    const found = await repo.find(id)
    // Another department's application does not exist for this caller.
    if (!found || !canActFor(actor, found.department.id)) throw repairNotFound(id)
    return found
  }

  async function byApplicant(key: ApplicantKey): Promise<Repair> {
    const found = await repo.findByReceipt(key.receipt)
    if (!found || !statusTokenMatches(key.token, found.accessTokenHash)) throw repairNotFound(key.receipt)
    return found.repair
  }

  const caseOf = (r: Repair): RepairCase => ({ state: r.state, materialsRequested: r.materialsMissing !== null, requiredSteps: r.requiredSteps, completedSteps: r.completedSteps })
  const clockOf = (r: Repair, change: Partial<RepairClock> = {}): RepairClock => ({ state: r.state, receivedOn: r.receivedOn, feedbackDueOn: r.feedbackDueOn, acceptedOn: r.acceptedOn, decisionDueOn: r.decisionDueOn, ...change })

  function text(value: string | undefined, field: string, zh: string, en: string): string {
    const t = (value ?? '').trim()
    if (t === '') throw new AppError('REPAIR_FIELD_REQUIRED', `请填写${zh}`, `Give the ${en}`, { details: { field } })
    if (t.length > MAX_TEXT) throw new AppError('REPAIR_FIELD_TOO_LONG', `${zh}过长（最多 ${MAX_TEXT} 字）`, `The ${en} is too long (at most ${MAX_TEXT} characters)`, { details: { field } })
    return t
  }

  async function eligibilityOf(recordId: number, applicant?: Parameters<typeof repairEligibility>[0]['applicant']) {
    const facts = await publicity.explain(recordId)
    const verdict = repairEligibility({ tier: facts.tier, minimumEnd: facts.minimumEnd, maximumEnd: facts.maximumEnd, earlyEndAllowed: facts.earlyEndAllowed, state: facts.state, today: chinaDate(clock), ...(applicant ? { applicant } : {}) })
    return { facts, verdict }
  }

  /**
   * One transition: checks it with the machine, writes the new state, the step and the audit entry
   * (and whatever `also` adds) in one transaction; refuses if another writer moved the case first.
   */
  async function transition(actor: Actor, found: Repair, action: RepairAction, options: { note?: string | null; change?: (next: RepairCase, today: string, cal: WorkingCalendar, at: string) => Omit<RepairChange, 'state' | 'dueOn' | 'at'>; also?: (trx: Kysely<Tables>, at: string) => Promise<void>; audit?: Record<string, unknown> } = {}): Promise<RepairDetail> {
    const next = applyRepairAction(caseOf(found), action)
    const cal = await calendar.current()
    const today = chinaDate(clock)
    const at = now()
    const extra = options.change?.(next, today, cal, at) ?? {}
    const nextClock = clockOf(found, { state: next.state, ...pickClock(extra) })
    const running = runningDeadlines(cal, rules, nextClock)
    const change: RepairChange = { ...extra, state: next.state, dueOn: running[0]?.dueOn ?? null, at, ...(next.completedSteps !== found.completedSteps ? { completedSteps: next.completedSteps } : {}) }
    const note = options.note?.trim() || null
    await database.db.transaction().execute(async (trx) => {
      const r = repairRepository(trx)
      if (!(await r.change(found.id, found.state, change))) throw conflict('REPAIR_CHANGED', `信用修复申请 ${found.receiptNumber} 已被他人处理，请刷新后重试`, `Repair application ${found.receiptNumber} was changed by someone else; reload and try again`)
      const ref = actorRef(actor)
      await r.addStep({ repairId: found.id, action: action.type, fromState: found.state, toState: next.state, actorType: ref.type, actorId: ref.id, note, at })
      await audit.append(trx, { actor, action: `repair.${action.type}`, entityType: 'repair', entityId: found.id, detail: { receipt: found.receiptNumber, recordId: found.recordId, from: found.state, to: next.state, note, ...options.audit } })
      await options.also?.(trx, at)
    })
    return detail((await repo.find(found.id))!)
  }

  const pickClock = (c: Omit<RepairChange, 'state' | 'dueOn' | 'at'>): Partial<RepairClock> => ({
    ...(c.receivedOn ? { receivedOn: c.receivedOn } : {}),
    ...(c.feedbackDueOn ? { feedbackDueOn: c.feedbackDueOn } : {}),
    ...(c.acceptedOn ? { acceptedOn: c.acceptedOn } : {}),
    ...(c.decisionDueOn ? { decisionDueOn: c.decisionDueOn } : {}),
  })

  async function detail(r: Repair): Promise<RepairDetail> {
    const cal = await calendar.current()
    return { ...r, steps: await repo.steps(r.id), materials: await listEvidence(database.db, REPAIR_CASE_TYPE, r.id), deadlines: deadlineStatuses(cal, rules, clockOf(r), chinaDate(clock)) }
  }

  async function storeMaterials(trx: Kysely<Tables>, repairId: number, files: readonly EvidenceFile[], checked: ReadonlyArray<{ mediaType: string; sha256: string }>, uploadedBy: string, at: string) {
    for (const [i, f] of files.entries()) await storeEvidence(trx, { caseType: REPAIR_CASE_TYPE, caseId: repairId, name: f.name, bytes: f.bytes, mediaType: checked[i]!.mediaType, sha256: checked[i]!.sha256, uploadedBy, at })
  }

  async function resubmit(actor: Actor, found: Repair, input: { materials: EvidenceFile[]; note?: string }): Promise<RepairDetail> {
    const already = await listEvidence(database.db, REPAIR_CASE_TYPE, found.id)
    const checked = checkEvidenceSet(input.materials, { files: already.length, bytes: already.reduce((s, e) => s + e.size, 0) })
    return transition(actor, found, { type: 'resubmit' }, {
      note: input.note ?? null,
      // The feedback period runs again from the complete materials.
      change: (_, today, cal) => ({ receivedOn: today, feedbackDueOn: feedbackDueOn(cal, rules, today) }),
      also: (trx, at) => storeMaterials(trx, found.id, input.materials, checked, refOf(actor), at),
      audit: { materials: input.materials.map((m) => m.name) },
    })
  }

  async function withdraw(actor: Actor, found: Repair, note?: string): Promise<RepairDetail> {
    return transition(actor, found, { type: 'withdraw' }, { note: note ?? null })
  }

  return {
    rules,

    /**
     * Whether the record may be repaired now and what is missing. The public may ask about a record
     * the public can see (信用中国's 申请 button); anything else is for staff.
     */
    async eligibility(actor: Actor, recordId: number): Promise<RepairEligibilityView> {
      const owner = await repo.recordOwner(recordId)
      if (!owner) throw recordNotFound(recordId)
      if (actor.type !== 'public' && !can(actor, 'review_cases') && !can(actor, 'read_shared_records')) throw forbidden()
      const { facts, verdict } = await eligibilityOf(recordId)
      if (actor.type === 'public' && !facts.shownToPublic) throw recordNotFound(recordId)
      const department = await database.db.selectFrom('departments').select(['code', 'name']).where('id', '=', owner.departmentId).executeTakeFirstOrThrow()
      return { recordId, tier: facts.tier, minimumEnd: facts.minimumEnd, maximumEnd: facts.maximumEnd, state: facts.state, department, ...verdict }
    },

    /** Files an application; refuses an ineligible one with every reason. The token is returned once. */
    async apply(actor: Actor, input: RepairApplication): Promise<{ repair: RepairDetail; receiptNumber: string; token: string }> {
      const name = text(input.applicant.name, 'applicant.name', '申请人姓名或名称', "applicant's name")
      const contact = text(input.applicant.contact, 'applicant.contact', '联系方式', 'contact')
      const relation = input.applicant.relation
      if (relation !== 'subject' && relation !== 'agent') throw new AppError('REPAIR_RELATION_INVALID', '申请人须为信用主体本身或其委托代理人', 'The applicant must be the subject or its agent', { details: { field: 'applicant.relation' } })
      // An agent acts only under a written power of attorney (授权委托书).
      const powerOfAttorney = relation === 'agent' ? text(input.applicant.powerOfAttorney, 'applicant.powerOfAttorney', '授权委托书', 'power of attorney') : null
      const commitmentText = text(input.commitment.text, 'commitment.text', '信用承诺书内容', 'credit commitment text')
      const statement = text(input.obligations.statement, 'obligations.statement', '履行法定义务、纠正失信行为的情况说明', 'statement of the obligations fulfilled')
      const evidence = [...input.obligations.evidence.map((e) => e.trim()).filter((e) => e !== ''), ...input.materials.map((m) => m.name)]

      const owner = await repo.recordOwner(input.recordId)
      const subjectId = await subjects.resolveId(input.subject)
      // The same answer whether the record is missing or someone else's: ids are not to be probed.
      if (!owner || subjectId === undefined || subjectId !== owner.subjectId) throw recordNotFound(input.recordId)

      const { facts, verdict } = await eligibilityOf(input.recordId, { obligations: { fulfilled: input.obligations.fulfilled, evidence }, commitmentSigned: input.commitment.signed })
      // As with objections: a record the public does not see is unknown to all but the service counter.
      if (!facts.shownToPublic && !can(actor, 'serve_subjects')) throw recordNotFound(input.recordId)
      if (!verdict.eligible) {
        throw new AppError('REPAIR_NOT_ELIGIBLE', `不符合信用修复条件：${verdict.unmet.map((u) => u.zh).join('；')}`, `Not eligible for credit repair: ${verdict.unmet.map((u) => u.en).join('; ')}`, { kind: 'conflict', details: { unmet: verdict.unmet } })
      }
      const checked = checkEvidenceSet(input.materials)
      const alreadyOpen = () => conflict('REPAIR_ALREADY_OPEN', '该记录已有正在办理的信用修复申请', 'This record already has a repair application in progress')
      if (await repo.findOpenForRecord(input.recordId)) throw alreadyOpen()

      const cal = await calendar.current()
      const today = chinaDate(clock)
      const at = now()
      const token = newStatusToken()
      const receiptNumber = newReceiptNumber(today)
      const initial = newRepairCase(rules)
      const feedbackDue = feedbackDueOn(cal, rules, today)
      const ref = actorRef(actor)
      const id = await database.db.transaction().execute(async (trx) => {
        const r = repairRepository(trx)
        const id = await r.insert({
          receiptNumber,
          recordId: input.recordId,
          subjectId: owner.subjectId,
          departmentId: owner.departmentId,
          applicant: { name, contact, relation, powerOfAttorney },
          commitment: { text: commitmentText, signedAt: at },
          obligations: { statement, evidence },
          requiredSteps: initial.requiredSteps,
          receivedOn: today,
          feedbackDueOn: feedbackDue,
          accessTokenHash: hashStatusToken(token),
          at,
        })
        await r.addStep({ repairId: id, action: 'submit', fromState: null, toState: 'submitted', actorType: ref.type, actorId: ref.id, note: null, at })
        await storeMaterials(trx, id, input.materials, checked, `applicant:${name}`, at)
        await audit.append(trx, { actor, action: 'repair.apply', entityType: 'repair', entityId: id, detail: { receipt: receiptNumber, recordId: input.recordId, subjectId: owner.subjectId, departmentId: owner.departmentId, applicant: name, relation, materials: input.materials.map((m) => m.name), feedbackDueOn: feedbackDue } })
        return id
      }).catch(async (error: unknown) => {
        // A simultaneous application for the same record lost the race on the one-open index.
        if (await repo.findOpenForRecord(input.recordId)) throw alreadyOpen()
        throw error
      })
      return { repair: await detail((await repo.find(id))!), receiptNumber, token }
    },

    /** 一次性告知: everything missing, listed once. */
    async requestMaterials(actor: Actor, id: number, input: { missing: string[]; note?: string }): Promise<RepairDetail> {
      const found = await reviewable(actor, id)
      const missing = input.missing.map((m) => m.trim()).filter((m) => m !== '')
      return transition(actor, found, { type: 'request_materials', missing }, { note: input.note ?? null, change: () => ({ materialsMissing: missing }), audit: { missing } })
    },

    /** Staff record materials handed in at a service window. */
    async resubmit(actor: Actor, id: number, input: { materials: EvidenceFile[]; note?: string }): Promise<RepairDetail> {
      return resubmit(actor, await reviewable(actor, id), input)
    },

    /** The applicant sends the missing materials with the receipt number and token. */
    async resubmitAsApplicant(key: ApplicantKey, input: { materials: EvidenceFile[]; note?: string }): Promise<RepairStatus> {
      const found = await byApplicant(key)
      await resubmit({ type: 'public' }, found, input)
      return statusOf((await repo.find(found.id))!)
    },

    async accept(actor: Actor, id: number, note?: string): Promise<RepairDetail> {
      const found = await reviewable(actor, id)
      return transition(actor, found, { type: 'accept' }, { note: note ?? null, change: (_, today, cal) => ({ acceptedOn: today, decisionDueOn: decisionDueOn(cal, rules, today) }) })
    },

    /** Records an optional step the rules require (training, an agency's credit report). */
    async completeStep(actor: Actor, id: number, step: OptionalRepairStep, note?: string): Promise<RepairDetail> {
      const found = await reviewable(actor, id)
      return transition(actor, found, { type: 'complete_step', step }, { note: note ?? null, audit: { step } })
    },

    /**
     * The department's decision. Approval ends the record's publicity at once (a 'repaired' record
     * decision); both outcomes go to the change feed as `repair.decided`.
     */
    async decide(actor: Actor, id: number, input: { outcome: 'approved' | 'rejected'; reasons?: string }): Promise<RepairDetail> {
      const found = await reviewable(actor, id)
      const reasons = (input.reasons ?? '').trim()
      const action: RepairAction = input.outcome === 'approved' ? { type: 'approve' } : { type: 'reject', reasons }
      const decidedBy = refOf(actor)
      return transition(actor, found, action, {
        note: reasons || null,
        change: (_next, _today, _cal, at) => ({ decision: input.outcome, ...(reasons ? { reasons } : {}), decidedAt: at, decidedBy }),
        audit: { outcome: input.outcome, reasons: reasons || null },
        also: async (trx, at) => {
          if (input.outcome === 'approved') {
            await appendDecision(trx, { recordId: found.recordId, subjectId: found.subjectId, kind: 'repaired', effectiveAt: at, basis: `信用修复（受理编号 ${found.receiptNumber}；${rules.basis}）`, sourceType: REPAIR_CASE_TYPE, sourceId: String(found.id), decidedBy }, at)
          }
          await appendEvents(trx, database.dialect, at, [{ type: 'repair.decided', subjectId: found.subjectId, recordId: found.recordId, payload: { repairId: found.id, receipt: found.receiptNumber, outcome: input.outcome, department: found.department.code } }])
        },
      })
    },

    /** The applicant's withdrawal, recorded by staff (e.g. handed in at a window). */
    async withdraw(actor: Actor, id: number, note?: string): Promise<RepairDetail> {
      return withdraw(actor, await reviewable(actor, id), note)
    },

    async withdrawAsApplicant(key: ApplicantKey, note?: string): Promise<RepairStatus> {
      const found = await byApplicant(key)
      await withdraw({ type: 'public' }, found, note)
      return statusOf((await repo.find(found.id))!)
    },

    async list(actor: Actor, filter: { state?: RepairState; department?: string; overdue?: boolean; limit: number; beforeId?: number }): Promise<Repair[]> {
      authorize(actor, 'review_cases')
      let departmentId: number | undefined
      if (filter.department) {
        const d = await database.db.selectFrom('departments').select('id').where('code', '=', filter.department).executeTakeFirst()
        if (!d) throw notFound('DEPARTMENT_NOT_FOUND', `未找到部门 ${filter.department}`, `No department ${filter.department}`)
        departmentId = Number(d.id)
      }
      if (!isOffice(actor)) {
        const own = actor.type === 'user' || actor.type === 'api_key' ? actor.departmentId : null
        if (!own || (departmentId !== undefined && departmentId !== own)) throw forbidden('只能查看本部门的信用修复申请', "You may see only your own department's repair applications")
        departmentId = own
      }
      const f: RepairFilter = { limit: filter.limit, ...(filter.state ? { state: filter.state } : {}), ...(departmentId !== undefined ? { departmentId } : {}), ...(filter.overdue ? { overdueOn: chinaDate(clock) } : {}), ...(filter.beforeId ? { beforeId: filter.beforeId } : {}) }
      return repo.list(f)
    },

    async show(actor: Actor, id: number): Promise<RepairDetail> {
      return detail(await reviewable(actor, id))
    },

    /** The applicant's status page. */
    async status(key: ApplicantKey): Promise<RepairStatus> {
      return statusOf(await byApplicant(key))
    },

    /** A subject's applications, for its own view (the caller has verified the subject). */
    async listForSubject(subjectId: number): Promise<Repair[]> {
      return repo.listForSubject(subjectId)
    },

    /**
     * Reminders the working day before a deadline and escalation once it has passed, as case
     * alerts for the deciding department (idempotent: one alert per case, kind and due date).
     */
    async tick(actor: Actor = { type: 'system', name: 'scheduler' }): Promise<{ reminders: number; overdue: number }> {
      authorize(actor, 'review_cases')
      if (!isOffice(actor)) throw forbidden()
      const cal = await calendar.current()
      const today = chinaDate(clock)
      const at = now()
      const raised = { reminders: 0, overdue: 0 }
      for (const r of await repo.withRunningDeadline()) {
        for (const d of deadlineStatuses(cal, rules, clockOf(r), today)) {
          if (d.status === 'running') continue
          const kind = d.status === 'overdue' ? 'overdue' : 'reminder'
          const fresh = await database.db.transaction().execute(async (trx) => {
            const isNew = await raiseAlert(trx, { caseType: REPAIR_CASE_TYPE, caseId: r.id, kind, dueOn: d.dueOn, departmentId: r.department.id, at })
            if (isNew) await audit.append(trx, { actor, action: `repair.${kind}`, entityType: 'repair', entityId: r.id, detail: { receipt: r.receiptNumber, deadline: d.kind, dueOn: d.dueOn, departmentId: r.department.id } })
            return isNew
          })
          if (fresh) raised[kind === 'overdue' ? 'overdue' : 'reminders'] += 1
        }
      }
      return raised
    },
  }

  async function statusOf(r: Repair): Promise<RepairStatus> {
    const steps = await repo.steps(r.id)
    const materials = await listEvidence(database.db, REPAIR_CASE_TYPE, r.id)
    return {
      receiptNumber: r.receiptNumber,
      recordId: r.recordId,
      state: r.state,
      stateLabel: repairStateLabels[r.state].zh,
      department: r.department.name,
      materialsMissing: r.materialsMissing,
      dueOn: r.dueOn,
      decision: r.decision,
      reasons: r.reasons,
      steps: steps.map((s) => ({ action: s.action, toState: s.toState, note: s.note, at: s.at })),
      materials: materials.map((m) => ({ name: m.name, size: m.size, uploadedAt: m.uploadedAt })),
    }
  }
}

export type RepairService = ReturnType<typeof createRepairService>
