/**
 * The subject search index (issue 4). Names are indexed as Han unigrams and bigrams plus Latin/digit
 * words (src/subjects/subject-name.ts), in each store's own full-text index: an FTS5 table on
 * SQLite, a GIN-indexed tsvector on PostgreSQL (STACK.md gotcha 1: trigram indexes miss
 * two-character queries). The index is derived data kept apart from the collection write path:
 * src/search catches up on new subjects and names by id high-water marks, and the triggers below
 * only queue subjects whose indexed facts change by UPDATE or DELETE — statements collection never
 * runs — so bulk inserts carry no extra work.
 */
import { sql, type Kysely } from 'kysely'
import type { SchemaHelpers } from './schema-helpers.ts'

export async function up(db: Kysely<any>, h: SchemaHelpers): Promise<void> {
  const postgres = h.dialect === 'postgres'

  // One row per searchable name: the current name (name_id 0) and every subject_names row.
  // Kind, division and an active flag are copied so filters and "active first" need no join.
  await h.table('search_names', (t) =>
    h.id(t)
      .addColumn('subject_id', h.refType, (c) => c.notNull())
      .addColumn('name_id', h.refType, (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      // Byte order (collate "C") makes `normalized > q and normalized < q || U+10FFFF` a prefix range.
      .addColumn('normalized', postgres ? sql`text collate "C"` : 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('division', 'text')
      .addColumn('active', 'integer', (c) => c.notNull())
      .$call((b) => (postgres ? b.addColumn('terms', sql`tsvector`, (c) => c.notNull()) : b)),
  )
  await db.schema.createIndex('search_names_name').unique().on('search_names').columns(['subject_id', 'name_id']).execute()
  // Exact and prefix tiers, active subjects first, in name order.
  await db.schema.createIndex('search_names_prefix').on('search_names').columns(['active', 'normalized', 'id']).execute()
  if (postgres) {
    await sql`create index search_names_terms on search_names using gin (terms)`.execute(db)
  } else {
    // Contentless (the names live in search_names, rowid = search_names.id); the ascii tokenizer
    // splits only on ASCII punctuation and spaces, so each space-separated term is one token.
    await sql`create virtual table search_terms using fts5(terms, content='', contentless_delete=1, tokenize='ascii', detail=none)`.execute(db)
  }

  // How many indexed names hold each term: a search looks for its rarest terms first, and a term
  // no name holds means no name contains the query.
  await h.table('search_term_counts', (t) => t.addColumn('term', 'text', (c) => c.primaryKey()).addColumn('names', 'integer', (c) => c.notNull()))

  // How far the index has read subjects and subject_names by id.
  await h.table('search_progress', (t) => t.addColumn('source', 'text', (c) => c.primaryKey()).addColumn('high_water', h.refType, (c) => c.notNull()))
  await db.insertInto('search_progress').values([{ source: 'subjects', high_water: 0 }, { source: 'subject_names', high_water: 0 }]).execute()

  // Ids below a high-water mark that were not yet visible: on PostgreSQL concurrent batches commit
  // their sequence values out of order, so these ranges are looked at again until they expire.
  await h.table('search_gaps', (t) =>
    h.id(t)
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('low', h.refType, (c) => c.notNull())
      .addColumn('high', h.refType, (c) => c.notNull())
      .addColumn('noted_at', 'text', (c) => c.notNull()),
  )

  // Subjects to index again: a queue (not a set), so a mark added while the indexer works survives it.
  await h.table('search_dirty', (t) => h.id(t).addColumn('subject_id', h.refType, (c) => c.notNull()))

  const changed = 'old.name is distinct from new.name or old.kind is distinct from new.kind or old.division is distinct from new.division or old.status is distinct from new.status'
  if (postgres) {
    await sql
      .raw(
        `create function search_mark_subject() returns trigger language plpgsql as $$
         begin
           insert into search_dirty (subject_id) values (case when tg_op = 'DELETE' then old.id else new.id end);
           return null;
         end $$`,
      )
      .execute(db)
    await sql
      .raw(
        `create function search_mark_name() returns trigger language plpgsql as $$
         begin
           insert into search_dirty (subject_id) values (old.subject_id);
           if tg_op = 'UPDATE' and new.subject_id <> old.subject_id then insert into search_dirty (subject_id) values (new.subject_id); end if;
           return null;
         end $$`,
      )
      .execute(db)
    await sql.raw(`create trigger search_subject_changed after update of name, kind, division, status on subjects for each row when (${changed}) execute function search_mark_subject()`).execute(db)
    await sql.raw('create trigger search_subject_removed after delete on subjects for each row execute function search_mark_subject()').execute(db)
    await sql.raw('create trigger search_name_changed after update or delete on subject_names for each row execute function search_mark_name()').execute(db)
  } else {
    const sqliteChanged = changed.replaceAll('is distinct from', 'is not')
    await sql.raw(`create trigger search_subject_changed after update of name, kind, division, status on subjects when ${sqliteChanged} begin insert into search_dirty (subject_id) values (new.id); end`).execute(db)
    await sql.raw('create trigger search_subject_removed after delete on subjects begin insert into search_dirty (subject_id) values (old.id); end').execute(db)
    await sql
      .raw(
        `create trigger search_name_changed after update on subject_names begin
           insert into search_dirty (subject_id) values (old.subject_id);
           insert into search_dirty (subject_id) select new.subject_id where new.subject_id <> old.subject_id;
         end`,
      )
      .execute(db)
    await sql.raw('create trigger search_name_removed after delete on subject_names begin insert into search_dirty (subject_id) values (old.subject_id); end').execute(db)
  }
}
