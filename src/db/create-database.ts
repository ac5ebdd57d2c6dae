/**
 * Opens the store named by a URL: a postgres:// URL is PostgreSQL, anything else a SQLite file.
 * This folder is the only place that knows which one it is talking to.
 */
import { Kysely, PostgresDialect, SqliteDialect, sql, type SqliteDatabase as CachedSqlite } from 'kysely'
import SqliteDatabase from 'better-sqlite3'
import pg from 'pg'
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { Tables } from './database.ts'
import { withStatementCache } from './statement-cache.ts'
import { withNamedStatements } from './named-statements.ts'

export type Dialect = 'sqlite' | 'postgres'

export interface Database {
  db: Kysely<Tables>
  dialect: Dialect
  /** Where it lives, without any password, for logs and messages. */
  location: string
  /** The URL it was opened with (may hold a password: never log it); lets a worker thread open its own connection. */
  url: string
  /** The PostgreSQL schema in use, when not the default. */
  schema?: string
  /** The raw better-sqlite3 handle, for bulk loading in src/db only. */
  sqlite?: SqliteDatabase.Database
  /** The same connection with the prepared statements Kysely uses (statement-cache.ts), for bulk writes in src/db only. */
  sqliteStatements?: CachedSqlite
  /** The raw pg pool, for COPY in src/db only. */
  pool?: pg.Pool
  close(): Promise<void>
}

// int8 (counts, bigserial ids) as numbers — ids stay far below 2^53; jsonb back as text, like SQLite.
pg.types.setTypeParser(20, (v) => Number(v))
pg.types.setTypeParser(3802, (v) => v)

// SQLite's default compile-time ceiling (SQLITE_MAX_MMAP_SIZE, just under 2 GiB); asking more is capped to it.
const SQLITE_MMAP_BYTES = 2 * 1024 ** 3

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//i.test(url)

export interface OpenOptions {
  /** PostgreSQL schema to use (tests give each run its own). */
  schema?: string
  poolSize?: number
}

export function openDatabase(url: string, options: OpenOptions = {}): Database {
  return isPostgresUrl(url) ? openPostgres(url, options) : openSqlite(url)
}

function openSqlite(path: string): Database {
  const file = path.startsWith('sqlite:') ? path.slice('sqlite:'.length) : path
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true })
  const sqlite = new SqliteDatabase(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('cache_size = -65536')
  // Pages read straight from the OS cache instead of copied in by a read() each: a 10M-record
  // store's point reads (profiles, checks) spend far less time in the kernel.
  if (file !== ':memory:') sqlite.pragma(`mmap_size = ${SQLITE_MMAP_BYTES}`)
  const sqliteStatements = withStatementCache(sqlite)
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqliteStatements }) })
  return {
    db,
    dialect: 'sqlite',
    location: file,
    url: file,
    sqlite,
    sqliteStatements,
    close: async () => {
      await db.destroy()
    },
  }
}

function openPostgres(rawUrl: string, options: OpenOptions): Database {
  // `?schema=NAME` in the URL puts the platform in its own schema (a city may share a cluster).
  const withSchema = new URL(rawUrl)
  const schema = options.schema ?? withSchema.searchParams.get('schema') ?? undefined
  withSchema.searchParams.delete('schema')
  const url = withSchema.toString()
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Invalid PostgreSQL schema name: ${schema}`)
  options = { ...options, ...(schema ? { schema } : {}) }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // JIT off: the platform's statements are index reads of a few milliseconds, and compiling one
    // took 10–15 ms whenever a long IN list lifted its estimated cost over jit_above_cost (every
    // 1,000-subject chunk of a batch credit check).
    options: `-c jit=off${options.schema ? ` -c search_path=${options.schema}` : ''}`,
  })
  // A dropped idle connection must not take the process down.
  pool.on('error', () => {})
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: withNamedStatements(pool) }) })
  const parsed = new URL(url)
  parsed.password = ''
  return {
    db,
    dialect: 'postgres',
    location: parsed.toString() + (options.schema ? ` (schema ${options.schema})` : ''),
    url: rawUrl,
    pool,
    ...(options.schema ? { schema: options.schema } : {}),
    close: async () => {
      await db.destroy()
    },
  }
}

/** Checks the store answers; used by /healthz. */
export async function pingDatabase(database: Database): Promise<void> {
  await sql`select 1`.execute(database.db)
}
