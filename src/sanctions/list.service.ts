/**
 * The lists (红名单 / 重点关注名单 / 严重失信主体名单) over the catalog's list items: the list pages
 * (status derived from dates at query time), recent exits (announced on the page they were listed
 * on, 河南条例 Art. 37), one entry and its FollowTheMoney export; the written pre-notice a listing
 * department serves before listing (Art. 28) and the responsible persons it records (Art. 35).
 * The public sees entries in force of public items, never natural persons; staff see more, masked.
 */
import type { Database } from '../db/create-database.ts'
import { chinaDate, type Clock } from '../clock.ts'
import { AppError, forbidden, notFound } from '../errors.ts'
import type { AuditTrail } from '../security/audit-trail.ts'
import { actorRef, type Actor } from '../security/actor.ts'
import { authorize, can, canActFor } from '../security/policy.ts'
import type { PersonalDataCipher } from '../security/personal-data.ts'
import { logRead } from '../security/query-log.ts'
import type { CatalogService } from '../catalog/catalog.service.ts'
import type { DepartmentService } from '../departments/department.service.ts'
import type { SubjectService } from '../subjects/subject.service.ts'
import { identify, maskResidentId } from '../identifiers/index.ts'
import { addDays } from '../publicity/dates.ts'
import { compileListItem, type ListItem } from './list-items.ts'
import { listEntryStatus, statusLabels, type ListEntry, type ListEntryStatus } from './list-entry.ts'
import type { ListKind } from './measures.ts'
import type { MeasureService } from './measure.service.ts'
import type { SanctionSettings } from './sanction-settings.ts'
import { endings, listEntryOf } from './standing.ts'
import { standingRepository, type StandingRow } from './standing.repository.ts'
import { listRepository, type EntrySubject, type PreNoticeRow, type ResponsiblePersonRow } from './list.repository.ts'
import { ftmSanction, type FtmEntity } from './ftm-sanction.ts'

export const responsibleRoles = {
  legal_representative: { zh: '法定代表人', en: 'Legal representative' },
  principal: { zh: '主要负责人', en: 'Principal' },
  actual_controller: { zh: '实际控制人', en: 'Actual controller' },
  directly_responsible: { zh: '直接责任人', en: 'Directly responsible person' },
} as const
export type ResponsibleRole = keyof typeof responsibleRoles

export interface ListEntryView {
  recordId: number
  category: string
  listKind: ListKind
  listName: string
  status: ListEntryStatus
  statusLabel: string
  subject: { id: number; name: string; kind: string; identifier: string | null }
  authority: string | null
  reason: string | null
  legalBasis: string | null
  decisionNumber: string | null
  listingDate: string | null
  startDate: string | null
  endDate: string | null
  removalDate: string | null
  /** Staff only. */
  preNotice?: { required: boolean; servedOn: string | null }
  responsiblePersons?: Array<{ role: ResponsibleRole; roleLabel: string; name: string; idNumber: string | null }>
}

export interface NewPreNotice {
  subject: string
  category: string
  noticeNumber: string
  servedOn: string
  delivery: string
  basis: string
  reasons: string
  measures: string
  objectionUntil?: string
  department?: string
}

const isDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`))

export function createListService(deps: { database: Database; clock: Clock; audit: AuditTrail; cipher: PersonalDataCipher; catalog: CatalogService; departments: DepartmentService; subjects: SubjectService; measures: MeasureService; settings: SanctionSettings; publisher: string; idPrefix: string }) {
  const { database, clock, audit, cipher } = deps
  const { db } = database
  const repo = listRepository(db)
  const standing = standingRepository(database)

  async function listItems(): Promise<Map<string, ListItem>> {
    const preNotice = new Set(await deps.settings.preNoticeItems())
    const out = new Map<string, ListItem>()
    for (const v of await deps.catalog.list()) {
      const item = compileListItem(v.definition, preNotice)
      if (item) out.set(item.code, item)
    }
    return out
  }

  const staff = (actor: Actor) => actor.type !== 'public' && can(actor, 'read_shared_records')
  const shownTo = (actor: Actor, item: ListItem) => (staff(actor) ? item.sharingLevel === 'public' || item.sharingLevel === 'government' : item.sharingLevel === 'public')

  /** Entries of records already read: status from dates, pre-notices and decisions. */
  async function entriesOf(rows: readonly StandingRow[], items: Map<string, ListItem>): Promise<ListEntry[]> {
    const subjectIds = [...new Set(rows.map((r) => r.subjectId))]
    const ends = endings(await standing.decisionsOf(subjectIds))
    const served = new Map<string, string[]>()
    for (const p of await standing.preNoticeDates(subjectIds)) {
      const key = `${p.subjectId}\u0000${p.category}`
      ;(served.get(key) ?? served.set(key, []).get(key)!).push(p.servedOn)
    }
    return rows.map((r) => listEntryOf(items.get(r.category)!, r, ends, served.get(`${r.subjectId}\u0000${r.category}`) ?? []))
  }

  async function views(actor: Actor, entries: readonly ListEntry[], today: string): Promise<ListEntryView[]> {
    const subjects = await repo.subjects([...new Set(entries.map((e) => e.subjectId))])
    const isStaff = staff(actor)
    const persons = isStaff ? await repo.responsiblePersons(entries.map((e) => e.recordId)) : []
    return entries.map((e) => viewOf(e, subjects.get(e.subjectId)!, today, isStaff, persons.filter((p) => p.recordId === e.recordId)))
  }

  function viewOf(e: ListEntry, s: EntrySubject, today: string, isStaff: boolean, persons: ResponsiblePersonRow[]): ListEntryView {
    const status = listEntryStatus(e, today)
    const person = s.kind === 'natural_person'
    return {
      recordId: e.recordId,
      category: e.category,
      listKind: e.listKind,
      listName: e.listName,
      status,
      statusLabel: statusLabels[status].zh,
      subject: { id: s.id, name: s.name, kind: s.kind, identifier: person ? s.masked : (s.identifier ?? s.masked) },
      authority: e.authority,
      reason: e.reason,
      legalBasis: e.legalBasis,
      decisionNumber: e.decisionNumber,
      listingDate: e.listingDate,
      startDate: e.startDate ?? e.listingDate,
      endDate: e.endDate,
      removalDate: e.removalDate,
      ...(isStaff
        ? {
            preNotice: { required: e.preNoticeRequired, servedOn: e.preNoticeServedOn },
            responsiblePersons: persons.map((p) => ({ role: p.role as ResponsibleRole, roleLabel: responsibleRoles[p.role as ResponsibleRole]?.zh ?? p.role, name: p.name, idNumber: p.idMasked })),
          }
        : {}),
    }
  }

  async function entryOf(actor: Actor, recordId: number): Promise<{ entry: ListEntry; subject: EntrySubject; item: ListItem; departmentId: number }> {
    const items = await listItems()
    const row = await repo.record(recordId)
    const item = row && items.get(row.category)
    const missing = notFound('LIST_ENTRY_NOT_FOUND', `名单记录 ${recordId} 不存在`, `No list entry ${recordId}`)
    if (!row || !item || !shownTo(actor, item)) throw missing
    const subject = (await repo.subjects([row.subjectId])).get(row.subjectId)!
    const [entry] = await entriesOf([row], items)
    // The public sees entries in force about organisations only.
    if (!staff(actor) && (subject.kind === 'natural_person' || listEntryStatus(entry!, chinaDate(clock)) !== 'active')) throw missing
    return { entry: entry!, subject, item, departmentId: row.departmentId }
  }

  async function kindItems(actor: Actor, kind: string): Promise<{ items: Map<string, ListItem>; shown: ListItem[] }> {
    if (kind !== 'red' && kind !== 'focus' && kind !== 'black') throw notFound('LIST_KIND_NOT_FOUND', `没有名单类型 ${kind}（red、focus、black）`, `No list kind ${kind} (red, focus, black)`)
    const items = await listItems()
    return { items, shown: [...items.values()].filter((i) => i.listKind === kind && shownTo(actor, i)) }
  }

  return {
    listItems,

    /** A list page: entries in force for the public; staff may ask for every entry or those awaiting their pre-notice. */
    async page(actor: Actor, kind: string, options: { status?: 'active' | 'awaiting_pre_notice' | 'all'; q?: string; page?: number; pageSize?: number }) {
      const { items, shown } = await kindItems(actor, kind)
      const status = options.status ?? 'active'
      if (status !== 'active' && !staff(actor)) throw actor.type === 'public' ? new AppError('UNAUTHENTICATED', '请先登录或提供有效的 API 密钥', 'Sign in or present a valid API key', { kind: 'unauthenticated' }) : forbidden()
      const pageSize = Math.min(options.pageSize ?? 20, 100)
      const page = Math.max(options.page ?? 1, 1)
      const today = chinaDate(clock)
      if (shown.length === 0) return { kind, page, pageSize, total: 0, items: [] as ListEntryView[] }
      const { rows, total } = await repo.page({
        categories: shown.map((i) => i.code),
        preNoticeCategories: shown.filter((i) => i.preNoticeRequired).map((i) => i.code),
        removalKeys: shown.map((i) => [i.code, i.keys.removal] as const).filter(([, k]) => k.length > 0),
        status,
        today,
        now: clock.now().toISOString(),
        withoutPersons: !staff(actor),
        ...(options.q?.trim() ? { q: options.q.trim() } : {}),
        offset: (page - 1) * pageSize,
        limit: pageSize,
      })
      return { kind, page, pageSize, total, items: await views(actor, await entriesOf(rows, items), today) }
    },

    /** Recent exits (移出公告): entries removed or run out in the last `days` days. */
    async exits(actor: Actor, kind: string, options: { days?: number; page?: number } = {}) {
      const { items, shown } = await kindItems(actor, kind)
      const today = chinaDate(clock)
      const days = Math.min(Math.max(options.days ?? 90, 1), 366)
      const page = Math.max(options.page ?? 1, 1)
      if (shown.length === 0) return { kind, since: addDays(today, -days), total: 0, items: [] as ListEntryView[] }
      const { rows, total } = await repo.page({
        categories: shown.map((i) => i.code),
        preNoticeCategories: [],
        removalKeys: shown.map((i) => [i.code, i.keys.removal] as const).filter(([, k]) => k.length > 0),
        status: 'exited',
        today,
        since: addDays(today, -days),
        now: clock.now().toISOString(),
        withoutPersons: !staff(actor),
        offset: (page - 1) * 50,
        limit: 50,
      })
      return { kind, since: addDays(today, -days), total, items: await views(actor, await entriesOf(rows, items), today) }
    },

    async entry(actor: Actor, recordId: number): Promise<ListEntryView> {
      const { entry, subject } = await entryOf(actor, recordId)
      if (staff(actor) && subject.kind === 'natural_person') await logRead(db, clock, { actor, subjectId: subject.id, recordIds: [recordId], purpose: '名单记录查询 list entry', channel: 'api' })
      return (await views(actor, [entry], chinaDate(clock)))[0]!
    },

    /** The entry as FollowTheMoney entities: the subject and a Sanction (person IDs masked). */
    async ftm(actor: Actor, recordId: number): Promise<FtmEntity[]> {
      const { entry, subject, item } = await entryOf(actor, recordId)
      const catalog = await deps.measures.current()
      const provisions = catalog.measures
        .filter((m) => m.effect === 'punishment' && m.trigger.lists?.includes(item.listKind) && (!m.trigger.items || m.trigger.items.includes(item.code)))
        .map((m) => m.name)
      const identifier = subject.kind === 'natural_person' ? subject.masked : (subject.identifier ?? subject.masked)
      return ftmSanction(entry, { id: subject.id, kind: subject.kind, name: subject.name, identifier }, { today: chinaDate(clock), provisions: item.listKind === 'red' ? [] : provisions, publisher: deps.publisher, idPrefix: deps.idPrefix })
    },

    /** The listing department records the written pre-notice it served (河南条例 Art. 28). Audited. */
    async recordPreNotice(actor: Actor, input: NewPreNotice): Promise<PreNoticeRow> {
      authorize(actor, 'submit_records')
      const item = (await listItems()).get(input.category)
      if (!item) throw new AppError('PRE_NOTICE_NOT_A_LIST', `${input.category} 不是名单类目录项`, `${input.category} is not a list item of the catalog`, { details: { field: 'category' } })
      for (const [field, value] of [['servedOn', input.servedOn], ['objectionUntil', input.objectionUntil]] as const) {
        if (value !== undefined && !isDate(value)) throw new AppError('PRE_NOTICE_DATE_INVALID', `${field} 须为 YYYY-MM-DD 日期`, `${field} must be a YYYY-MM-DD date`, { details: { field } })
      }
      if (input.servedOn > chinaDate(clock)) throw new AppError('PRE_NOTICE_DATE_INVALID', '送达日期不能晚于今天', 'The notice cannot be served in the future', { details: { field: 'servedOn' } })
      const definition = (await deps.catalog.get(input.category)).definition
      const department = input.department ? await deps.departments.get(input.department) : actor.type === 'user' || actor.type === 'api_key' ? await deps.departments.get(actor.departmentCode ?? '') : undefined
      if (!department) throw new AppError('PRE_NOTICE_DEPARTMENT_REQUIRED', '请指明送达告知的部门', 'Name the department that served the notice', { details: { field: 'department' } })
      if (!canActFor(actor, department.id)) throw forbidden('只能登记本部门送达的告知', 'You may record only notices your own department served')
      if (!definition.providers.includes(department.code)) throw forbidden(`${department.name}不是${item.name}的认定部门`, `${department.code} does not list subjects on ${item.code}`)
      const subjectId = await deps.subjects.resolveId(input.subject)
      if (subjectId === undefined) throw notFound('SUBJECT_NOT_FOUND', '未找到该主体', 'No such subject', { code: input.subject.slice(0, 64) })
      const ref = actorRef(actor)
      const at = clock.now().toISOString()
      const notice = {
        subjectId,
        category: item.code,
        departmentId: department.id,
        noticeNumber: input.noticeNumber.trim(),
        servedOn: input.servedOn,
        delivery: input.delivery.trim(),
        basis: input.basis.trim(),
        reasons: input.reasons.trim(),
        measures: input.measures.trim(),
        objectionUntil: input.objectionUntil ?? null,
        recordedBy: `${ref.type}:${ref.id}`,
        createdAt: at,
      }
      const id = await db.transaction().execute(async (trx) => {
        const newId = await listRepository(trx).insertPreNotice(notice)
        await audit.append(trx, { actor, action: 'list.pre_notice_served', entityType: 'list_pre_notice', entityId: newId, detail: { subjectId, category: item.code, noticeNumber: notice.noticeNumber, servedOn: notice.servedOn, department: department.code } })
        return newId
      })
      return { id, departmentCode: department.code, ...notice }
    },

    async preNotices(actor: Actor, filter: { subject?: string; category?: string; limit?: number }): Promise<PreNoticeRow[]> {
      authorize(actor, 'read_shared_records')
      const subjectId = filter.subject ? await deps.subjects.resolveId(filter.subject) : undefined
      if (filter.subject && subjectId === undefined) return []
      const own = actor.type === 'user' || actor.type === 'api_key' ? actor.departmentId : undefined
      const everyDepartment = can(actor, 'manage_measures') || own === undefined
      return repo.preNotices({ ...(subjectId !== undefined ? { subjectId } : {}), ...(filter.category ? { category: filter.category } : {}), ...(everyDepartment ? {} : { departmentId: own! }), limit: Math.min(filter.limit ?? 100, 500) })
    },

    /** The listing department records a responsible person of an entry (Art. 35); the ID number is sealed. Audited. */
    async addResponsiblePerson(actor: Actor, recordId: number, input: { role: string; name: string; idNumber?: string }): Promise<ListEntryView> {
      authorize(actor, 'submit_records')
      const { departmentId, subject } = await entryOf(actor, recordId)
      if (!canActFor(actor, departmentId)) throw forbidden('只能为本部门列入的名单记录登记责任人', 'Only the listing department records responsible persons')
      if (!(input.role in responsibleRoles)) throw new AppError('RESPONSIBLE_ROLE_INVALID', `责任人类型须为：${Object.values(responsibleRoles).map((r) => r.zh).join('、')}`, `Role must be one of ${Object.keys(responsibleRoles).join(', ')}`, { details: { field: 'role' } })
      if (subject.kind === 'natural_person') throw new AppError('RESPONSIBLE_FOR_PERSON', '自然人名单记录不登记责任人', 'Responsible persons are recorded for organisations only')
      let sealed = { idCiphertext: null as string | null, idHash: null as string | null, idMasked: null as string | null }
      if (input.idNumber?.trim()) {
        const id = identify(input.idNumber.trim(), { expect: 'resident_id' })
        if (!id.valid) throw new AppError('RESPONSIBLE_ID_INVALID', `身份证号码无效：${id.error?.zh ?? ''}`, `Invalid identity number: ${id.error?.en ?? ''}`, { details: { field: 'idNumber' } })
        const upgraded = typeof id.details?.['upgraded'] === 'string' ? (id.details['upgraded'] as string) : id.normalized
        sealed = { idCiphertext: cipher.encrypt(upgraded), idHash: cipher.lookupHash(upgraded), idMasked: maskResidentId(upgraded) }
      }
      const ref = actorRef(actor)
      const name = input.name.trim()
      if (!name) throw new AppError('RESPONSIBLE_NAME_REQUIRED', '请填写责任人姓名', 'Give the person’s name', { details: { field: 'name' } })
      await db.transaction().execute(async (trx) => {
        const id = await listRepository(trx).insertResponsiblePerson({ recordId, role: input.role, name, ...sealed, departmentId, recordedBy: `${ref.type}:${ref.id}`, createdAt: clock.now().toISOString() })
        await audit.append(trx, { actor, action: 'list.responsible_person_added', entityType: 'list_responsible_person', entityId: id, detail: { recordId, role: input.role, idNumber: sealed.idMasked } })
      })
      return this.entry(actor, recordId)
    },
  }
}

export type ListService = ReturnType<typeof createListService>
