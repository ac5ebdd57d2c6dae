/**
 * All SQL of the publicity engine: installed rule sets, the facts a record's assessment needs (read
 * set-based, a thousand records per statement), the planner's schedule and high-water marks.
 */
import { sql, type Kysely } from 'kysely'
import type { Tables } from '../db/database.ts'
import type { PublicityRuleSet, PublicityRuleSetDefinition } from './rule-set.ts'
import type { RecordStatus } from './assess-publicity.ts'

export interface RecordPublicityFacts {
  id: number
  subjectId: number
  category: string
  status: RecordStatus
  departmentId: number
  departmentCode: string
  currentVersion: number
  decisionDate: string | null
  publicationDate: string | null
  validFrom: string | null
  validTo: string | null
  publicityEnd: string | null
  tier: string | null
  payload: string
}

export interface ScheduleRow {
  recordId: number
  subjectId: number
  category: string
  endsOn: string | null
  archivesOn: string | null
  endedFor: string | null
  archivedFor: string | null
  ruleSetVersion: number
}

/**
 * events, decisions: high-water marks; batch_version: the last version id planned of the batch event
 * after `events`; rule_set, catalog: what the schedule was planned under; replan_after: a full
 * re-plan's position (-1: none running); tick: a counter every tick bumps first.
 */
export type ProgressName = 'events' | 'batch_version' | 'decisions' | 'rule_set' | 'catalog' | 'replan_after' | 'tick'

const ID_CHUNK = 1000
const chunks = <T>(items: readonly T[], size = ID_CHUNK): T[][] => {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
const statuses = new Set(['in_force', 'revoked', 'archived'])

export function publicityRepository(db: Kysely<Tables>) {
  return {
    async ruleSets(): Promise<PublicityRuleSet[]> {
      const rows = await db.selectFrom('publicity_rule_sets').selectAll().orderBy('version').execute()
      return rows.map((r) => ({ ...(JSON.parse(r.rules) as PublicityRuleSetDefinition), version: r.version, createdBy: r.created_by, createdAt: r.created_at }))
    },

    /** Changes whenever a version is installed: the rules cache key. */
    async latestRuleSetVersion(): Promise<number> {
      const row = await db.selectFrom('publicity_rule_sets').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst()
      return Number(row?.v ?? 0)
    },

    async insertRuleSet(set: PublicityRuleSet): Promise<void> {
      const { version, createdBy, createdAt, ...definition } = set
      await db
        .insertInto('publicity_rule_sets')
        .values({ version, name: set.name, effective_from: set.effectiveFrom, rules: JSON.stringify(definition), legal_basis: set.legalBasis, created_by: createdBy, created_at: createdAt })
        .execute()
    },

    /** Each record with its current version's dates, tier and fields. */
    async recordFacts(recordIds: readonly number[]): Promise<RecordPublicityFacts[]> {
      const out: RecordPublicityFacts[] = []
      for (const ids of chunks([...new Set(recordIds)])) {
        const rows = await db
          .selectFrom('records as r')
          .innerJoin('record_versions as v', 'v.id', 'r.current_version_id')
          .innerJoin('departments as d', 'd.id', 'r.department_id')
          .select(['r.id', 'r.subject_id', 'r.category', 'r.status', 'r.department_id', 'r.current_version', 'd.code', 'v.decision_date', 'v.publication_date', 'v.valid_from', 'v.valid_to', 'v.publicity_end', 'v.tier', 'v.payload'])
          .where('r.id', 'in', ids)
          .orderBy('r.id')
          .execute()
        for (const r of rows) {
          out.push({
            id: Number(r.id),
            subjectId: Number(r.subject_id),
            category: r.category,
            // An unknown stored status fails closed: treated as archived.
            status: (statuses.has(r.status) ? r.status : 'archived') as RecordStatus,
            departmentId: Number(r.department_id),
            departmentCode: r.code,
            currentVersion: r.current_version,
            decisionDate: r.decision_date,
            publicationDate: r.publication_date,
            validFrom: r.valid_from,
            validTo: r.valid_to,
            publicityEnd: r.publicity_end,
            tier: r.tier,
            payload: typeof r.payload === 'string' ? r.payload : JSON.stringify(r.payload),
          })
        }
      }
      return out
    },

    /** Record ids after `afterId`, in id order: a full re-plan walks them a page at a time. */
    async recordIdsAfter(afterId: number, limit: number): Promise<number[]> {
      const rows = await db.selectFrom('records').select('id').where('id', '>', afterId).orderBy('id').limit(limit).execute()
      return rows.map((r) => Number(r.id))
    },

    /** Change-feed events after `seq` that may change a record's publicity (not the planner's own). */
    async eventsAfter(seq: number, limit: number): Promise<Array<{ seq: number; type: string; recordId: number | null; payload: string }>> {
      const rows = await db.selectFrom('events').select(['seq', 'type', 'record_id', 'payload']).where('seq', '>', seq).orderBy('seq').limit(limit).execute()
      return rows.map((r) => ({ seq: Number(r.seq), type: r.type, recordId: r.record_id === null ? null : Number(r.record_id), payload: typeof r.payload === 'string' ? r.payload : JSON.stringify(r.payload) }))
    },

    async lastEventSeq(): Promise<number> {
      const row = await db.selectFrom('events').select((eb) => eb.fn.max('seq').as('s')).executeTakeFirst()
      return Number(row?.s ?? 0)
    },

    /** Versions a batch wrote after version id `afterId`, a page at a time (index record_versions_batch). */
    async versionsOfBatch(batchId: number, afterId: number, limit: number): Promise<Array<{ id: number; recordId: number }>> {
      const rows = await db.selectFrom('record_versions').select(['id', 'record_id']).where('batch_id', '=', batchId).where('id', '>', afterId).orderBy('id').limit(limit).execute()
      return rows.map((r) => ({ id: Number(r.id), recordId: Number(r.record_id) }))
    },

    /** The first statement of a tick: a write, so that SQLite takes its write lock before anything is read. */
    async bumpTick(): Promise<void> {
      await db
        .insertInto('publicity_progress')
        .values({ name: 'tick', position: 1 })
        .onConflict((oc) => oc.column('name').doUpdateSet({ position: sql`publicity_progress.position + 1` }))
        .execute()
    },

    async decisionsAfter(id: number, limit: number): Promise<Array<{ id: number; recordId: number }>> {
      const rows = await db.selectFrom('record_decisions').select(['id', 'record_id']).where('id', '>', id).orderBy('id').limit(limit).execute()
      return rows.map((r) => ({ id: Number(r.id), recordId: Number(r.record_id) }))
    },

    async lastDecisionId(): Promise<number> {
      const row = await db.selectFrom('record_decisions').select((eb) => eb.fn.max('id').as('i')).executeTakeFirst()
      return Number(row?.i ?? 0)
    },

    async progress(): Promise<Map<ProgressName, number>> {
      const rows = await db.selectFrom('publicity_progress').selectAll().execute()
      return new Map(rows.map((r) => [r.name as ProgressName, Number(r.position)]))
    },

    async setProgress(name: ProgressName, position: number): Promise<void> {
      await db
        .insertInto('publicity_progress')
        .values({ name, position })
        .onConflict((oc) => oc.column('name').doUpdateSet({ position }))
        .execute()
    },

    async scheduleOf(recordIds: readonly number[]): Promise<Map<number, ScheduleRow>> {
      const out = new Map<number, ScheduleRow>()
      for (const ids of chunks(recordIds)) {
        const rows = await db.selectFrom('publicity_schedule').selectAll().where('record_id', 'in', ids).execute()
        for (const r of rows) out.set(Number(r.record_id), toSchedule(r))
      }
      return out
    },

    async saveSchedule(rows: readonly ScheduleRow[], plannedAt: string): Promise<void> {
      for (const part of chunks(rows, 500)) {
        await db
          .insertInto('publicity_schedule')
          .values(part.map((r) => ({ record_id: r.recordId, subject_id: r.subjectId, category: r.category, ends_on: r.endsOn, archives_on: r.archivesOn, ended_for: r.endedFor, archived_for: r.archivedFor, rule_set_version: r.ruleSetVersion, planned_at: plannedAt })))
          .onConflict((oc) =>
            oc.column('record_id').doUpdateSet({
              subject_id: sql`excluded.subject_id`,
              category: sql`excluded.category`,
              ends_on: sql`excluded.ends_on`,
              archives_on: sql`excluded.archives_on`,
              ended_for: sql`excluded.ended_for`,
              archived_for: sql`excluded.archived_for`,
              rule_set_version: sql`excluded.rule_set_version`,
              planned_at: sql`excluded.planned_at`,
            }),
          )
          .execute()
      }
    },

    /** Window ends due on or before `today`, oldest first. */
    async dueEnds(today: string, limit: number): Promise<ScheduleRow[]> {
      const rows = await db.selectFrom('publicity_schedule').selectAll().where('ends_on', '<=', today).orderBy('ends_on').orderBy('record_id').limit(limit).execute()
      return rows.map(toSchedule)
    },

    async dueArchives(today: string, limit: number): Promise<ScheduleRow[]> {
      const rows = await db.selectFrom('publicity_schedule').selectAll().where('archives_on', '<=', today).orderBy('archives_on').orderBy('record_id').limit(limit).execute()
      return rows.map(toSchedule)
    },

    async markEnded(recordId: number, endedFor: string): Promise<void> {
      await db.updateTable('publicity_schedule').set({ ended_for: endedFor, ends_on: null }).where('record_id', '=', recordId).execute()
    },

    async markArchived(recordId: number, archivedFor: string): Promise<void> {
      await db.updateTable('publicity_schedule').set({ archived_for: archivedFor, archives_on: null }).where('record_id', '=', recordId).execute()
    },

    /**
     * Records of these subjects, per subject, item and whether `ownDepartmentId` provided them, that a
     * decision in effect has withdrawn (repaired, archived, deleted): bulk lookup takes them off its counts.
     */
    async withdrawnByDecision(subjectIds: readonly number[], ownDepartmentId: number | null, now: string): Promise<Array<{ subjectId: number; category: string; own: boolean; n: number }>> {
      const out: Array<{ subjectId: number; category: string; own: boolean; n: number }> = []
      const own = ownDepartmentId === null ? sql<number>`0` : sql<number>`case when r.department_id = ${ownDepartmentId} then 1 else 0 end`
      for (const part of chunks(subjectIds)) {
        const rows = await db
          .selectFrom('records as r')
          .select(['r.subject_id', 'r.category', own.as('own'), (eb) => eb.fn.countAll<number>().as('n')])
          .where('r.subject_id', 'in', part)
          .where('r.status', '=', 'in_force')
          .where((eb) =>
            eb.exists(
              eb
                .selectFrom('record_decisions as d')
                .select('d.id')
                .whereRef('d.record_id', '=', 'r.id')
                .where('d.effective_at', '<=', now)
                .where('d.kind', 'in', ['repaired', 'archived', 'deleted']),
            ),
          )
          .groupBy(['r.subject_id', 'r.category', 'own'])
          .execute()
        for (const r of rows) out.push({ subjectId: Number(r.subject_id), category: r.category, own: Number(r.own) === 1, n: Number(r.n) })
      }
      return out
    },
  }
}

function toSchedule(r: Tables['publicity_schedule'] extends infer T ? { [K in keyof T]: T[K] } : never): ScheduleRow {
  return {
    recordId: Number(r.record_id),
    subjectId: Number(r.subject_id),
    category: r.category,
    endsOn: r.ends_on,
    archivesOn: r.archives_on,
    endedFor: r.ended_for,
    archivedFor: r.archived_for,
    ruleSetVersion: r.rule_set_version,
  }
}

export type PublicityRepository = ReturnType<typeof publicityRepository>
