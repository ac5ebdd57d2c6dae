/**
 * The first schema. It already carries what later features need — record versions with
 * provenance and publicity dates, sharing of records through the catalog version, the change feed,
 * the query log and the hash-chained audit log — so that they add behaviour, not rewrites.
 */
import type { Kysely } from 'kysely'
import type { SchemaHelpers } from './schema-helpers.ts'

export async function up(db: Kysely<any>, h: SchemaHelpers): Promise<void> {
  // Small platform facts: what the demo seed has done, first-start notices, and the like.
  await h.table('settings', (t) =>
    t
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull()),
  )

  await h.table('departments', (t) =>
    h.id(t)
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('short_name', 'text')
      .addColumn('uscc', 'text')
      .addColumn('division', 'text', (c) => c.notNull())
      .addColumn('parent_code', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull()),
  )

  await h.table('users', (t) =>
    h.id(t)
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('department_id', h.refType, (c) => c.references('departments.id'))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_login_at', 'text'),
  )
  await h.table('user_roles', (t) =>
    t
      .addColumn('user_id', h.refType, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role']),
  )
  await h.table('api_keys', (t) =>
    h.id(t)
      .addColumn('prefix', 'text', (c) => c.notNull().unique())
      .addColumn('key_hash', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('department_id', h.refType, (c) => c.notNull().references('departments.id'))
      .addColumn('roles', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text')
      .addColumn('revoked_at', 'text')
      .addColumn('last_used_at', 'text'),
  )
  await h.table('sessions', (t) =>
    t
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', h.refType, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('ip', 'text')
      .addColumn('user_agent', 'text'),
  )

  await h.table('catalog_items', (t) =>
    t
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('current_version', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull()),
  )
  await h.table('catalog_versions', (t) =>
    h.id(t)
      .addColumn('item_code', 'text', (c) => c.notNull().references('catalog_items.code'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('definition', h.jsonType, (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addUniqueConstraint('catalog_versions_item_version', ['item_code', 'version']),
  )
  await h.table('code_tables', (t) =>
    t
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('definition', h.jsonType, (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull()),
  )

  await h.table('subjects', (t) =>
    h.id(t)
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('division', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('legal_representative', 'text')
      .addColumn('established_on', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull()),
  )
  await h.table('subject_identifiers', (t) =>
    h.id(t)
      .addColumn('subject_id', h.refType, (c) => c.notNull().references('subjects.id'))
      .addColumn('scheme', 'text', (c) => c.notNull())
      .addColumn('value', 'text')
      .addColumn('value_hash', 'text')
      .addColumn('ciphertext', 'text')
      .addColumn('masked', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull()),
  )
  // One subject per identifier: plain values for codes, keyed hashes for personal numbers.
  await db.schema.createIndex('subject_identifiers_value').unique().on('subject_identifiers').columns(['value', 'scheme']).execute()
  await db.schema.createIndex('subject_identifiers_hash').unique().on('subject_identifiers').columns(['value_hash', 'scheme']).execute()
  await db.schema.createIndex('subject_identifiers_subject').on('subject_identifiers').column('subject_id').execute()

  await h.table('subject_names', (t) =>
    h.id(t)
      .addColumn('subject_id', h.refType, (c) => c.notNull().references('subjects.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('valid_from', 'text')
      .addColumn('valid_to', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('batch_id', h.refType)
      .addColumn('created_at', 'text', (c) => c.notNull()),
  )
  await db.schema.createIndex('subject_names_subject').on('subject_names').column('subject_id').execute()

  await h.table('batches', (t) =>
    h.id(t)
      .addColumn('department_id', h.refType, (c) => c.notNull().references('departments.id'))
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('catalog_version', 'integer', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text')
      .addColumn('file_hash', 'text')
      .addColumn('format', 'text')
      .addColumn('encoding', 'text')
      .addColumn('headers', h.jsonType)
      .addColumn('submitted_by', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('received', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('accepted', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('warnings', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('completed_at', 'text')
      .addColumn('failure', 'text'),
  )
  await db.schema.createIndex('batches_department').on('batches').columns(['department_id', 'created_at']).execute()
  await db.schema.createIndex('batches_file').on('batches').columns(['file_hash', 'status']).execute()
  await h.table('batch_errors', (t) =>
    h.id(t)
      .addColumn('batch_id', h.refType, (c) => c.notNull().references('batches.id'))
      .addColumn('row_number', 'integer', (c) => c.notNull())
      .addColumn('column_name', 'text')
      .addColumn('value', 'text')
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('message_en', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('raw_row', h.jsonType),
  )
  await db.schema.createIndex('batch_errors_batch').on('batch_errors').columns(['batch_id', 'row_number']).execute()

  await h.table('records', (t) =>
    h.id(t)
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('subject_id', h.refType, (c) => c.notNull().references('subjects.id'))
      .addColumn('business_key', 'text', (c) => c.notNull())
      .addColumn('current_version_id', h.refType)
      .addColumn('current_version', 'integer', (c) => c.notNull())
      .addColumn('current_hash', 'text', (c) => c.notNull())
      // Digest of the source row that produced the current version: a byte-identical row re-sent
      // under the same catalog version is unchanged without being validated again.
      .addColumn('current_fingerprint', 'text')
      .addColumn('current_batch_id', h.refType, (c) => c.notNull())
      .addColumn('department_id', h.refType, (c) => c.notNull().references('departments.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('records_category_key', ['category', 'business_key']),
  )
  await db.schema.createIndex('records_subject').on('records').columns(['subject_id', 'category']).execute()
  await db.schema.createIndex('records_fingerprint').on('records').column('current_fingerprint').execute()
  await h.table('record_versions', (t) =>
    h.id(t)
      .addColumn('record_id', h.refType, (c) => c.notNull().references('records.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('payload', h.jsonType, (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('decision_date', 'text')
      .addColumn('publication_date', 'text')
      .addColumn('valid_from', 'text')
      .addColumn('valid_to', 'text')
      .addColumn('publicity_end', 'text')
      .addColumn('tier', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('department_id', h.refType, (c) => c.notNull().references('departments.id'))
      .addColumn('batch_id', h.refType, (c) => c.references('batches.id'))
      .addColumn('source_row', 'integer')
      .addColumn('submitted_by', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('catalog_version', 'integer', (c) => c.notNull())
      .addColumn('file_hash', 'text')
      .addUniqueConstraint('record_versions_record_version', ['record_id', 'version']),
  )

  await h.table('authorisations', (t) =>
    h.id(t)
      .addColumn('subject_id', h.refType, (c) => c.notNull().references('subjects.id'))
      .addColumn('grantee_department_id', h.refType, (c) => c.notNull().references('departments.id'))
      .addColumn('scope', h.jsonType, (c) => c.notNull())
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('granted_on', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('evidence', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull()),
  )
  await h.table('query_log', (t) =>
    h.id(t)
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_type', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('department_id', h.refType)
      .addColumn('subject_id', h.refType, (c) => c.notNull())
      .addColumn('record_ids', h.jsonType)
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('authorisation_id', h.refType)
      .addColumn('channel', 'text', (c) => c.notNull()),
  )
  await db.schema.createIndex('query_log_subject').on('query_log').columns(['subject_id', 'at']).execute()

  await h.table('events', (t) =>
    h.id(t, 'seq')
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('subject_id', h.refType)
      .addColumn('record_id', h.refType)
      .addColumn('payload', h.jsonType, (c) => c.notNull()),
  )
  await h.table('audit_log', (t) =>
    h.id(t)
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_type', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('entity_type', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      // Text, not jsonb: the hash chain covers these exact bytes.
      .addColumn('detail', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull()),
  )
}
