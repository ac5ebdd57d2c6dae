/**
 * Use cases of objections (异议, 河南条例 Art. 41): filing by the subject or its agent, the office's
 * and the provider's steps, the applicant's review and withdrawal, reminders and escalation. Each
 * step runs the pure machine, then writes the new state, its step row, its audit entry, any record
 * decision and its change-feed events in one transaction.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Database } from '../db/create-database.ts'
import type { Tables } from '../db/database.ts'
import type { Kysely } from 'kysely'
import { chinaDate, type Clock } from '../clock.ts'
import { AppError, conflict, forbidden, notFound } from '../errors.ts'
import type { AuditTrail } from '../security/audit-trail.ts'
import { actorRef, actorRoles, type Actor } from '../security/actor.ts'
import { authorize, can, canActFor } from '../security/policy.ts'
import type { SubjectService } from '../subjects/subject.service.ts'
import type { CalendarService } from '../calendar/calendar.service.ts'
import type { Settings } from '../db/settings.ts'
import { appendEvents, type NewEvent } from '../changes/event-log.ts'
import { appendDecision } from '../publicity/record-decisions.ts'
import { serializeWriters } from '../db/serialize.ts'
import { checkEvidenceSet, listEvidence, storeEvidence, type EvidenceFile } from '../evidence/evidence-files.ts'
import { raiseAlert } from '../cases/case-alerts.ts'
import { OBJECTION_LIMITS_SETTING, limitsWith, reminderOn } from './objection-deadlines.ts'
import { currentDue, outcomeLabels, receiveObjection, runningDeadlines, stateLabels, transition, type ObjectionCase, type ObjectionCommand, type ObjectionState, type Party, type Transition } from './objection-machine.ts'
import { objectionRepository } from './objection.repository.ts'
import type { Applicant, ObjectionDetail, ObjectionNote, ObjectionStatus, StoredObjection } from './objection.ts'
import { readAlone, type Read } from '../db/read-together.ts'

export const OBJECTION_CASE = 'objection'

export interface NewObjection {
  /** Any code of the subject (USCC, …). */
  subject: string
  recordId: number
  applicant: Applicant
  grounds: string
  evidence?: EvidenceFile[]
  /** Required when an agent files (委托书). */
  powerOfAttorney?: EvidenceFile
}

export interface Filed {
  objection: StoredObjection
  receiptNumber: string
  /** Shown once: with the receipt number it opens the applicant's status page. */
  statusToken: string
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')
const scheduler: Actor = { type: 'system', name: 'scheduler' }

export function createObjectionService(deps: {
  database: Database
  clock: Clock
  audit: AuditTrail
  calendar: CalendarService
  settings: Settings
  subjects: SubjectService
  /** The publicity engine's account of a record, which says whether the public sees it now. */
  publicity: { explain(recordId: number): Promise<{ shownToPublic: boolean }> }
}) {
  const { database, clock, audit, calendar, settings, subjects } = deps
  const repo = objectionRepository(database.db)
  const today = () => chinaDate(clock)
  const limits = async () => limitsWith(await settings.get(OBJECTION_LIMITS_SETTING))
  const objectionNotFound = (id: number | string) => notFound('OBJECTION_NOT_FOUND', `未找到异议 ${id}`, `No objection ${id}`)
  const ref = (actor: Actor) => {
    const r = actorRef(actor)
    return `${r.type}:${r.id}`
  }

  /** Staff who handle objections: the office on all of them, department reviewers on their own department's records. */
  function staffParties(actor: Actor, o: StoredObjection): Party[] {
    authorize(actor, 'review_cases')
    if (actorRoles(actor).includes('platform_admin')) return ['office', 'provider']
    // Another department's objection does not exist for this reviewer.
    if (!canActFor(actor, o.departmentId)) throw objectionNotFound(o.id)
    return ['provider']
  }

  async function load(id: number): Promise<StoredObjection> {
    const o = await repo.find(id)
    if (!o) throw objectionNotFound(id)
    return o
  }

  async function byCredentials(receiptNumber: string, token: string): Promise<StoredObjection> {
    const found = await repo.findByReceipt(receiptNumber)
    const given = Buffer.from(hashToken(token), 'hex')
    // One answer for an unknown receipt and a wrong token, so neither can be probed.
    if (!found || !timingSafeEqual(given, Buffer.from(found.tokenHash, 'hex'))) {
      throw notFound('OBJECTION_STATUS_NOT_FOUND', '受理编号或查询码不正确', 'The receipt number or status code is wrong')
    }
    return found.objection
  }

  function columns(c: ObjectionCase, powerOfAttorneyId: number | null) {
    return { state: c.state, detail: JSON.stringify({ case: c, powerOfAttorneyId }), outcome: c.outcome, outcome_note: c.outcomeNote, corrected_version: c.correctedVersion, due_on: currentDue(c), final_due_on: c.finalDueOn }
  }

  function eventsFor(o: { id: number; receiptNumber: string; recordId: number; subjectId: number }, t: Transition, basis: string | null): NewEvent[] {
    const events: NewEvent[] = []
    const payload = { objectionId: o.id, receiptNumber: o.receiptNumber, state: t.next.state }
    if (t.effects.flag === 'set') events.push({ type: 'objection.flag_set', subjectId: o.subjectId, recordId: o.recordId, payload })
    if (t.effects.flag === 'cleared') events.push({ type: 'objection.flag_cleared', subjectId: o.subjectId, recordId: o.recordId, payload: { ...payload, outcome: t.next.outcome } })
    if (t.effects.deleteRecord) events.push({ type: 'record.deleted', subjectId: o.subjectId, recordId: o.recordId, payload: { objectionId: o.id, basis } })
    return events
  }

  /** Runs one command and writes everything it entails in one transaction. */
  async function apply(actor: Actor, o: StoredObjection, command: ObjectionCommand, parties: readonly Party[]): Promise<StoredObjection> {
    const record = await repo.recordFacts(o.recordId)
    const t = transition(o.case, command, { today: today(), calendar: await calendar.current(), limits: await limits(), parties, latestVersion: record?.currentVersion ?? o.recordVersion })
    const now = clock.now().toISOString()
    const note = 'note' in command ? (command.note ?? null) : 'grounds' in command ? command.grounds : null
    const basis = t.effects.deleteRecord ? `异议核实后删除（受理编号 ${o.receiptNumber}，《河南省社会信用条例》第四十一条）：${t.next.outcomeNote ?? ''}` : null
    await database.db.transaction().execute(async (trx) => {
      const r = objectionRepository(trx)
      if (!(await r.update(o.id, o.state, { ...columns(t.next, o.powerOfAttorneyId), updated_at: now }))) {
        throw conflict('OBJECTION_CHANGED', '该异议刚被他人处理，请刷新后重试', 'Someone else has just acted on this objection; reload and retry')
      }
      await r.addStep({ objection_id: o.id, action: t.effects.action, from_state: o.state, to_state: t.next.state, actor_type: actorRef(actor).type, actor_id: actorRef(actor).id, note: note?.trim() || null, at: now })
      if (t.effects.deleteRecord) {
        await appendDecision(trx, { recordId: o.recordId, subjectId: o.subjectId, kind: 'deleted', effectiveAt: now, basis: basis!, sourceType: OBJECTION_CASE, sourceId: String(o.id), decidedBy: ref(actor) }, now)
      }
      await audit.append(trx, {
        actor,
        action: t.effects.action,
        entityType: OBJECTION_CASE,
        entityId: o.id,
        detail: { receiptNumber: o.receiptNumber, recordId: o.recordId, from: o.state, to: t.next.state, command: { ...command }, outcome: t.next.outcome, dueOn: currentDue(t.next) },
      })
      await appendEvents(trx, database.dialect, now, eventsFor(o, t, basis))
    })
    return load(o.id)
  }

  const staffStep = async (actor: Actor, id: number, command: ObjectionCommand) => {
    const o = await load(id)
    return apply(actor, o, command, staffParties(actor, o))
  }

  function withOverdue(o: StoredObjection): StoredObjection & { overdue: boolean } {
    return { ...o, overdue: o.dueOn !== null && today() > o.dueOn }
  }

  return {
    /** Filing is open to the public: the subject or its agent (there is no citizen sign-in yet). */
    async file(actor: Actor, input: NewObjection): Promise<Filed> {
      const applicant = { name: input.applicant.name?.trim() ?? '', contact: input.applicant.contact?.trim() ?? '', relation: input.applicant.relation }
      if (!applicant.name) throw new AppError('OBJECTION_FIELD_REQUIRED', '请填写申请人姓名或名称', 'applicant.name is required', { details: { field: 'applicant.name' } })
      if (!applicant.contact) throw new AppError('OBJECTION_FIELD_REQUIRED', '请填写联系方式', 'applicant.contact is required', { details: { field: 'applicant.contact' } })
      if (applicant.relation !== 'subject' && applicant.relation !== 'agent') throw new AppError('OBJECTION_RELATION_INVALID', '申请人须为信息主体本身（subject）或其代理人（agent）', "The applicant must be the subject itself ('subject') or its agent ('agent')", { details: { field: 'applicant.relation' } })
      const grounds = input.grounds?.trim()
      if (!grounds) throw new AppError('OBJECTION_FIELD_REQUIRED', '请写明异议理由', 'grounds is required', { details: { field: 'grounds' } })
      if (applicant.relation === 'agent' && !input.powerOfAttorney) {
        throw new AppError('OBJECTION_POWER_OF_ATTORNEY_REQUIRED', '代理人提出异议须附授权委托书', 'An agent must attach the power of attorney', { details: { field: 'powerOfAttorney' } })
      }
      const files = [...(input.powerOfAttorney ? [input.powerOfAttorney] : []), ...(input.evidence ?? [])]
      const checked = checkEvidenceSet(files)

      const subjectId = await subjects.resolveId(input.subject)
      const record = await repo.recordFacts(input.recordId)
      // A record of another subject is answered like an unknown one; so is, to anyone but the service
      // counter that verified the subject (serve_subjects), a record the public does not see: filing
      // is open to all, and must not tell who holds which non-public record.
      if (subjectId === undefined || !record || record.subjectId !== subjectId || (!can(actor, 'serve_subjects') && !(await deps.publicity.explain(record.id)).shownToPublic)) {
        throw notFound('OBJECTION_RECORD_NOT_FOUND', `信用主体 ${input.subject} 没有编号为 ${input.recordId} 的信息`, `Subject ${input.subject} has no record ${input.recordId}`, { field: 'recordId' })
      }
      if (await repo.openOn(record.id)) throw conflict('OBJECTION_ALREADY_OPEN', '该信息已有正在处理的异议', 'An objection about this record is already being handled')

      const t = receiveObjection({ today: today(), calendar: await calendar.current(), limits: await limits(), recordVersion: record.currentVersion })
      const now = clock.now().toISOString()
      const statusToken = randomBytes(18).toString('base64url')
      const uploadedBy = ref(actor)
      const id = await database.db.transaction().execute(async (trx) => {
        // The receipt number counts the day's objections: writers take the audit lock first.
        await serializeWriters(trx, database.dialect, 'audit_log')
        const r = objectionRepository(trx)
        const receiptNumber = `YY-${t.next.receivedOn.replaceAll('-', '')}-${String((await r.countReceivedOn(t.next.receivedOn)) + 1).padStart(4, '0')}`
        const id = await r.insert({
          receipt_number: receiptNumber,
          record_id: record.id,
          record_version: record.currentVersion,
          subject_id: record.subjectId,
          department_id: record.departmentId,
          applicant_name: applicant.name,
          applicant_contact: applicant.contact,
          applicant_relation: applicant.relation,
          grounds,
          received_on: t.next.receivedOn,
          access_token_hash: hashToken(statusToken),
          created_at: now,
          updated_at: now,
          ...columns(t.next, null),
        })
        const evidenceIds: number[] = []
        for (const [i, f] of files.entries()) evidenceIds.push(await storeEvidence(trx, { caseType: OBJECTION_CASE, caseId: id, name: f.name, bytes: f.bytes, mediaType: checked[i]!.mediaType, sha256: checked[i]!.sha256, uploadedBy, at: now }))
        if (input.powerOfAttorney) await r.update(id, 'received', { ...columns(t.next, evidenceIds[0]!), updated_at: now })
        await r.addStep({ objection_id: id, action: t.effects.action, from_state: null, to_state: 'received', actor_type: actorRef(actor).type, actor_id: actorRef(actor).id, note: null, at: now })
        await audit.append(trx, { actor, action: t.effects.action, entityType: OBJECTION_CASE, entityId: id, detail: { receiptNumber, recordId: record.id, recordVersion: record.currentVersion, relation: applicant.relation, evidence: files.length, officeDueOn: t.next.officeDueOn, finalDueOn: t.next.finalDueOn } })
        await appendEvents(trx, database.dialect, now, eventsFor({ id, receiptNumber, recordId: record.id, subjectId: record.subjectId }, t, null))
        return id
      })
      const objection = await load(id)
      return { objection, receiptNumber: objection.receiptNumber, statusToken }
    },

    forward: (actor: Actor, id: number, note?: string) => staffStep(actor, id, { type: 'forward', ...(note ? { note } : {}) }),
    answer: (actor: Actor, id: number, a: Omit<Extract<ObjectionCommand, { type: 'answer' }>, 'type'>) => staffStep(actor, id, { type: 'answer', ...a }),
    decide: (actor: Actor, id: number, d: Omit<Extract<ObjectionCommand, { type: 'decide' }>, 'type'>) => staffStep(actor, id, { type: 'decide', ...d }),
    suspend: (actor: Actor, id: number, s: Omit<Extract<ObjectionCommand, { type: 'suspend' }>, 'type'>) => staffStep(actor, id, { type: 'suspend', ...s }),
    resume: (actor: Actor, id: number, note?: string) => staffStep(actor, id, { type: 'resume', ...(note ? { note } : {}) }),
    decideReview: (actor: Actor, id: number, d: Omit<Extract<ObjectionCommand, { type: 'decide_review' }>, 'type'>) => staffStep(actor, id, { type: 'decide_review', ...d }),
    refuse: (actor: Actor, id: number, r: Omit<Extract<ObjectionCommand, { type: 'refuse' }>, 'type'>) => staffStep(actor, id, { type: 'refuse', ...r }),
    /** The office records a review request or withdrawal the applicant made in writing or at the counter. */
    requestReview: (actor: Actor, id: number, grounds: string) => staffStep(actor, id, { type: 'request_review', grounds }),
    withdraw: (actor: Actor, id: number, note?: string) => staffStep(actor, id, { type: 'withdraw', ...(note ? { note } : {}) }),

    /** The applicant, with the receipt number and status code, asks for a review. */
    async requestReviewAsApplicant(receiptNumber: string, token: string, grounds: string): Promise<ObjectionStatus> {
      const o = await byCredentials(receiptNumber, token)
      await apply({ type: 'public' }, o, { type: 'request_review', grounds }, ['applicant'])
      return this.status(receiptNumber, token)
    },

    async withdrawAsApplicant(receiptNumber: string, token: string, note?: string): Promise<ObjectionStatus> {
      const o = await byCredentials(receiptNumber, token)
      await apply({ type: 'public' }, o, { type: 'withdraw', ...(note ? { note } : {}) }, ['applicant'])
      return this.status(receiptNumber, token)
    },

    async list(actor: Actor, filter: { state?: ObjectionState; overdue?: boolean; departmentId?: number; limit: number; beforeId?: number }): Promise<Array<StoredObjection & { overdue: boolean }>> {
      authorize(actor, 'review_cases')
      let departmentId = filter.departmentId
      if (!actorRoles(actor).includes('platform_admin')) {
        const own = actor.type === 'user' || actor.type === 'api_key' ? actor.departmentId : null
        if (own === null || (departmentId !== undefined && departmentId !== own)) throw forbidden('只能查看本部门信息的异议', "You may see only objections about your own department's records")
        departmentId = own
      }
      const rows = await repo.list({ limit: filter.limit, ...(filter.state ? { state: filter.state } : {}), ...(departmentId !== undefined ? { departmentId } : {}), ...(filter.overdue ? { overdueOn: today() } : {}), ...(filter.beforeId ? { beforeId: filter.beforeId } : {}) })
      return rows.map(withOverdue)
    },

    async show(actor: Actor, id: number): Promise<ObjectionDetail> {
      const o = await load(id)
      staffParties(actor, o)
      return { ...withOverdue(o), steps: await repo.steps(id), evidence: await listEvidence(database.db, OBJECTION_CASE, id) }
    },

    /** The applicant's status page: a wrong receipt number or code gives the same not-found. */
    async status(receiptNumber: string, token: string): Promise<ObjectionStatus> {
      const o = await byCredentials(receiptNumber, token)
      const steps = await repo.steps(o.id)
      return {
        receiptNumber: o.receiptNumber,
        state: o.state,
        stateLabel: stateLabels[o.state],
        outcome: o.outcome,
        outcomeLabel: o.outcome ? outcomeLabels[o.outcome] : null,
        outcomeNote: o.outcomeNote,
        receivedOn: o.receivedOn,
        dueOn: o.dueOn,
        finalDueOn: o.finalDueOn,
        reviewRequestBy: o.case.reviewRequestBy,
        steps: steps.map((s) => ({ action: s.action, toState: s.toState, at: s.at })),
      }
    },

    /** The subject's own view of its objections (newest first). */
    async listForSubject(subjectId: number): Promise<Array<StoredObjection & { overdue: boolean }>> {
      return (await repo.list({ subjectId, limit: 1000 })).map(withOverdue)
    },

    /**
     * A subject's records carrying the 异议处理中 mark now (the profile shows it wherever the record
     * is shown) and the unverifiable outcomes recorded beside its records, in one read.
     */
    markingSubject: (subjectId: number): Promise<{ open: number[]; notes: ObjectionNote[] }> => readAlone(database, repo.markingSubject(subjectId)),
    /** markingSubject as a read to send with others (a profile's, read-together.ts). */
    markingRead: (subjectId: number): Read<{ open: number[]; notes: ObjectionNote[] }> => repo.markingSubject(subjectId),

    /**
     * Reminders before due dates and escalation after them, as case alerts (idempotent: a tick
     * may run as often as wanted). The provider's deadlines alert its department, the office's the office.
     */
    async tick(actor: Actor = scheduler): Promise<{ reminders: number; overdue: number }> {
      authorize(actor, 'review_cases')
      const [cal, lim, running] = [await calendar.current(), await limits(), await repo.running()]
      const day = today()
      const now = clock.now().toISOString()
      const raised = { reminders: 0, overdue: 0 }
      const detail: Array<{ objectionId: number; kind: string; dueOn: string }> = []
      await database.db.transaction().execute(async (trx: Kysely<Tables>) => {
        for (const o of running) {
          for (const d of runningDeadlines(o.case)) {
            const departmentId = d.party === 'provider' ? o.departmentId : null
            const kind = day > d.dueOn ? 'overdue' : day >= reminderOn(cal, d.dueOn, lim) ? 'reminder' : null
            if (kind && (await raiseAlert(trx, { caseType: OBJECTION_CASE, caseId: o.id, kind, dueOn: d.dueOn, departmentId, at: now }))) {
              raised[kind === 'overdue' ? 'overdue' : 'reminders'] += 1
              detail.push({ objectionId: o.id, kind, dueOn: d.dueOn })
            }
          }
        }
        if (detail.length) await audit.append(trx, { actor, action: 'objection.tick', entityType: OBJECTION_CASE, entityId: 'deadlines', detail: { ...raised, alerts: detail } })
      })
      return raised
    },
  }
}

export type ObjectionService = ReturnType<typeof createObjectionService>
