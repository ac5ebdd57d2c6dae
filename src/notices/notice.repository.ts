/** All SQL about notices. */
import type { Kysely, Selectable } from 'kysely'
import type { NoticeTable, Tables } from '../db/database.ts'
import { excerptOf, type Notice, type NoticeCategory, type NoticeSummary } from './notice.ts'

const toNotice = (r: Selectable<NoticeTable>): Notice => ({
  id: Number(r.id),
  category: r.category as NoticeCategory,
  title: r.title,
  source: r.source,
  body: r.body,
  publishedAt: r.published_at,
  unpublishedAt: r.unpublished_at,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

const toSummary = (r: Selectable<NoticeTable>): NoticeSummary => {
  const { body, ...rest } = toNotice(r)
  return { ...rest, excerpt: excerptOf(body) }
}

export function noticeRepository(db: Kysely<Tables>) {
  return {
    async find(id: number): Promise<Notice | undefined> {
      const row = await db.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst()
      return row && toNotice(row)
    },

    /** Newest first; `publishedBy` keeps only notices published by then and not withdrawn. */
    async page(filter: { category?: NoticeCategory; publishedBy?: string; offset: number; limit: number }): Promise<{ items: NoticeSummary[]; total: number }> {
      let q = db.selectFrom('notices')
      if (filter.category) q = q.where('category', '=', filter.category)
      if (filter.publishedBy) q = q.where('unpublished_at', 'is', null).where('published_at', '<=', filter.publishedBy)
      const [rows, count] = await Promise.all([
        q.selectAll().orderBy('published_at', 'desc').orderBy('id', 'desc').offset(filter.offset).limit(filter.limit).execute(),
        q.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
      ])
      return { items: rows.map(toSummary), total: Number(count.n) }
    },

    async insert(row: Omit<Selectable<NoticeTable>, 'id'>): Promise<number> {
      const inserted = await db.insertInto('notices').values(row).returning('id').executeTakeFirstOrThrow()
      return Number(inserted.id)
    },

    async update(id: number, changes: Partial<Omit<Selectable<NoticeTable>, 'id' | 'created_at' | 'created_by'>>): Promise<void> {
      await db.updateTable('notices').set(changes).where('id', '=', id).execute()
    },
  }
}
