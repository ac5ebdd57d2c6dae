/**
 * The change feed (变更订阅): a gap-free, ordered stream of what happened to records, which a
 * department, the provincial platform or a licensed agency consumes and resumes from any cursor.
 *
 * Gap-free because events are appended only through changes/event-log.ts, which holds the audit
 * trail's lock until commit: sequence numbers become visible in order, so a consumer that has read
 * up to N never later finds an event below N. A `batch.committed` event is expanded when read into
 * one event per version the batch wrote (record_versions.batch_id), a page at a time by version id,
 * so a cursor may stop inside a batch of a million versions.
 *
 * Each consumer sees what feed-rules.ts allows; events it may not see still move its cursor on, so
 * no consumer is stuck behind them. A page that shows a non-public record is written to the query
 * log (one entry per subject) before it is answered.
 */
import type { Database } from '../db/create-database.ts'
import { chinaDate, type Clock } from '../clock.ts'
import { forbidden } from '../errors.ts'
import type { Actor } from '../security/actor.ts'
import { authorize } from '../security/policy.ts'
import { logReads, type QueryChannel, type QueryLogEntry } from '../security/query-log.ts'
import type { CatalogService } from '../catalog/catalog.service.ts'
import type { DepartmentService } from '../departments/department.service.ts'
import type { SharingLevel } from '../catalog/catalog.ts'
import { isPersonLike, type SubjectKind } from '../subjects/subject-kind.ts'
import { createItemRulesCache } from '../profiles/item-rules-cache.ts'
import { configGeneration } from '../db/config-generation.ts'
import { askerFor, actorDepartmentId } from '../profiles/asker.ts'
import { effectiveSharingLevel } from '../profiles/visibility.ts'
import { changeFeedRepository, type BatchVersion, type StoredEvent, type VersionFilter } from './change-feed.repository.ts'
import { decodeCursor, encodeCursor, type FeedPosition } from './feed-cursor.ts'
import { feedPayload, feedVisibility, listEventType, versionEventType, type FeedConsumer, type FeedVisibility, type HeldAuthorisation } from './feed-rules.ts'

export interface FeedEvent {
  /** Resume right after this event. */
  cursor: string
  seq: number
  type: string
  at: string
  subjectId: number | null
  recordId: number | null
  category: string | null
  /** Ids, codes, dates and states; never a natural person's name or identity number. */
  data: Record<string, unknown>
}

export interface FeedPage {
  events: FeedEvent[]
  /** Pass as `after` for the next page (also when `events` is empty). */
  next: string
  /** More events were already there when this page was read. */
  hasMore: boolean
}

export const FEED_DEFAULT_LIMIT = 100
export const FEED_MAX_LIMIT = 1000
/** Events fetched per round trip. */
const EVENT_CHUNK = 500
const PURPOSE = '变更订阅 change feed'

const levelsSeenBy: Record<Exclude<FeedConsumer['kind'], 'platform_office'>, ReadonlySet<SharingLevel>> = {
  department: new Set(['public', 'government']),
  authorised: new Set(['public', 'authorised']),
}

export function createChangeFeedService(deps: {
  database: Database
  clock: Clock
  catalog: CatalogService
  departments: DepartmentService
  /** Runs before each read: the publicity scheduler emits the windows that have closed meanwhile. */
  beforeRead?: () => Promise<unknown>
}) {
  const { database, clock, departments } = deps
  const repo = changeFeedRepository(database.db)
  const { currentRules } = createItemRulesCache({ catalog: deps.catalog, generation: configGeneration(database.db) })

  async function consumerOf(actor: Actor): Promise<FeedConsumer> {
    authorize(actor, 'read_change_feed')
    const id = actorDepartmentId(actor)
    const department = id === null ? null : ((await departments.findById(id)) ?? null)
    const asker = askerFor(actor, department)
    if (asker.kind === 'platform_office') return { kind: 'platform_office' }
    if (asker.kind === 'department' || asker.kind === 'authorised') return { kind: asker.kind, departmentId: asker.departmentId }
    // Signed in, but for no active department that may read shared data.
    throw forbidden('本账号所属部门无权订阅变更', "This account's department may not read the change feed")
  }

  return {
    /** `GET /changes?after=CURSOR&limit=N`: the next page of events this actor may see. */
    async read(actor: Actor, options: { after?: string; limit?: number; channel?: QueryChannel } = {}): Promise<FeedPage> {
      const consumer = await consumerOf(actor)
      let pos: FeedPosition = decodeCursor(options.after)
      const limit = Math.max(1, Math.min(options.limit ?? FEED_DEFAULT_LIMIT, FEED_MAX_LIMIT))
      await deps.beforeRead?.()

      const rules = await currentRules()
      const levelOf = (category: string, kind: string | undefined): SharingLevel => {
        const item = rules.rulesOf(category)
        return effectiveSharingLevel({ sharingLevel: item.sharingLevel, ...(item.naturalPersonSharingLevel ? { naturalPersonSharingLevel: item.naturalPersonSharingLevel } : {}), aboutNaturalPerson: kind === 'natural_person' })
      }
      const at = { today: chinaDate(clock), now: clock.now().toISOString() }
      const held = async (subjectIds: number[]): Promise<Map<number, HeldAuthorisation[]>> =>
        consumer.kind === 'authorised' && subjectIds.length ? repo.authorisationsInForce(consumer.departmentId, subjectIds, at) : new Map()

      const shown: Array<{ event: FeedEvent; visibility: FeedVisibility }> = []
      // Events and versions looked at, shown or not: bounds a page's work when little is visible.
      const budget = Math.max(limit * 10, 1000)
      let examined = 0
      const full = () => shown.length >= limit || examined >= budget
      const show = (event: Omit<FeedEvent, 'cursor'>, position: FeedPosition, visibility: FeedVisibility) => {
        if (visibility.visible) shown.push({ event: { cursor: encodeCursor(position), ...event }, visibility })
      }

      /** What a consumer other than the office may see of a batch, narrowed in the store; null: nothing. */
      async function batchFilter(batchId: number, category: string): Promise<VersionFilter | null> {
        if (consumer.kind === 'platform_office') return {}
        if ((await repo.batchDepartment(batchId)) === consumer.departmentId) return {}
        const seen = levelsSeenBy[consumer.kind]
        const organisations = seen.has(levelOf(category, 'enterprise'))
        const persons = seen.has(levelOf(category, 'natural_person'))
        if (!organisations && !persons) return null
        const filter: VersionFilter = organisations && persons ? {} : { subjectKind: organisations ? { isNot: 'natural_person' } : { is: 'natural_person' } }
        if (consumer.kind === 'authorised') filter.authorisedFor = { granteeDepartmentId: consumer.departmentId, ...at }
        return filter
      }

      /** Shows the batch's versions after `from`; true when the batch is done. */
      async function expandBatch(e: StoredEvent, from: number): Promise<boolean> {
        const batchId = Number(e.payload['batchId'])
        const category = String(e.payload['category'])
        const department = typeof e.payload['department'] === 'string' ? e.payload['department'] : null
        const filter = await batchFilter(batchId, category)
        examined++
        if (filter === null) {
          pos = { seq: e.seq, part: null }
          return true
        }
        let after = from
        for (;;) {
          const want = Math.max(1, Math.min(limit - shown.length, budget - examined))
          const versions = await repo.batchVersions(batchId, after, want, filter)
          examined += versions.length
          const authorisations = await held(versions.map((v) => v.subjectId))
          for (const v of versions) {
            after = v.id
            pos = { seq: e.seq, part: v.id }
            const facts = { subjectId: v.subjectId, level: levelOf(category, v.subjectKind), category, providerDepartmentId: v.departmentId }
            show(versionEvent(e, v, category, department, rules.rulesOf(category).listKind), pos, feedVisibility(consumer, facts, authorisations.get(v.subjectId)))
          }
          if (versions.length < want) {
            pos = { seq: e.seq, part: null }
            return true
          }
          if (full()) return false
        }
      }

      let exhausted = false
      read: while (!full()) {
        const events = await repo.eventsFrom(pos.seq, pos.part !== null, EVENT_CHUNK)
        const kinds = await repo.subjectKinds(events.flatMap((e) => (e.type !== 'batch.committed' && e.subjectId !== null ? [e.subjectId] : [])))
        const authorisations = await held([...kinds.keys()])
        for (const e of events) {
          if (e.type === 'batch.committed') {
            const from = e.seq === pos.seq && pos.part !== null ? pos.part : 0
            if (!(await expandBatch(e, from))) break read
          } else if (!(e.seq === pos.seq && pos.part !== null)) {
            examined++
            pos = { seq: e.seq, part: null }
            const kind = e.subjectId === null ? undefined : kinds.get(e.subjectId)
            const category = e.record?.category ?? (typeof e.payload['category'] === 'string' ? e.payload['category'] : null)
            const facts = { subjectId: e.subjectId, level: category === null ? null : levelOf(category, kind), category, providerDepartmentId: e.record?.departmentId ?? null }
            const personal = kind === undefined ? e.subjectId !== null : isPersonLike(kind as SubjectKind)
            const type = listEventType(e.type, category === null ? undefined : rules.rulesOf(category).listKind)
            show({ seq: e.seq, type, at: e.at, subjectId: e.subjectId, recordId: e.recordId, category, data: feedPayload(e.payload, personal) }, pos, feedVisibility(consumer, facts, e.subjectId === null ? [] : authorisations.get(e.subjectId)))
          } else {
            // A cursor inside an event that has no parts: that event is behind it.
            pos = { seq: e.seq, part: null }
          }
          if (full()) {
            exhausted = e === events.at(-1) && events.length < EVENT_CHUNK && pos.part === null
            break read
          }
        }
        if (events.length < EVENT_CHUNK) {
          exhausted = true
          break
        }
      }

      await logReads(database, clock, queryLogEntries(actor, shown, options.channel ?? 'api'))
      return { events: shown.map((s) => s.event), next: encodeCursor(pos), hasMore: !exhausted }
    },
  }
}

function versionEvent(e: StoredEvent, v: BatchVersion, category: string, department: string | null, listKind: string | undefined): Omit<FeedEvent, 'cursor'> {
  const type = versionEventType(v)
  return {
    seq: e.seq,
    type: listEventType(type, listKind),
    at: e.at,
    subjectId: v.subjectId,
    recordId: v.recordId,
    category,
    data: {
      batchId: Number(e.payload['batchId']),
      versionId: v.id,
      version: v.version,
      department,
      status: type === 'record.revoked' ? 'revoked' : 'in_force',
      decisionDate: v.decisionDate,
      publicationDate: v.publicationDate,
      publicityEnd: v.publicityEnd,
      tier: v.tier,
    },
  }
}

/** One query-log entry per subject (and authorisation) whose non-public records the page shows. */
function queryLogEntries(actor: Actor, page: Array<{ event: FeedEvent; visibility: FeedVisibility }>, channel: QueryChannel): QueryLogEntry[] {
  const bySubject = new Map<string, QueryLogEntry & { recordIds: number[] }>()
  for (const { event, visibility } of page) {
    if (!visibility.logged || event.subjectId === null) continue
    const key = `${event.subjectId}:${visibility.authorisationId ?? ''}`
    let entry = bySubject.get(key)
    if (!entry) bySubject.set(key, (entry = { actor, subjectId: event.subjectId, recordIds: [], purpose: PURPOSE, authorisationId: visibility.authorisationId, channel }))
    if (event.recordId !== null && !entry.recordIds.includes(event.recordId)) entry.recordIds.push(event.recordId)
  }
  return [...bySubject.values()]
}

export type ChangeFeedService = ReturnType<typeof createChangeFeedService>
