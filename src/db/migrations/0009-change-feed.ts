/**
 * The change feed reads (issue 5).
 *
 * - record_versions_batch (batch_id, id): the feed expands a `batch.committed` event into the
 *   versions the batch wrote, a page at a time by version id; a batch may hold a million versions.
 *   Ids within a batch grow, so the index is appended to at its right edge during ingestion.
 * - revoked_versions: a version that revoked its record is later marked `superseded` when a newer
 *   version replaces it, which would turn its `record.revoked` into `record.superseded` for
 *   consumers reading later. The trigger remembers which versions were written as revocations, so
 *   the feed says the same thing to whoever reads it, whenever. It fires only on that rare update
 *   (the WHEN clause), never on the inserts of collection.
 */
import { sql, type Kysely } from 'kysely'
import type { SchemaHelpers } from './schema-helpers.ts'

export async function up(db: Kysely<any>, h: SchemaHelpers): Promise<void> {
  await db.schema.createIndex('record_versions_batch').on('record_versions').columns(['batch_id', 'id']).execute()
  await h.table('revoked_versions', (t) => t.addColumn('version_id', h.refType, (c) => c.primaryKey()))
  const when = "old.status = 'revoked' and new.status <> 'revoked'"
  if (h.dialect === 'postgres') {
    await sql
      .raw(
        `create function remember_revoked_version() returns trigger language plpgsql as $$
         begin
           insert into revoked_versions (version_id) values (old.id) on conflict do nothing;
           return null;
         end $$`,
      )
      .execute(db)
    await sql.raw(`create trigger record_version_unrevoked after update of status on record_versions for each row when (${when}) execute function remember_revoked_version()`).execute(db)
  } else {
    await sql.raw(`create trigger record_version_unrevoked after update of status on record_versions when ${when} begin insert or ignore into revoked_versions (version_id) values (old.id); end`).execute(db)
  }
}
