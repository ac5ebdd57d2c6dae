/**
 * Deadline alerts for subject-rights cases (objections, credit repairs): a reminder before a due
 * date and an escalation once it has passed. Raising is idempotent — one alert per case, kind and
 * due date — so a scheduler may tick as often as it likes.
 */
import type { Kysely } from 'kysely'
import type { Tables } from '../db/database.ts'

export type AlertKind = 'reminder' | 'overdue'

export interface CaseAlert {
  id: number
  caseType: string
  caseId: number
  kind: AlertKind
  dueOn: string
  /** The department that must act; null for the platform office. */
  departmentId: number | null
  raisedAt: string
}

/** Returns true when the alert is new, false when it had been raised before. */
export async function raiseAlert(
  trx: Kysely<Tables>,
  a: { caseType: string; caseId: number; kind: AlertKind; dueOn: string; departmentId: number | null; at: string },
): Promise<boolean> {
  const result = await trx
    .insertInto('case_alerts')
    .values({ case_type: a.caseType, case_id: a.caseId, kind: a.kind, due_on: a.dueOn, department_id: a.departmentId, raised_at: a.at })
    .onConflict((oc) => oc.columns(['case_type', 'case_id', 'kind', 'due_on']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
}

/** Alerts raised so far, newest first. `departmentId: null` asks for the platform office's own. */
export async function openAlerts(db: Kysely<Tables>, filter: { caseType?: string; departmentId?: number | null } = {}): Promise<CaseAlert[]> {
  let q = db.selectFrom('case_alerts').selectAll()
  if (filter.caseType !== undefined) q = q.where('case_type', '=', filter.caseType)
  if (filter.departmentId === null) q = q.where('department_id', 'is', null)
  else if (filter.departmentId !== undefined) q = q.where('department_id', '=', filter.departmentId)
  const rows = await q.orderBy('raised_at', 'desc').orderBy('id', 'desc').execute()
  return rows.map((r) => ({
    id: Number(r.id),
    caseType: r.case_type,
    caseId: Number(r.case_id),
    kind: r.kind as AlertKind,
    dueOn: r.due_on,
    departmentId: r.department_id === null ? null : Number(r.department_id),
    raisedAt: r.raised_at,
  }))
}
