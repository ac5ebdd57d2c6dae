/**
 * Notices the platform office publishes (信用政策, 信用动态): public reads of what is published, and
 * the office's create / edit / unpublish / republish, each with its audit entry in the same
 * transaction. Bodies are stored and served as plain text.
 */
import type { Database } from '../db/create-database.ts'
import type { Clock } from '../clock.ts'
import { AppError, conflict, notFound } from '../errors.ts'
import type { AuditTrail } from '../security/audit-trail.ts'
import { actorRef, type Actor } from '../security/actor.ts'
import { authorize, can } from '../security/policy.ts'
import { noticeRepository } from './notice.repository.ts'
import { noticeCategories, noticeLimits, type Notice, type NoticeCategory, type NoticeSummary } from './notice.ts'

export interface NoticeInput {
  category: NoticeCategory
  title: string
  source?: string | null
  body: string
}

const missing = (id: number) => notFound('NOTICE_NOT_FOUND', `公告 ${id} 不存在或未发布`, `No published notice ${id}`)

/** Trimmed, bounded fields; throws NOTICE_* errors naming the field. */
function checked(input: Partial<NoticeInput>): Partial<NoticeInput> {
  const out: Partial<NoticeInput> = {}
  if (input.category !== undefined) {
    if (!noticeCategories.includes(input.category)) throw new AppError('NOTICE_CATEGORY_INVALID', '栏目须为 policy（信用政策）或 news（信用动态）', "The category must be 'policy' or 'news'", { details: { field: 'category' } })
    out.category = input.category
  }
  const text = (field: 'title' | 'body' | 'source', value: string, zh: string) => {
    const v = field === 'body' ? value.replace(/\r\n/g, '\n').trim() : value.trim()
    if (!v && field !== 'source') throw new AppError('NOTICE_FIELD_REQUIRED', `请填写${zh}`, `${field} is required`, { details: { field } })
    if ([...v].length > noticeLimits[field]) throw new AppError('NOTICE_FIELD_TOO_LONG', `${zh}不能超过 ${noticeLimits[field]} 个字`, `${field} is longer than ${noticeLimits[field]} characters`, { details: { field, limit: noticeLimits[field] } })
    return v
  }
  if (input.title !== undefined) out.title = text('title', input.title, '标题')
  if (input.body !== undefined) out.body = text('body', input.body, '正文')
  if (input.source !== undefined) out.source = input.source === null ? null : text('source', input.source, '来源') || null
  return out
}

export function createNoticeService(deps: { database: Database; clock: Clock; audit: AuditTrail }) {
  const { database, clock, audit } = deps
  const repo = noticeRepository(database.db)
  const editor = (actor: Actor) => actor.type !== 'public' && can(actor, 'manage_notices')

  async function getForEdit(id: number): Promise<Notice> {
    const notice = await repo.find(id)
    if (!notice) throw notFound('NOTICE_NOT_FOUND', `公告 ${id} 不存在`, `No notice ${id}`)
    return notice
  }

  return {
    /** Newest first. The public sees published notices; the office may ask for withdrawn ones too. */
    async list(actor: Actor, filter: { category?: NoticeCategory; page?: number; pageSize?: number; includeUnpublished?: boolean } = {}): Promise<{ page: number; pageSize: number; total: number; items: NoticeSummary[] }> {
      if (filter.includeUnpublished) authorize(actor, 'manage_notices')
      const page = Math.max(filter.page ?? 1, 1)
      const pageSize = Math.min(Math.max(filter.pageSize ?? 20, 1), 100)
      const { items, total } = await repo.page({ ...(filter.category ? { category: filter.category } : {}), ...(filter.includeUnpublished ? {} : { publishedBy: clock.now().toISOString() }), offset: (page - 1) * pageSize, limit: pageSize })
      return { page, pageSize, total, items }
    },

    /** One notice: published for everyone; the office also reads withdrawn ones. */
    async get(actor: Actor, id: number): Promise<Notice> {
      const notice = await repo.find(id)
      if (!notice) throw missing(id)
      if ((notice.unpublishedAt !== null || notice.publishedAt > clock.now().toISOString()) && !editor(actor)) throw missing(id)
      return notice
    },

    async create(actor: Actor, input: NoticeInput): Promise<Notice> {
      authorize(actor, 'manage_notices')
      const v = checked(input) as NoticeInput
      const at = clock.now().toISOString()
      const ref = actorRef(actor)
      const id = await database.db.transaction().execute(async (trx) => {
        const newId = await noticeRepository(trx).insert({ category: v.category, title: v.title, source: v.source ?? null, body: v.body, published_at: at, unpublished_at: null, created_by: `${ref.type}:${ref.id}`, created_at: at, updated_at: at })
        await audit.append(trx, { actor, action: 'notice.create', entityType: 'notice', entityId: newId, detail: { category: v.category, title: v.title, source: v.source ?? null, bodyLength: v.body.length } })
        return newId
      })
      return getForEdit(id)
    },

    /** Changes title, source, body or category; the audit entry keeps what each changed field was. */
    async edit(actor: Actor, id: number, changes: Partial<NoticeInput>): Promise<Notice> {
      authorize(actor, 'manage_notices')
      const v = checked(changes)
      const before = await getForEdit(id)
      const changed = (Object.keys(v) as Array<keyof NoticeInput>).filter((k) => v[k] !== before[k])
      if (changed.length === 0) return before
      const at = clock.now().toISOString()
      await database.db.transaction().execute(async (trx) => {
        await noticeRepository(trx).update(id, { ...(v.category !== undefined ? { category: v.category } : {}), ...(v.title !== undefined ? { title: v.title } : {}), ...(v.source !== undefined ? { source: v.source } : {}), ...(v.body !== undefined ? { body: v.body } : {}), updated_at: at })
        await audit.append(trx, { actor, action: 'notice.edit', entityType: 'notice', entityId: id, detail: { changed, before: Object.fromEntries(changed.map((k) => [k, before[k]])) } })
      })
      return getForEdit(id)
    },

    /** Takes a notice off the public site (kept, and audited, for the record). */
    async unpublish(actor: Actor, id: number, reason?: string): Promise<Notice> {
      authorize(actor, 'manage_notices')
      const before = await getForEdit(id)
      if (before.unpublishedAt !== null) throw conflict('NOTICE_ALREADY_UNPUBLISHED', '该公告已撤下', 'The notice is already unpublished')
      const at = clock.now().toISOString()
      await database.db.transaction().execute(async (trx) => {
        await noticeRepository(trx).update(id, { unpublished_at: at, updated_at: at })
        await audit.append(trx, { actor, action: 'notice.unpublish', entityType: 'notice', entityId: id, detail: { title: before.title, reason: reason?.trim() || null } })
      })
      return getForEdit(id)
    },

    /** Puts an unpublished notice back, dated now. */
    async republish(actor: Actor, id: number): Promise<Notice> {
      authorize(actor, 'manage_notices')
      const before = await getForEdit(id)
      if (before.unpublishedAt === null) throw conflict('NOTICE_ALREADY_PUBLISHED', '该公告已发布', 'The notice is already published')
      const at = clock.now().toISOString()
      await database.db.transaction().execute(async (trx) => {
        await noticeRepository(trx).update(id, { unpublished_at: null, published_at: at, updated_at: at })
        await audit.append(trx, { actor, action: 'notice.republish', entityType: 'notice', entityId: id, detail: { title: before.title } })
      })
      return getForEdit(id)
    },
  }
}

export type NoticeService = ReturnType<typeof createNoticeService>
