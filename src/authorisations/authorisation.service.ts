/**
 * Use cases for authorisations: a bank or licensed credit agency records the subject's written
 * authorisation it holds (or the platform office does for it), lists and revokes them; the query
 * platform finds the one in force when the bank asks for a credit file. Every change is written
 * with its audit entry in one transaction.
 */
import type { Database } from '../db/create-database.ts'
import { chinaDate, type Clock } from '../clock.ts'
import { AppError, conflict, forbidden, notFound } from '../errors.ts'
import type { AuditTrail } from '../security/audit-trail.ts'
import { actorRoles, type Actor } from '../security/actor.ts'
import { authorize, can, canActFor } from '../security/policy.ts'
import type { SubjectService } from '../subjects/subject.service.ts'
import type { DepartmentService } from '../departments/department.service.ts'
import type { CatalogService } from '../catalog/catalog.service.ts'
import { authorisationRepository } from './authorisation.repository.ts'
import { checkAuthorisationTerms, type NewAuthorisation, type StoredAuthorisation } from './authorisation.ts'

export function createAuthorisationService(deps: { database: Database; clock: Clock; audit: AuditTrail; subjects: SubjectService; departments: DepartmentService; catalog: CatalogService }) {
  const { database, clock, audit, subjects, departments, catalog } = deps
  const repo = authorisationRepository(database.db)
  const at = () => ({ today: chinaDate(clock), now: clock.now().toISOString() })
  const ownDepartment = (actor: Actor) => (actor.type === 'user' || actor.type === 'api_key' ? { id: actor.departmentId, code: actor.departmentCode } : null)
  const authorisationNotFound = (id: number) => notFound('AUTHORISATION_NOT_FOUND', `未找到授权 ${id}`, `No authorisation ${id}`)

  /** Platform administrators and auditors see every department's authorisations; others their own. */
  function readScope(actor: Actor): { all: true } | { all: false; departmentId: number } {
    if (actor.type === 'public') authorize(actor, 'manage_authorisations')
    if (can(actor, 'read_query_log') || actorRoles(actor).includes('platform_admin')) return { all: true }
    authorize(actor, 'manage_authorisations')
    const own = ownDepartment(actor)
    if (!own?.id) throw forbidden()
    return { all: false, departmentId: own.id }
  }

  async function readable(actor: Actor, id: number): Promise<StoredAuthorisation> {
    const scope = readScope(actor)
    const found = await repo.find(id)
    // Another department's authorisation does not exist for this caller.
    if (!found || (!scope.all && found.grantee.id !== scope.departmentId)) throw authorisationNotFound(id)
    return found
  }

  async function subjectId(code: string): Promise<number> {
    const id = await subjects.resolveId(code)
    if (id === undefined) throw notFound('SUBJECT_NOT_FOUND', `未找到信用主体 ${code}`, `No credit subject found for ${code}`)
    return id
  }

  return {
    async record(actor: Actor, input: NewAuthorisation): Promise<StoredAuthorisation> {
      authorize(actor, 'manage_authorisations')
      const code = input.department ?? ownDepartment(actor)?.code
      if (!code) throw new AppError('AUTHORISATION_DEPARTMENT_REQUIRED', '请指定被授权机构', 'Say which institution is authorised', { details: { field: 'department' } })
      const grantee = await departments.get(code)
      if (!canActFor(actor, grantee.id)) throw forbidden('只能登记授权给本机构的授权书', 'You may record only authorisations granted to your own institution')
      if (grantee.kind !== 'bank' || grantee.status !== 'active') {
        throw new AppError('AUTHORISATION_GRANTEE_INVALID', `${grantee.name} 不是在用的金融机构或征信机构，不能作为被授权机构`, `${grantee.nameEn} is not an active bank or credit agency and cannot be authorised`, { details: { field: 'department', value: code } })
      }
      const terms = checkAuthorisationTerms(input, at())
      const known = new Set((await catalog.list()).map((i) => i.code))
      const unknown = terms.scope.filter((c) => !known.has(c))
      if (unknown.length) throw new AppError('AUTHORISATION_SCOPE_UNKNOWN', `授权范围中有目录中不存在的项：${unknown.join('、')}`, `The scope names items not in the catalog: ${unknown.join(', ')}`, { details: { field: 'scope', value: unknown } })
      const subject = await subjectId(input.subject)
      const id = await database.db.transaction().execute(async (trx) => {
        const id = await authorisationRepository(trx).insert({ subjectId: subject, granteeDepartmentId: grantee.id, scope: terms.scope, purpose: input.purpose.trim(), grantedOn: input.grantedOn, expiresAt: new Date(input.expiresAt).toISOString(), evidence: input.evidence.trim(), at: clock.now().toISOString() })
        await audit.append(trx, { actor, action: 'authorisation.record', entityType: 'authorisation', entityId: id, detail: { subjectId: subject, grantee: grantee.code, scope: terms.scope, purpose: input.purpose.trim(), grantedOn: input.grantedOn, expiresAt: input.expiresAt, evidence: input.evidence.trim() } })
        return id
      })
      return (await repo.find(id))!
    },

    get: readable,

    async list(actor: Actor, filter: { subject?: string; department?: string; inForce?: boolean; limit: number; beforeId?: number }): Promise<StoredAuthorisation[]> {
      const scope = readScope(actor)
      let granteeDepartmentId = scope.all ? undefined : scope.departmentId
      if (filter.department) {
        const d = await departments.get(filter.department)
        if (!scope.all && d.id !== scope.departmentId) throw forbidden('只能查看本机构的授权', "You may see only your own institution's authorisations")
        granteeDepartmentId = d.id
      }
      return repo.list({
        limit: filter.limit,
        ...(filter.subject ? { subjectId: await subjectId(filter.subject) } : {}),
        ...(granteeDepartmentId !== undefined ? { granteeDepartmentId } : {}),
        ...(filter.inForce ? { inForceAt: at() } : {}),
        ...(filter.beforeId ? { beforeId: filter.beforeId } : {}),
      })
    },

    /** Ends an authorisation now (the subject withdrew consent, or it was recorded in error). */
    async revoke(actor: Actor, id: number, reason?: string): Promise<StoredAuthorisation> {
      authorize(actor, 'manage_authorisations')
      const found = await readable(actor, id)
      if (!canActFor(actor, found.grantee.id)) throw forbidden()
      await database.db.transaction().execute(async (trx) => {
        if (!(await authorisationRepository(trx).revoke(id, clock.now().toISOString()))) throw conflict('AUTHORISATION_REVOKED', `授权 ${id} 已撤销`, `Authorisation ${id} is already revoked`)
        await audit.append(trx, { actor, action: 'authorisation.revoke', entityType: 'authorisation', entityId: id, detail: { subjectId: found.subjectId, grantee: found.grantee.code, reason: reason ?? null } })
      })
      return (await repo.find(id))!
    },

    /**
     * The authorisation a bank's query rests on: the one it names, which must be its own, for this
     * subject, and in force; or else the newest in force. Undefined when there is none.
     */
    async forQuery(subjectId: number, granteeDepartmentId: number, id?: number): Promise<StoredAuthorisation | undefined> {
      const now = at()
      if (id === undefined) return repo.findInForce(subjectId, granteeDepartmentId, now)
      const found = await repo.find(id)
      if (!found || found.subjectId !== subjectId || found.grantee.id !== granteeDepartmentId) throw authorisationNotFound(id)
      if (found.revokedAt !== null || found.grantedOn > now.today || found.expiresAt <= now.now) {
        throw new AppError('AUTHORISATION_NOT_IN_FORCE', `授权 ${id} 已撤销、已过期或尚未生效`, `Authorisation ${id} is revoked, expired or not yet in force`, { kind: 'forbidden' })
      }
      return found
    },
  }
}

export type AuthorisationService = ReturnType<typeof createAuthorisationService>
