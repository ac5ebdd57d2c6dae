/**
 * The raw load rate of a file, for comparison with ingestion: parse it with the same reader and
 * insert its rows as they are — no validation, linking or versioning — with prepared inserts on
 * SQLite and COPY on PostgreSQL.
 */
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { from as copyFrom } from 'pg-copy-streams'
import type { Database } from '../src/db/create-database.ts'
import { openFileSource } from '../src/collection/sources/open-source.ts'

export async function rawLoad(database: Database, file: string): Promise<{ rows: number; seconds: number }> {
  const started = performance.now()
  const source = await openFileSource(file)
  const columns = source.headers.map((_, i) => `c${i}`)
  let rows = 0
  if (database.dialect === 'sqlite') {
    const sqlite = database.sqlite!
    sqlite.exec(`drop table if exists raw_load; create table raw_load (${columns.map((c) => `${c} text`).join(', ')})`)
    const insert = sqlite.prepare(`insert into raw_load values (${columns.map(() => '?').join(', ')})`)
    sqlite.exec('begin')
    for await (const row of source.rows) {
      insert.run(columns.map((_, i) => row.values[i] ?? null))
      rows++
    }
    sqlite.exec('commit')
  } else {
    const client = await database.pool!.connect()
    try {
      await client.query(`drop table if exists raw_load; create unlogged table raw_load (${columns.map((c) => `${c} text`).join(', ')})`)
      const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
      async function* lines() {
        let buffer = ''
        for await (const row of source.rows) {
          rows++
          buffer += columns.map((_, i) => escape(row.values[i] ?? '')).join('\t') + '\n'
          if (buffer.length > 1 << 20) {
            yield buffer
            buffer = ''
          }
        }
        if (buffer) yield buffer
      }
      await pipeline(Readable.from(lines()), client.query(copyFrom('copy raw_load from stdin')))
    } finally {
      client.release()
    }
  }
  return { rows, seconds: (performance.now() - started) / 1000 }
}
