/**
 * The subject's own view (本人查询) and its request to archive (转为档案保存). A subject whose identity
 * a channel has verified (today: the service-hall counter, in person) sees everything held about it —
 * public or not, in force, withdrawn or archived — with each record's publicity and the decisions
 * taken about it, its objections and repair applications, and who read its non-public data (河南条例
 * Art. 40; PIPL Art. 45). It builds on the query platform's own profile, with the publicity engine's
 * account of each record and the subject's objections and repair applications.
 *
 * Once a record's publicity period has passed, the subject may have it archived (河南条例 Art. 44):
 * the decision, its audit entry and the `record.archived` event commit together.
 */
import type { Database } from '../db/create-database.ts'
import { chinaDate, type Clock } from '../clock.ts'
import { AppError, notFound } from '../errors.ts'
import type { AuditTrail } from '../security/audit-trail.ts'
import { actorRef, type Actor } from '../security/actor.ts'
import { authorize } from '../security/policy.ts'
import type { QueryLogView } from '../security/query-log.ts'
import type { ProfileService, VerifiedSubject } from '../profiles/profile.service.ts'
import type { Profile, ProfileRecord } from '../profiles/profile.ts'
import { appendDecision, decisionsOf, type RecordDecision } from '../publicity/record-decisions.ts'
import { appendEvents } from '../changes/event-log.ts'
import { archiveEligibility, type ArchiveEligibility } from './archive-eligibility.ts'
import type { PublicityExplanation } from '../publicity/publicity.service.ts'
import type { ObjectionService } from '../objections/objection.service.ts'
import type { Repair } from '../repairs/repair.ts'

export type SubjectObjection = Awaited<ReturnType<ObjectionService['listForSubject']>>[number]

export interface OwnRecord extends ProfileRecord {
  /** The publicity engine's explanation: rule, tier, dates, state and why. */
  publicity: PublicityExplanation
  decisions: Array<Pick<RecordDecision, 'kind' | 'effectiveAt' | 'basis' | 'sourceType'>>
  archive: ArchiveEligibility
}

export interface OwnFile {
  subject: Profile['subject']
  asOf: string
  verifiedBy: string
  records: OwnRecord[]
  objections: readonly SubjectObjection[]
  repairs: readonly Repair[]
  /** Who read the subject's non-public data, newest first. */
  readers: Array<Omit<QueryLogView, 'actorId'>>
}

export interface ArchiveResult {
  recordId: number
  decisionId: number
  effectiveAt: string
}

/** 河南省社会信用条例 Art. 44. */
export const ARCHIVE_BASIS = '《河南省社会信用条例》第四十四条：公示期届满，信用主体申请转为档案保存'
const PAGE = 200
const READERS = 100

export function createOwnFileService(deps: {
  database: Database
  clock: Clock
  audit: AuditTrail
  profiles: ProfileService
  /** The publicity engine (platform.publicity): why a record is shown or not, and until when. */
  publicityOf: (recordId: number) => Promise<PublicityExplanation>
  objectionsOf: (subjectId: number) => Promise<readonly SubjectObjection[]>
  repairsOf: (subjectId: number) => Promise<readonly Repair[]>
}) {
  const { database, clock, audit, profiles } = deps

  /** Every record of the subject, all groups, all pages. */
  async function ownRecords(self: VerifiedSubject): Promise<{ profile: Profile; records: ProfileRecord[] }> {
    const profile = await profiles.ownProfile(self, { limit: PAGE })
    const records: ProfileRecord[] = []
    for (const group of profile.groups) {
      records.push(...group.records)
      for (let offset = group.records.length; offset < group.count; offset += PAGE) {
        const more = await profiles.ownProfile(self, { group: group.group, offset, limit: PAGE })
        records.push(...(more.groups.find((g) => g.group === group.group)?.records ?? []))
      }
    }
    return { profile, records }
  }

  async function assess(record: ProfileRecord, decisions: RecordDecision[]): Promise<{ publicity: PublicityExplanation; archive: ArchiveEligibility }> {
    const publicity = await deps.publicityOf(record.id)
    const archive = archiveEligibility({ today: chinaDate(clock), publicityEnd: publicity.end, status: record.status, decisions })
    return { publicity, archive }
  }

  const byRecord = (decisions: RecordDecision[]) => {
    const out = new Map<number, RecordDecision[]>()
    for (const d of decisions) out.set(d.recordId, [...(out.get(d.recordId) ?? []), d])
    return out
  }

  return {
    /** Everything held about a verified subject. Its own read: not written to the query log. */
    async ownFile(self: VerifiedSubject): Promise<OwnFile> {
      const { profile, records } = await ownRecords(self)
      const decisions = byRecord(await decisionsOf(database.db, records.map((r) => r.id)))
      const [own, objections, repairs, readers] = await Promise.all([
        Promise.all(
          records.map(async (r): Promise<OwnRecord> => {
            const list = decisions.get(r.id) ?? []
            return { ...r, ...(await assess(r, list)), decisions: list.map((d) => ({ kind: d.kind, effectiveAt: d.effectiveAt, basis: d.basis, sourceType: d.sourceType })) }
          }),
        ),
        deps.objectionsOf(self.subjectId),
        deps.repairsOf(self.subjectId),
        profiles.ownQueryLog(self, { limit: READERS }),
      ])
      return { subject: profile.subject, asOf: profile.asOf, verifiedBy: self.verifiedBy, records: own, objections, repairs, readers }
    },

    /**
     * The subject asks, at a verified channel, for a record whose publicity period has passed to be
     * archived. `actor` is who takes the request (the counter clerk, the command line).
     */
    async requestArchive(actor: Actor, self: VerifiedSubject, recordId: number): Promise<ArchiveResult> {
      authorize(actor, 'serve_subjects')
      const { records } = await ownRecords(self)
      const record = records.find((r) => r.id === recordId)
      // Another subject's record does not exist for this one.
      if (!record) throw notFound('RECORD_NOT_FOUND', `未找到本主体的记录 ${recordId}`, `The subject has no record ${recordId}`)
      const publicityEnd = (await deps.publicityOf(recordId)).end
      const refuseUnlessEligible = (decisions: RecordDecision[]) => {
        const eligibility = archiveEligibility({ today: chinaDate(clock), publicityEnd, status: record.status, decisions })
        if (eligibility.eligible) return
        const { reasons } = eligibility
        throw new AppError('ARCHIVE_NOT_ELIGIBLE', `不能转为档案保存：${reasons.map((r) => r.zh).join('；')}`, `The record cannot be archived: ${reasons.map((r) => r.en).join('; ')}`, { kind: 'conflict', details: { recordId, reasons } })
      }
      refuseUnlessEligible(await decisionsOf(database.db, [recordId]))

      const ref = actorRef(actor)
      return database.db.transaction().execute(async (trx) => {
        const at = clock.now().toISOString()
        // The audit entry takes the trail's lock first: a second request for the same record waits,
        // then finds this decision and is refused.
        await audit.append(trx, { actor, action: 'record.archive', entityType: 'record', entityId: recordId, detail: { subjectId: self.subjectId, verifiedBy: self.verifiedBy, basis: ARCHIVE_BASIS } })
        refuseUnlessEligible(await decisionsOf(trx, [recordId]))
        const decisionId = await appendDecision(trx, { recordId, subjectId: self.subjectId, kind: 'archived', effectiveAt: at, basis: ARCHIVE_BASIS, sourceType: 'archive_request', sourceId: `${self.verifiedBy}@${at}`, decidedBy: `${ref.type}:${ref.id}` }, at)
        await appendEvents(trx, database.dialect, at, [
          { type: 'record.archived', subjectId: self.subjectId, recordId, payload: { decisionId, category: record.category, department: record.provenance.department.code, effectiveAt: at, sourceType: 'archive_request', basis: ARCHIVE_BASIS } },
        ])
        return { recordId, decisionId, effectiveAt: at }
      })
    },
  }
}

export type OwnFileService = ReturnType<typeof createOwnFileService>
