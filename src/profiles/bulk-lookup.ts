/**
 * A department's bulk lookup (批量查询): up to 10,000 codes → found or not, name, kind, and the
 * records in force it may see per group. Set-based in chunks — identifiers, subjects, counts —
 * never one round trip per code; the reads of subjects with records or of natural persons are
 * logged together in one transaction.
 */
import type { Database } from '../db/create-database.ts'
import { chinaDate, type Clock } from '../clock.ts'
import { AppError, forbidden } from '../errors.ts'
import type { Actor } from '../security/actor.ts'
import type { PersonalDataCipher } from '../security/personal-data.ts'
import { logReads, type QueryChannel, type QueryLogEntry } from '../security/query-log.ts'
import { resolveSubjectCodes } from '../subjects/code-resolver.ts'
import type { CatalogRules } from './item-rules-cache.ts'
import type { profileRepository } from './profile.repository.ts'
import { recordVisibility, windowMatters, type Asker } from './visibility.ts'
import { emptyGroupCounts } from './profile-groups.ts'
import { publicityRepository } from '../publicity/publicity.repository.ts'
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

    // 1–2. Every code to its subject, set-based (identifiers by value and by hash, then the subjects).
    const { results: resolved, summaries } = await resolveSubjectCodes(codes, { cipher, repo })
    const found = resolved.map((r) => (r.found ? r.subjectId : undefined))

    // 3. What this asker may see of each subject's records in force, per group.
    const rules = await deps.currentRules()
    const at = { today: chinaDate(clock), now: clock.now().toISOString() }
    const subjectIds = [...new Set(found.filter((id): id is number => id !== undefined))]
    const counts = new Map<number, ReturnType<typeof emptyGroupCounts>>()
    const ownDepartmentId = asker.kind === 'department' ? asker.departmentId : null
    // Records a decision withdrew (repaired, archived, deleted) count only where the asker still sees them (its own).
    const [inForce, withdrawnRows] = await Promise.all([repo.inForceCounts(subjectIds, ownDepartmentId), publicityRepository(database.db).withdrawnByDecision(subjectIds, ownDepartmentId, at.now)])
    const withdrawnCount = new Map(withdrawnRows.map((w) => [`${w.subjectId}\u0000${w.category}\u0000${w.own}`, w.n]))
    for (const c of inForce) {
      const item = rules.rulesOf(c.category)
      const withdrawn = Math.min(c.n, withdrawnCount.get(`${c.subjectId}\u0000${c.category}\u0000${c.own}`) ?? 0)
      const visibleAs = (isWithdrawn: boolean) =>
        recordVisibility(
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
            publicity: { shown: false, withdrawn: isWithdrawn },
          },
          at,
        ).visible
      const n = (visibleAs(false) ? c.n - withdrawn : 0) + (withdrawn && visibleAs(true) ? withdrawn : 0)
      if (n === 0) continue
      const perGroup = counts.get(c.subjectId) ?? counts.set(c.subjectId, emptyGroupCounts()).get(c.subjectId)!
      perGroup[item.group] += n
    }

    // 4. The log: every subject the answer says something non-public about (records, or a person).
    const entries: QueryLogEntry[] = []
    for (const id of subjectIds) {
      if (counts.has(id) || summaries.get(id)!.kind === 'natural_person') entries.push({ actor, subjectId: id, purpose: `批量查询 bulk lookup: ${purpose}`.slice(0, 500), channel: options.channel ?? 'api' })
    }
    await logReads(database, clock, entries)

    return codes.map((code, i): LookupSummary => {
      const r = resolved[i]!
      if (!r.found) return r.error ? { code, found: false, error: r.error } : { code, found: false }
      const id = r.subjectId
      const s = summaries.get(id)!
      return { code, found: true, subjectId: id, name: s.name, kind: s.kind, counts: counts.get(id) ?? emptyGroupCounts() }
    })
  }
}
