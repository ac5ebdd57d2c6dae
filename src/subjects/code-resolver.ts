/**
 * Many typed codes → subjects, set-based: every code's lookup keys (subject-code.ts), then the
 * identifiers by value and by keyed hash and the subjects themselves in a handful of chunked
 * reads. A code resolves to the first of its keys that names an existing subject, in the order a
 * single lookup tries them. Bulk lookup and credit checks both resolve this way.
 */
import { isAppError } from '../errors.ts'
import type { PersonalDataCipher } from '../security/personal-data.ts'
import { subjectLookupKeys, type SubjectLookupKey } from './subject-code.ts'
import type { SubjectLookupRepository, SubjectSummary } from './subject-lookup.repository.ts'

export type ResolvedCode =
  | { found: true; subjectId: number; subject: SubjectSummary }
  | { found: false; error?: { code: string; message: string; message_en: string } }

export interface ResolvedCodes {
  /** One answer per code, in the order given. */
  results: ResolvedCode[]
  summaries: Map<number, SubjectSummary>
}

export async function resolveSubjectCodes(codes: readonly string[], deps: { cipher: PersonalDataCipher; repo: Pick<SubjectLookupRepository, 'subjectIdsByValue' | 'subjectIdsByHash' | 'subjectSummaries'> }): Promise<ResolvedCodes> {
  const { cipher, repo } = deps
  const keysOf: Array<SubjectLookupKey[] | { code: string; message: string; message_en: string }> = []
  const byValue = new Map<string, Set<string>>()
  const byHash = new Map<string, Set<string>>()
  const hashOf = new Map<string, string>()
  const ids = new Set<number>()
  for (const code of codes) {
    let keys: SubjectLookupKey[]
    try {
      keys = subjectLookupKeys(code)
    } catch (error) {
      if (!isAppError(error)) throw error
      keysOf.push({ code: error.code, message: error.zh, message_en: error.en })
      continue
    }
    keysOf.push(keys)
    for (const k of keys) {
      if (k.by === 'id') ids.add(k.id)
      else if (k.by === 'value') (byValue.get(k.scheme) ?? byValue.set(k.scheme, new Set()).get(k.scheme)!).add(k.value)
      else {
        const hash = hashOf.get(k.value) ?? cipher.lookupHash(k.value)
        hashOf.set(k.value, hash)
        ;(byHash.get(k.scheme) ?? byHash.set(k.scheme, new Set()).get(k.scheme)!).add(hash)
      }
    }
  }

  // Scheme → value (or '#' + keyed hash) → subject id.
  const hits = new Map<string, Map<string, number>>()
  for (const [scheme, values] of byValue) hits.set(scheme, await repo.subjectIdsByValue(scheme, [...values]))
  for (const [scheme, hashes] of byHash) {
    const found = hits.get(scheme) ?? hits.set(scheme, new Map()).get(scheme)!
    for (const [hash, id] of await repo.subjectIdsByHash(scheme, [...hashes])) found.set(`#${hash}`, id)
  }
  const candidates = new Set(ids)
  for (const found of hits.values()) for (const id of found.values()) candidates.add(id)
  const summaries = await repo.subjectSummaries([...candidates])
  const subjectOf = (keys: SubjectLookupKey[]): number | undefined => {
    for (const k of keys) {
      const id = k.by === 'id' ? k.id : k.by === 'value' ? hits.get(k.scheme)?.get(k.value) : hits.get(k.scheme)?.get(`#${hashOf.get(k.value)}`)
      if (id !== undefined && summaries.has(id)) return id
    }
    return undefined
  }
  const results = keysOf.map((k): ResolvedCode => {
    if (!Array.isArray(k)) return { found: false, error: k }
    const id = subjectOf(k)
    return id === undefined ? { found: false } : { found: true, subjectId: id, subject: summaries.get(id)! }
  })
  return { results, summaries }
}
