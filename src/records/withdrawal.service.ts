/**
 * Withdrawal (撤回) by the providing department: when a decision is changed or revoked, its record is
 * withdrawn at once (行政处罚法 Art. 48: within 3 days; SAMR令第45号: 3 working days, with reasons),
 * and every receiver must hear of it (河南条例 Art. 42). The withdrawal is a new version with status
 * `revoked` — nothing is overwritten — and the record leaves public view from that moment (the
 * visibility rules treat a revoked record as withdrawn). The version, the record's move to it, the
 * audit entry and the `record.revoked` event commit together.
 *
 * The withdrawn version keeps its content hash, so a provider re-sending the same old row does not
 * bring the record back; a changed row (a new decision) does.
 */
import type { Database } from '../db/create-database.ts'
import type { Clock } from '../clock.ts'
import { AppError, conflict, forbidden, notFound } from '../errors.ts'
import type { AuditTrail } from '../security/audit-trail.ts'
import { actorRef, type Actor } from '../security/actor.ts'
import { authorize, canActFor } from '../security/policy.ts'
import { appendEvents } from '../changes/event-log.ts'
import { recordRepository } from './record.repository.ts'

export interface WithdrawalRequest {
  /** Why, in the department's words (e.g. 行政复议决定撤销原处罚决定). */
  reason: string
  /** The legal basis (e.g. 《中华人民共和国行政处罚法》第四十八条). */
  legalBasis: string
}

export interface Withdrawal {
  recordId: number
  versionId: number
  version: number
  status: 'revoked'
  withdrawnAt: string
  department: string
}

const REASON_MAX = 500

export function createWithdrawalService(deps: { database: Database; clock: Clock; audit: AuditTrail }) {
  const { database, clock, audit } = deps

  function checked(input: WithdrawalRequest): WithdrawalRequest {
    const reason = input.reason?.trim() ?? ''
    const legalBasis = input.legalBasis?.trim() ?? ''
    if (!reason) throw new AppError('WITHDRAWAL_REASON_REQUIRED', '请写明撤回理由', 'State the reason for the withdrawal', { details: { field: 'reason' } })
    if (!legalBasis) throw new AppError('WITHDRAWAL_BASIS_REQUIRED', '请写明撤回的法律依据', 'State the legal basis of the withdrawal', { details: { field: 'legalBasis' } })
    if (reason.length > REASON_MAX || legalBasis.length > REASON_MAX) throw new AppError('WITHDRAWAL_TEXT_TOO_LONG', `理由和依据各不超过 ${REASON_MAX} 字`, `Reason and legal basis are at most ${REASON_MAX} characters each`)
    return { reason, legalBasis }
  }

  return {
    /** `POST /records/{id}/withdrawal`: the provider (or the platform office) withdraws a record. */
    async withdraw(actor: Actor, recordId: number, input: WithdrawalRequest): Promise<Withdrawal> {
      authorize(actor, 'withdraw_records')
      const request = checked(input)
      const head = await recordRepository(database.db, database.dialect).findHead(recordId)
      if (!head) throw notFound('RECORD_NOT_FOUND', `未找到记录 ${recordId}`, `No record ${recordId}`)
      if (!canActFor(actor, head.departmentId)) throw forbidden('只能撤回本部门报送的记录', "You may withdraw only your own department's records")
      if (head.status === 'revoked') throw conflict('RECORD_ALREADY_WITHDRAWN', `记录 ${recordId} 已撤回`, `Record ${recordId} is already withdrawn`)
      const ref = actorRef(actor)
      return database.db.transaction().execute(async (trx) => {
        const at = clock.now().toISOString()
        const repo = recordRepository(trx, database.dialect)
        if (!(await repo.claim(recordId, head.currentVersionId, at))) {
          throw conflict('RECORD_CHANGED', `记录 ${recordId} 刚有新版本，请核对后重试`, `Record ${recordId} has just changed; check it and try again`)
        }
        const version = head.currentVersion + 1
        const versionId = await repo.appendVersion({ recordId, fromVersionId: head.currentVersionId, version, status: 'revoked', departmentId: head.departmentId, submittedBy: `${ref.type}:${ref.id}`, at })
        await repo.moveTo(recordId, { id: versionId, version, status: 'revoked' }, at)
        await audit.append(trx, { actor, action: 'record.withdraw', entityType: 'record', entityId: recordId, detail: { versionId, version, category: head.category, department: head.departmentCode, reason: request.reason, legalBasis: request.legalBasis } })
        // Last: the feed's lock (taken by the audit entry already) is held until commit.
        await appendEvents(trx, database.dialect, at, [
          { type: 'record.revoked', subjectId: head.subjectId, recordId, payload: { versionId, version, category: head.category, department: head.departmentCode, status: 'revoked', sourceType: 'withdrawal', legalBasis: request.legalBasis, reason: request.reason } },
        ])
        return { recordId, versionId, version, status: 'revoked' as const, withdrawnAt: at, department: head.departmentCode }
      })
    },
  }
}

export type WithdrawalService = ReturnType<typeof createWithdrawalService>
