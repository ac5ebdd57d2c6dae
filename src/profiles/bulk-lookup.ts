/**
 * A department's bulk lookup (批量查询): up to 10,000 codes → found or not, name, kind, and the
 * records in force it may see per group. Set-based in chunks — identifiers, subjects, counts —
 * never one round trip per code; the reads of subjects with records or of natural persons are
 * logged together in one transaction.
 */
import type { Database } from '../db/create-database.ts'
import { chinaDate, type Clock } from '../clock.ts'
import { AppError, forbidden, isAppError } from '../errors.ts'
import type { Actor } from '../security/actor.ts'
import type { PersonalDataCipher } from '../security/personal-data.ts'
import { logReads, type QueryChannel, type QueryLogEntry } from '../security/query-log.ts'
import { subjectLookupKeys, type SubjectLookupKey } from '../subjects/subject-code.ts'
import type { CatalogRules } from './item-rules-cache.ts'
import type { profileRepository } from './profile.repository.ts'
import { recordVisibility, windowMatters, type Asker } from './visibility.ts'
import { emptyGroupCounts } from './profile-groups.ts'
import type { LookupSummary } from './profile.ts'

export const MAX_LOOKUP_CODES = 10_000

export function createBulkLookup(deps: { database: Database; clock: Clock; cipher: PersonalDataCipher; currentRules: () => Promise<CatalogRules>; repo: ReturnType<typeof profileRepository> }) {
  const { database, clock, cipher, repo } = deps

  return async function lookup(actor: Actor, asker: Asker, codes: readonly string[], options: { purpose: string; channel?: QueryChannel }): Promise<LookupSummary[]> {
    // Counts are taken without publicity windows: only for askers whose view does not depend on them.
    if ((asker.kind !== 'department' && asker.kind !== 'platform_office') || windowMatters(asker)) {
      throw forbidden('批量查询仅限政务部门和信用办', 'Bulk lookup is for government departments and the platform office')
    }
    if (codes.length > MAX_LOOKUP_CODES) throw new AppError('LOOKUP_TOO_MANY', `每次最多查询 ${MAX_LOOKUP_CODES} 个代码`, `At most ${MAX_LOOKUP_CODES} codes per lookup`, { kind: 'too_large' })
    const purpose = options.purpose.trim()
    if (!purpose) throw new AppError('LOOKUP_PURPOSE_REQUIRED', '批量查询须写明用途（如核查事项）', 'A bulk lookup must state its purpose (e.g. the matter checked)', { details: { field: 'purpose' } })

    // 1. Every code's lookup keys, in the order a single lookup tries them.
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

    // 2. Identifiers by value and by hash, then the subjects themselves (also checks bare ids).
    const valueHits = new Map<string, number>()
    for (const [scheme, values] of byValue) for (const [value, id] of await repo.subjectIdsByValue(scheme, [...values])) valueHits.set(`${scheme}\u0000${value}`, id)
    for (const [scheme, hashes] of byHash) for (const [hash, id] of await repo.subjectIdsByHash(scheme, [...hashes])) valueHits.set(`${scheme}\u0000#${hash}`, id)
    const summaries = await repo.subjectSummaries([...new Set([...valueHits.values(), ...ids])])
    const subjectOf = (keys: SubjectLookupKey[]): number | undefined => {
      for (const k of keys) {
        const id = k.by === 'id' ? k.id : k.by === 'value' ? valueHits.get(`${k.scheme}\u0000${k.value}`) : valueHits.get(`${k.scheme}\u0000#${hashOf.get(k.value)}`)
        if (id !== undefined && summaries.has(id)) return id
      }
      return undefined
    }
    const found = keysOf.map((k) => (Array.isArray(k) ? subjectOf(k) : undefined))

    // 3. What this asker may see of each subject's records in force, per group.
    const rules = await deps.currentRules()
    const at = { today: chinaDate(clock), now: clock.now().toISOString() }
    const subjectIds = [...new Set(found.filter((id): id is number => id !== undefined))]
    const counts = new Map<number, ReturnType<typeof emptyGroupCounts>>()
    const ownDepartmentId = asker.kind === 'department' ? asker.departmentId : null
    for (const c of await repo.inForceCounts(subjectIds, ownDepartmentId)) {
      const item = rules.rulesOf(c.category)
      const visible = recordVisibility(
        asker,
        {
          category: c.category,
          sharingLevel: item.sharingLevel,
          ...(item.naturalPersonSharingLevel ? { naturalPersonSharingLevel: item.naturalPersonSharingLevel } : {}),
          aboutNaturalPerson: summaries.get(c.subjectId)!.kind === 'natural_person',
          status: 'in_force',
          underObjection: false,
          // The provider itself or, standing for every other provider, one that is not this asker.
          providerDepartmentId: c.own && ownDepartmentId !== null ? ownDepartmentId : -1,
          publicity: { start: null, end: null },
        },
        at,
      ).visible
      if (!visible) continue
      const perGroup = counts.get(c.subjectId) ?? counts.set(c.subjectId, emptyGroupCounts()).get(c.subjectId)!
      perGroup[item.group] += c.n
    }

    // 4. The log: every subject the answer says something non-public about (records, or a person).
    const entries: QueryLogEntry[] = []
    for (const id of subjectIds) {
      if (counts.has(id) || summaries.get(id)!.kind === 'natural_person') entries.push({ actor, subjectId: id, purpose: `批量查询 bulk lookup: ${purpose}`.slice(0, 500), channel: options.channel ?? 'api' })
    }
    await logReads(database.db, clock, entries)

    return codes.map((code, i): LookupSummary => {
      const keys = keysOf[i]!
      if (!Array.isArray(keys)) return { code, found: false, error: keys }
      const id = found[i]
      if (id === undefined) return { code, found: false }
      const s = summaries.get(id)!
      return { code, found: true, subjectId: id, name: s.name, kind: s.kind, counts: counts.get(id) ?? emptyGroupCounts() }
    })
  }
}
