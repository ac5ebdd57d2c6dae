/**
 * Set-based reads that resolve many typed codes to subjects at once (bulk lookup, credit checks):
 * identifiers by plain value or by the keyed hash of a personal identifier, then the subjects by
 * id. In chunks, never one round trip per code.
 */
import { sql, type RawBuilder } from 'kysely'
import type { Database } from '../db/create-database.ts'
import { inValues } from '../db/in-values.ts'
import { selectArrays } from '../db/select-arrays.ts'
import { readInChunks } from '../db/chunked-reads.ts'

/** Ids per statement: far below SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
export const LOOKUP_CHUNK = 1000

export function chunked<T>(items: readonly T[], size = LOOKUP_CHUNK): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

export interface SubjectSummary {
  name: string
  kind: string
}

// Codes per statement once the list is one parameter (in-values.ts).
const RESOLVE_CHUNK = 10_000

export function subjectLookupRepository(database: Pick<Database, 'db' | 'dialect' | 'sqliteStatements' | 'pool'>) {
  const { db, dialect } = database
  /** [key, subject id] pairs of the rows whose `column` is among the values, as arrays (select-arrays.ts). */
  async function pairs(query: (part: readonly (string | number)[]) => RawBuilder<unknown>, values: readonly (string | number)[]): Promise<Array<[unknown, unknown, ...unknown[]]>> {
    return readInChunks(values, RESOLVE_CHUNK, async (part) => (await selectArrays(database, query(part).compile(db))) as Array<[unknown, unknown, ...unknown[]]>)
  }
  return {
    /** Subject ids by plain identifier value (USCC, organisation code, registration or tax number). */
    async subjectIdsByValue(scheme: string, values: readonly string[]): Promise<Map<string, number>> {
      const out = new Map<string, number>()
      for (const [value, id] of await pairs((part) => sql`select value, subject_id from subject_identifiers where scheme = ${scheme} and ${inValues(dialect, 'value', part)}`, values)) {
        if (value !== null) out.set(value as string, Number(id))
      }
      return out
    },

    /** Subject ids by the keyed hash of a personal identifier. */
    async subjectIdsByHash(scheme: string, hashes: readonly string[]): Promise<Map<string, number>> {
      const out = new Map<string, number>()
      for (const [hash, id] of await pairs((part) => sql`select value_hash, subject_id from subject_identifiers where scheme = ${scheme} and ${inValues(dialect, 'value_hash', part)}`, hashes)) {
        if (hash !== null) out.set(hash as string, Number(id))
      }
      return out
    },

    async subjectSummaries(ids: readonly number[]): Promise<Map<number, SubjectSummary>> {
      const out = new Map<number, SubjectSummary>()
      for (const [id, name, kind] of await pairs((part) => sql`select id, name, kind from subjects where ${inValues(dialect, 'id', part)}`, ids)) out.set(Number(id), { name: name as string, kind: kind as string })
      return out
    },
  }
}

export type SubjectLookupRepository = ReturnType<typeof subjectLookupRepository>
