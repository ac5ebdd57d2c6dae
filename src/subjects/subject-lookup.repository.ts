/**
 * Set-based reads that resolve many typed codes to subjects at once (bulk lookup, credit checks):
 * identifiers by plain value or by the keyed hash of a personal identifier, then the subjects by
 * id. In chunks, never one round trip per code.
 */
import type { Kysely } from 'kysely'
import type { Tables } from '../db/database.ts'

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

export function subjectLookupRepository(db: Kysely<Tables>) {
  return {
    /** Subject ids by plain identifier value (USCC, organisation code, registration or tax number). */
    async subjectIdsByValue(scheme: string, values: readonly string[]): Promise<Map<string, number>> {
      const out = new Map<string, number>()
      for (const part of chunked(values)) {
        const rows = await db.selectFrom('subject_identifiers').select(['value', 'subject_id']).where('scheme', '=', scheme).where('value', 'in', part).execute()
        for (const r of rows) if (r.value !== null) out.set(r.value, Number(r.subject_id))
      }
      return out
    },

    /** Subject ids by the keyed hash of a personal identifier. */
    async subjectIdsByHash(scheme: string, hashes: readonly string[]): Promise<Map<string, number>> {
      const out = new Map<string, number>()
      for (const part of chunked(hashes)) {
        const rows = await db.selectFrom('subject_identifiers').select(['value_hash', 'subject_id']).where('scheme', '=', scheme).where('value_hash', 'in', part).execute()
        for (const r of rows) if (r.value_hash !== null) out.set(r.value_hash, Number(r.subject_id))
      }
      return out
    },

    async subjectSummaries(ids: readonly number[]): Promise<Map<number, SubjectSummary>> {
      const out = new Map<number, SubjectSummary>()
      for (const part of chunked(ids)) {
        const rows = await db.selectFrom('subjects').select(['id', 'name', 'kind']).where('id', 'in', part).execute()
        for (const r of rows) out.set(Number(r.id), { name: r.name, kind: r.kind })
      }
      return out
    },
  }
}

export type SubjectLookupRepository = ReturnType<typeof subjectLookupRepository>
