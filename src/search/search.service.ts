/**
 * 统一查询 — finding subjects by code or by name. A code (USCC, organisation code, legacy
 * registration or tax number, subject id; a resident identity number for staff) finds its subject
 * exactly; a name is matched as a substring of every name a subject has had or been seen under,
 * two-character queries included, in the shared normal form (widths and brackets do not matter).
 * Results are ranked code > exact > prefix > substring, active subjects first within each.
 *
 * Natural persons are never found by name, by anyone, and never at all by the public (河南条例
 * Art. 18): staff find a person only by the exact identity number, through its keyed hash, see the
 * name masked, and the read is written to the query log.
 */
import type { Database } from '../db/create-database.ts'
import { chinaDate, type Clock } from '../clock.ts'
import { isAppError } from '../errors.ts'
import type { Actor } from '../security/actor.ts'
import { logRead, type QueryChannel } from '../security/query-log.ts'
import type { SubjectService } from '../subjects/subject.service.ts'
import type { CatalogService } from '../catalog/catalog.service.ts'
import type { SubjectKind } from '../subjects/subject-kind.ts'
import type { IdentifierScheme, SubjectIdentifierView, SubjectStatus } from '../subjects/subject.ts'
import { findDivision } from '../identifiers/index.ts'
import { parseSearchQuery, type SearchFilters, type SearchInput, type SearchQuery } from './search-query.ts'
import { createHitCollector, type HitCollector, type MatchTier, type RankedHit } from './search-ranking.ts'
import { negativeCategories } from './negative-categories.ts'
import { maskPersonName } from './person-name.ts'
import { readForSearch, type SearchReader, type StoreFilters, type TermPlan, type TierCursor, type TierRow } from './search.repository.ts'
import { createSearchIndex } from './search-index.ts'

export interface SearchItem {
  id: number
  kind: SubjectKind
  /** Masked for natural persons. */
  name: string
  division: string | null
  divisionName: string | null
  status: SubjectStatus
  /** The subject's codes; personal numbers masked. */
  identifiers: SubjectIdentifierView[]
  match: MatchTier
  /** 0 = code, 1 = exact name, 2 = name starts with the query, 3 = name contains it. */
  rank: number
  matchedName: string | null
  matchedNameSource: 'registry' | 'former' | 'observed' | null
}

export interface SearchResult {
  page: number
  pageSize: number
  /** Every match, when the search read them all (always when they fit this page); else null. */
  total: number | null
  hasMore: boolean
  items: SearchItem[]
}

type Audience = 'public' | 'staff'
const nameTiers = ['exact', 'prefix', 'substring'] as const
/** Rows read beyond those wanted, so a subject matching under two names rarely costs a second read. */
const SLACK = 8

export function createSearchService(deps: { database: Database; clock: Clock; subjects: SubjectService; catalog: CatalogService }) {
  const { database, clock, subjects, catalog } = deps
  const index = createSearchIndex({ database, clock })

  async function storeFilters(filters: SearchFilters, audience: Audience): Promise<StoreFilters> {
    const out: StoreFilters = {}
    if (filters.kind) out.kind = filters.kind
    if (filters.divisionPrefix) out.divisionPrefix = filters.divisionPrefix
    if (filters.negative !== undefined) {
      const items = (await catalog.list()).map((v) => v.definition)
      out.negative = { present: filters.negative, categories: negativeCategories(items, audience), publicOnly: audience === 'public', today: chinaDate(clock) }
    }
    return out
  }

  /** The subject a code names, if the text is a code at all. */
  async function subjectByCode(text: string): Promise<number | undefined> {
    try {
      return await subjects.resolveId(text)
    } catch (error) {
      if (isAppError(error) && error.code === 'SUBJECT_CODE_INVALID') return undefined
      throw error
    }
  }

  /** The rarest terms to look up, or nothing when some term is in no name (so no name holds the query). */
  async function termPlan(reader: SearchReader, terms: readonly string[]): Promise<TermPlan | undefined> {
    if (!terms.length) return undefined
    const counts = await reader.termCounts(terms)
    const ranked = terms.map((t) => ({ t, n: counts.get(t) ?? 0 })).sort((a, b) => a.n - b.n)
    if (ranked[0]!.n <= 0) return undefined
    return { terms: ranked.slice(0, 2).map((r) => r.t), rarest: ranked[0]!.n }
  }

  async function readTier(reader: SearchReader, collector: HitCollector, tier: (typeof nameTiers)[number], active: 0 | 1, query: SearchQuery, filters: StoreFilters, plan: TermPlan | undefined): Promise<void> {
    if (tier === 'substring' && !plan) return
    let cursor: TierCursor = null
    while (!collector.full) {
      const limit = collector.remaining + SLACK
      const rows: TierRow[] =
        tier === 'exact'
          ? await reader.exact(query.normalized, active, filters, cursor, limit)
          : tier === 'prefix'
            ? await reader.prefix(query.normalized, active, filters, cursor, limit)
            : await reader.substring(query.normalized, plan!, active, filters, cursor, limit)
      collector.addNames(tier, rows)
      if (rows.length < limit) return
      const last = rows.at(-1)!
      cursor = { id: last.id, normalized: last.normalized }
    }
  }

  async function toItems(reader: SearchReader, hits: RankedHit[], audience: Audience): Promise<SearchItem[]> {
    const ids = hits.map((h) => h.subjectId)
    const [rows, identifiers] = await Promise.all([reader.subjects(ids), reader.identifiers(ids)])
    const byId = new Map(rows.map((r) => [r.id, r]))
    const items: SearchItem[] = []
    for (const hit of hits) {
      const s = byId.get(hit.subjectId)
      // Gone since it was indexed, or (an index not yet caught up) a person the public may not see.
      if (!s || (s.kind === 'natural_person' && audience === 'public')) continue
      items.push({
        id: s.id,
        kind: s.kind as SubjectKind,
        name: s.kind === 'natural_person' ? maskPersonName(s.name) : s.name,
        division: s.division,
        divisionName: s.division ? (findDivision(s.division)?.name ?? null) : null,
        status: s.status as SubjectStatus,
        identifiers: identifiers.filter((i) => i.subject_id === s.id).map((i) => ({ scheme: i.scheme as IdentifierScheme, value: (i.value ?? i.masked)!, masked: i.value === null })),
        match: hit.match,
        rank: hit.rank,
        matchedName: hit.matchedName,
        matchedNameSource: hit.matchedNameSource,
      })
    }
    return items
  }

  return {
    /**
     * Indexes every subject and name committed before the call. Collection calls this after a batch
     * commits (and seeding after a bulk load); searches also catch up lazily.
     */
    indexPending: () => index.indexPending(),

    async search(actor: Actor, input: SearchInput, options: { channel?: QueryChannel } = {}): Promise<SearchResult> {
      const query = parseSearchQuery(input)
      const audience: Audience = actor.type === 'public' ? 'public' : 'staff'
      await index.refreshBeforeSearch()
      const [filters, codeSubject] = await Promise.all([storeFilters(query.filters, audience), subjectByCode(query.text)])

      const result = await readForSearch(database, async (reader) => {
        const collector = createHitCollector(query.window)
        if (codeSubject !== undefined) {
          for (const s of await reader.filterSubjects([codeSubject], filters)) {
            if (s.kind !== 'natural_person' || audience === 'staff') collector.addCode(s.id)
          }
        }
        const plan = await termPlan(reader, query.terms)
        tiers: for (const tier of nameTiers) {
          for (const active of [1, 0] as const) {
            await readTier(reader, collector, tier, active, query, filters, plan)
            if (collector.full) break tiers
          }
        }
        const page = collector.page(query.offset, query.pageSize)
        return { page, items: await toItems(reader, page.hits, audience) }
      })

      // Showing a person to staff is a read of personal data: logged before the answer leaves.
      for (const item of result.items) {
        if (item.kind === 'natural_person') await logRead(database.db, clock, { actor, subjectId: item.id, purpose: '按身份证号码查询主体 subject search by identity number', channel: options.channel ?? 'api' })
      }
      return { page: query.page, pageSize: query.pageSize, total: result.page.total, hasMore: result.page.hasMore, items: result.items }
    },
  }
}

export type SearchService = ReturnType<typeof createSearchService>
