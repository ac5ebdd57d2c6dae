/**
 * The publicity engine's use cases: explain a record's publicity (which rule, tier, dates, and why
 * it is shown or not), the scheduler's tick, and the rule-set versions the platform office installs.
 */
import type { Database } from '../db/create-database.ts'
import { chinaDate, type Clock } from '../clock.ts'
import { AppError, forbidden, notFound } from '../errors.ts'
import type { AuditTrail } from '../security/audit-trail.ts'
import { actorRef, type Actor } from '../security/actor.ts'
import { authorize, canActFor } from '../security/policy.ts'
import type { CatalogService } from '../catalog/catalog.service.ts'
import { createItemRulesCache } from '../profiles/item-rules-cache.ts'
import { recordVisibility } from '../profiles/visibility.ts'
import { serializeWriters } from '../db/serialize.ts'
import { assessPublicity, type PublicityAssessment } from './assess-publicity.ts'
import { builtInRuleSet } from './built-in-rule-set.ts'
import { publicityRecordOf } from './publicity-record.ts'
import { createPublicityRules } from './publicity-rules.ts'
import { configGeneration } from '../db/config-generation.ts'
import { createPublicitySchedule, type TickReport } from './publicity-schedule.ts'
import { publicityRepository } from './publicity.repository.ts'
import { decisionsOf, type DecisionKind } from './record-decisions.ts'
import { parseRuleSetDefinition, ruleSetInForce, type PublicityRuleSet } from './rule-set.ts'

export interface PublicityExplanation extends PublicityAssessment {
  recordId: number
  subjectId: number
  category: string
  categoryName: string
  /** The providing department. */
  department: string
  status: string
  version: number
  /** The dates the record carries, as the provider sent them. */
  dates: { decision: string | null; publication: string | null; validFrom: string | null; validTo: string | null; publicityEnd: string | null }
  /** The tier the provider sent, if any (used when valid). */
  providerTier: string | null
  decisions: Array<{ kind: DecisionKind; effectiveAt: string; basis: string; sourceType: string; sourceId: string }>
  ruleSet: { version: number; name: string; effectiveFrom: string; legalBasis: string }
  /** The public may see it now: in its window and of a public item (natural persons' penalties are not). */
  shownToPublic: boolean
  asOf: { today: string; now: string }
}

export interface RuleSetSummary {
  version: number
  name: string
  effectiveFrom: string
  legalBasis: string
  createdBy: string
  createdAt: string
  inForce: boolean
}

export function createPublicityService(deps: { database: Database; clock: Clock; audit: AuditTrail; catalog: CatalogService }) {
  const { database, clock, audit } = deps
  const repo = publicityRepository(database.db)
  const generation = configGeneration(database.db)
  const rules = createPublicityRules({ repo, generation })
  const catalogRules = createItemRulesCache({ catalog: deps.catalog, generation })
  const schedule = createPublicitySchedule({ database, clock, audit, rules, catalog: () => catalogRules.currentRules() })
  const instant = () => ({ today: chinaDate(clock), now: clock.now().toISOString() })
  const recordNotFound = (id: number) => notFound('RECORD_NOT_FOUND', `未找到记录 ${id}`, `No record ${id}`)

  async function explain(recordId: number): Promise<PublicityExplanation> {
    const at = instant()
    const [[facts], decisions, sets, current] = await Promise.all([repo.recordFacts([recordId]), decisionsOf(database.db, [recordId]), rules.sets(), catalogRules.currentRules()])
    if (!facts) throw recordNotFound(recordId)
    const compiled = rules.compiled(sets, at.today, { key: current, definitions: current.definitions })
    const set = ruleSetInForce(sets, at.today) ?? builtInRuleSet
    const assessment = assessPublicity(compiled.ruleOf(facts.category), publicityRecordOf(facts, facts.departmentCode, decisions), at)
    const item = current.rulesOf(facts.category)
    const subject = await database.db.selectFrom('subjects').select('kind').where('id', '=', facts.subjectId).executeTakeFirst()
    const shownToPublic = recordVisibility(
      { kind: 'public' },
      {
        category: facts.category,
        sharingLevel: item.sharingLevel,
        ...(item.naturalPersonSharingLevel ? { naturalPersonSharingLevel: item.naturalPersonSharingLevel } : {}),
        aboutNaturalPerson: subject?.kind === 'natural_person',
        status: facts.status,
        underObjection: false,
        providerDepartmentId: facts.departmentId,
        publicity: { shown: assessment.shown, withdrawn: assessment.withdrawn },
      },
      at,
    ).visible
    return {
      ...assessment,
      recordId,
      subjectId: facts.subjectId,
      category: facts.category,
      categoryName: item.name,
      department: facts.departmentCode,
      status: facts.status,
      version: facts.currentVersion,
      dates: { decision: facts.decisionDate, publication: facts.publicationDate, validFrom: facts.validFrom, validTo: facts.validTo, publicityEnd: facts.publicityEnd },
      providerTier: facts.tier,
      decisions: decisions.map((d) => ({ kind: d.kind, effectiveAt: d.effectiveAt, basis: d.basis, sourceType: d.sourceType, sourceId: d.sourceId })),
      ruleSet: { version: set.version, name: set.name, effectiveFrom: set.effectiveFrom, legalBasis: set.legalBasis },
      shownToPublic,
      asOf: at,
    }
  }

  async function ruleSets(): Promise<RuleSetSummary[]> {
    const sets = await rules.sets()
    const inForce = ruleSetInForce(sets, chinaDate(clock))?.version
    return sets.map((s) => ({ version: s.version, name: s.name, effectiveFrom: s.effectiveFrom, legalBasis: s.legalBasis, createdBy: s.createdBy, createdAt: s.createdAt, inForce: s.version === inForce }))
  }

  return {
    /** The assessment of a record today with its dates and decisions (for other services: no permission check). */
    explain,

    /** `GET /records/{id}/publicity`: for the platform office and the providing department. */
    async explainFor(actor: Actor, recordId: number): Promise<PublicityExplanation> {
      authorize(actor, 'explain_publicity')
      const [facts] = await repo.recordFacts([recordId])
      if (!facts) throw recordNotFound(recordId)
      if (!canActFor(actor, facts.departmentId)) throw forbidden('只能查看本部门报送记录的公示情况', "You may see the publicity of your own department's records only")
      return explain(recordId)
    },

    /** Announces every window end and archive day now due on the change feed (see publicity-schedule.ts). */
    tick: (options?: { budgetMs?: number }): Promise<TickReport & { complete: boolean }> => schedule.tick(options),

    ruleSets,

    async ruleSet(version: number): Promise<PublicityRuleSet> {
      const found = (await rules.sets()).find((s) => s.version === version)
      if (!found) throw notFound('PUBLICITY_RULES_NOT_FOUND', `没有第 ${version} 版公示规则`, `No publicity rules version ${version}`)
      return found
    },

    /** The platform office installs a new version; it decides publicity from its effective date. */
    async installRuleSet(actor: Actor, json: unknown): Promise<RuleSetSummary> {
      authorize(actor, 'manage_publicity_rules')
      const definition = parseRuleSetDefinition(json)
      const known = new Set((await deps.catalog.list()).map((i) => i.code))
      const unknown = Object.keys(definition.items).filter((code) => !known.has(code))
      if (unknown.length) {
        throw new AppError('PUBLICITY_RULES_UNKNOWN_ITEM', `公示规则中的目录项不存在：${unknown.join('、')}`, `Publicity rules name items not in the catalog: ${unknown.join(', ')}`, { details: { items: unknown } })
      }
      const createdAt = clock.now().toISOString()
      const installed = await database.db.transaction().execute(async (trx) => {
        // Versions are numbered in order: one installer at a time.
        await serializeWriters(trx, database.dialect, 'publicity_rule_sets')
        const r = publicityRepository(trx)
        const version = Math.max(builtInRuleSet.version, await r.latestRuleSetVersion()) + 1
        const set: PublicityRuleSet = { ...definition, version, createdBy: `${actorRef(actor).type}:${actorRef(actor).id}`, createdAt }
        await r.insertRuleSet(set)
        await audit.append(trx, { actor, action: 'publicity_rules.install', entityType: 'publicity_rule_set', entityId: version, detail: { name: set.name, effectiveFrom: set.effectiveFrom, legalBasis: set.legalBasis } })
        return set
      })
      return (await ruleSets()).find((s) => s.version === installed.version)!
    },
  }
}

export type PublicityService = ReturnType<typeof createPublicityService>
