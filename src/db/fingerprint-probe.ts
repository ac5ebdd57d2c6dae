/**
 * Which source-row fingerprints are already the current version of some record: asked by the
 * ingest worker on its own read-only connection, so re-sent rows skip validation altogether.
 */
import SqliteDatabase from 'better-sqlite3'
import pg from 'pg'
import { isPostgresUrl } from './create-database.ts'

export interface FingerprintProbe {
  known(fingerprints: string[]): Promise<Set<string>>
  close(): Promise<void>
}

export async function openFingerprintProbe(url: string, schema?: string): Promise<FingerprintProbe> {
  if (!isPostgresUrl(url)) {
    const conn = new SqliteDatabase(url, { readonly: true, fileMustExist: true })
    conn.pragma('busy_timeout = 5000')
    const statements = new Map<number, SqliteDatabase.Statement>()
    return {
      async known(fps) {
        const out = new Set<string>()
        for (let i = 0; i < fps.length; i += 500) {
          const part = fps.slice(i, i + 500)
          let stmt = statements.get(part.length)
          if (!stmt) statements.set(part.length, (stmt = conn.prepare(`select current_fingerprint as f from records where current_fingerprint in (${part.map(() => '?').join(',')})`)))
          for (const row of stmt.all(...part) as Array<{ f: string }>) out.add(row.f)
        }
        return out
      },
      async close() {
        conn.close()
      },
    }
  }
  const parsed = new URL(url)
  const fromUrl = parsed.searchParams.get('schema') ?? undefined
  parsed.searchParams.delete('schema')
  const client = new pg.Client({ connectionString: parsed.toString(), ...((schema ?? fromUrl) ? { options: `-c search_path=${schema ?? fromUrl}` } : {}) })
  await client.connect()
  // The probe is only ever an index lookup. Right after a large batch the statistics still call
  // records small, and the planner would scan the whole table for each probe.
  await client.query('set enable_seqscan = off; set jit = off')
  return {
    async known(fps) {
      const { rows } = await client.query<{ f: string }>('select current_fingerprint as f from records where current_fingerprint = any($1::text[])', [fps])
      return new Set(rows.map((r) => r.f))
    },
    async close() {
      await client.end()
    },
  }
}
