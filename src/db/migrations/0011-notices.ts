/**
 * Notices (信用政策 and 信用动态): articles the platform office publishes on the public site. The
 * body is plain text (paragraphs), never HTML; unpublishing keeps the row and its audit history.
 */
import type { Kysely } from 'kysely'
import type { SchemaHelpers } from './schema-helpers.ts'

export async function up(db: Kysely<any>, h: SchemaHelpers): Promise<void> {
  await h.table('notices', (t) =>
    h.id(t)
      .addColumn('category', 'text', (c) => c.notNull()) // policy | news
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('source', 'text')
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('unpublished_at', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull()),
  )
  // The public list: one category's published notices, newest first.
  await db.schema.createIndex('notices_category_published').on('notices').columns(['category', 'published_at']).execute()
}
