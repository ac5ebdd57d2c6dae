/**
 * Credit commitments (信用承诺) are records of the catalog's commitment item: a subject's
 * commitments with their status (commitment.ts), organisations' commitments on a public page, and
 * the breach an accepting department records — a new version of the commitment with its
 * fulfilment set to 未履约, written with its audit entry and a change-feed event in one
 * transaction. From then on it is a negative record: shown on the profile, and counted by credit
 * checks for a year (general dishonesty).
 */
import type { Database } from '../db/create-database.ts'
import { chinaDate, type Clock } from '../clock.ts'
import { AppError, conflict, forbidden, notFound } from '../errors.ts'
import type { AuditTrail } from '../security/audit-trail.ts'
import { actorRef, type Actor } from '../security/actor.ts'
import { authorize, can, canActFor } from '../security/policy.ts'
import type { CatalogService } from '../catalog/catalog.service.ts'
import type { SubjectService } from '../subjects/subject.service.ts'
import { recordContentHash } from '../collection/content-hash.ts'
import type { PayloadValue } from '../collection/collection.ts'
import { appendEvents } from '../changes/event-log.ts'
import { recordRepository } from '../records/record.repository.ts'
import { breachAllowed, commitmentKinds, commitmentStatus, commitmentStatusLabels, type CommitmentKind, type CommitmentStatus, type CommitmentTerms } from './commitment.ts'
import { commitmentRepository, type CommitmentRow } from './commitment.repository.ts'
import { BREACH_CODE, COMMITMENT_ITEM, FULFILMENT_KEY, parsePayload } from './standing.ts'

const kindByCode: Record<string, CommitmentKind> = { '01': 'approval_substitute', '02': 'voluntary', '03': 'industry_self_discipline', '04': 'credit_repair' }

export interface CommitmentView {
  recordId: number
  subject: { id: number; name: string }
  kind: CommitmentKind | null
  kindLabel: string | null
  matter: string | null
  content: string | null
  number: string | null
  madeOn: string | null
  termEnd: string | null
  acceptingUnit: string | null
  status: CommitmentStatus
  statusLabel: string
  breachedOn: string | null
  breach: string | null
}

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null)
const day = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10)

/** A commitment's terms from its current version (fulfilment 02 / 03 dated by the version that said so). */
export function termsOf(row: CommitmentRow): CommitmentTerms & { payload: Record<string, unknown> } {
  const p = parsePayload(row.payload)
  const fulfilment = str(p[FULFILMENT_KEY])
  const since = row.publicationDate ?? day(row.receivedAt)
  return {
    payload: p,
    kind: kindByCode[String(p['COMMITMENT_TYPE'])] ?? 'voluntary',
    madeOn: str(p['COMMITMENT_DATE']) ?? day(row.receivedAt),
    termEnd: str(p['COMMITMENT_TERM']),
    fulfilledOn: fulfilment === '02' ? since : null,
    breachedOn: fulfilment === BREACH_CODE ? since : null,
  }
}

function viewOf(row: CommitmentRow, today: string): CommitmentView {
  const t = termsOf(row)
  const kindCode = kindByCode[String(t.payload['COMMITMENT_TYPE'])]
  const status = commitmentStatus(t, today)
  return {
    recordId: row.recordId,
    subject: { id: row.subjectId, name: row.subjectName },
    kind: kindCode ?? null,
    kindLabel: kindCode ? commitmentKinds[kindCode].zh : null,
    matter: str(t.payload['COMMITMENT_MATTER']),
    content: str(t.payload['COMMITMENT_CONTENT']),
    number: str(t.payload['COMMITMENT_NUMBER']),
    madeOn: t.madeOn,
    termEnd: t.termEnd,
    acceptingUnit: str(t.payload['ACCEPTING_UNIT']),
    status,
    statusLabel: commitmentStatusLabels[status].zh,
    breachedOn: t.breachedOn,
    breach: str(t.payload['BREACH_DESCRIPTION']),
  }
}

export function createCommitmentService(deps: { database: Database; clock: Clock; audit: AuditTrail; catalog: CatalogService; subjects: SubjectService }) {
  const { database, clock, audit } = deps
  const repo = commitmentRepository(database.db)

  return {
    /** A subject's commitments: all for staff; organisations' for the public. */
    async ofSubject(actor: Actor, code: string): Promise<CommitmentView[]> {
      const subjectId = await deps.subjects.resolveId(code)
      if (subjectId === undefined) throw notFound('SUBJECT_NOT_FOUND', '未找到该主体', 'No such subject')
      const rows = await repo.ofSubject(COMMITMENT_ITEM, subjectId)
      const staff = actor.type !== 'public' && can(actor, 'read_shared_records')
      const today = chinaDate(clock)
      return rows.filter((r) => staff || (r.status === 'in_force' && r.subjectKind !== 'natural_person')).map((r) => viewOf(r, today))
    },

    /** The public page of organisations' commitments (信用承诺公示). */
    async publicPage(filter: { subject?: string; q?: string; page?: number }): Promise<{ page: number; total: number; items: CommitmentView[] }> {
      const subjectId = filter.subject ? await deps.subjects.resolveId(filter.subject) : undefined
      if (filter.subject && subjectId === undefined) return { page: 1, total: 0, items: [] }
      const page = Math.max(filter.page ?? 1, 1)
      const { rows, total } = await repo.publicPage(COMMITMENT_ITEM, { ...(subjectId !== undefined ? { subjectId } : {}), ...(filter.q?.trim() ? { q: filter.q.trim() } : {}), offset: (page - 1) * 20, limit: 20 })
      const today = chinaDate(clock)
      return { page, total, items: rows.map((r) => viewOf(r, today)) }
    },

    /** The accepting department records a breach. Audited; a change-feed event. */
    async recordBreach(actor: Actor, recordId: number, input: { breachedOn: string; description: string }): Promise<CommitmentView> {
      authorize(actor, 'submit_records')
      const row = await repo.one(COMMITMENT_ITEM, recordId)
      if (!row) throw notFound('COMMITMENT_NOT_FOUND', `承诺记录 ${recordId} 不存在`, `No commitment ${recordId}`)
      if (!canActFor(actor, row.departmentId)) throw forbidden('只有受诺单位可以记录违诺', 'Only the accepting department records a breach')
      if (row.status !== 'in_force') throw conflict('COMMITMENT_NOT_IN_FORCE', '该承诺记录已撤销或归档', 'The commitment record was revoked or archived')
      const today = chinaDate(clock)
      if (!/^\d{4}-\d{2}-\d{2}$/.test(input.breachedOn) || input.breachedOn > today) throw new AppError('BREACH_DATE_INVALID', '违诺日期须为不晚于今天的 YYYY-MM-DD 日期', 'The breach date must be a YYYY-MM-DD date not after today', { details: { field: 'breachedOn' } })
      const description = input.description.trim()
      if (!description) throw new AppError('BREACH_DESCRIPTION_REQUIRED', '请说明违诺情况', 'Describe the breach', { details: { field: 'description' } })
      const terms = termsOf(row)
      const verdict = breachAllowed(terms, input.breachedOn)
      if (!verdict.allowed) throw conflict('COMMITMENT_BREACH_REFUSED', verdict.zh, verdict.en)

      const definition = (await deps.catalog.get(COMMITMENT_ITEM)).definition
      const payload = { ...terms.payload, [FULFILMENT_KEY]: BREACH_CODE, BREACH_DESCRIPTION: description.slice(0, 2000) } as Record<string, PayloadValue>
      const contentHash = recordContentHash(definition, payload)
      const ref = actorRef(actor)
      const at = clock.now().toISOString()
      await database.db.transaction().execute(async (trx) => {
        const records = recordRepository(trx, database.dialect)
        const head = await records.findHead(recordId)
        if (!head || head.currentVersion !== row.version || !(await records.claim(recordId, head.currentVersionId, at))) {
          throw conflict('COMMITMENT_CHANGED', '该承诺刚被更新，请刷新后重试', 'The commitment changed meanwhile; reload and retry')
        }
        const version = head.currentVersion + 1
        // The breach date opens the publicity of the breach as dishonesty information (tier general).
        const versionId = await records.appendVersion({ recordId, fromVersionId: head.currentVersionId, version, status: 'in_force', departmentId: head.departmentId, submittedBy: `${ref.type}:${ref.id}`, at, changes: { payload: JSON.stringify(payload), contentHash, publicationDate: input.breachedOn, tier: 'general' } })
        await records.moveTo(recordId, { id: versionId, version, status: 'in_force' }, at)
        await commitmentRepository(trx).markContent(recordId, contentHash)
        await audit.append(trx, { actor, action: 'commitment.breached', entityType: 'record', entityId: recordId, detail: { subjectId: row.subjectId, version, breachedOn: input.breachedOn } })
        await appendEvents(trx, database.dialect, at, [{ type: 'record.superseded', subjectId: row.subjectId, recordId, payload: { category: COMMITMENT_ITEM, version, status: 'in_force', reasonCode: 'commitment_breached', breachedOn: input.breachedOn, tier: 'general' } }])
      })
      return viewOf((await repo.one(COMMITMENT_ITEM, recordId))!, today)
    },
  }
}

export type CommitmentService = ReturnType<typeof createCommitmentService>
