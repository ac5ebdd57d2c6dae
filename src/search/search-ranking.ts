/**
 * Ranking of search hits, pure. A subject is ranked by its best match: a code (USCC, organisation
 * code, registration number, subject id) before an exact name, before a name that starts with the
 * query, before one that only contains it. Within a tier active subjects come first; the store
 * delivers each tier in that order, so the first time a subject is seen is its best placement.
 */
export const matchTiers = ['code', 'exact', 'prefix', 'substring'] as const
export type MatchTier = (typeof matchTiers)[number]

/** 0 is best. */
export const tierRank = (tier: MatchTier): number => matchTiers.indexOf(tier)

export type NameSource = 'current' | 'registry' | 'former' | 'observed'

/** One indexed name that matched, as the store returns it. */
export interface NameHit {
  subjectId: number
  name: string
  source: NameSource
}

export interface RankedHit {
  subjectId: number
  match: MatchTier
  rank: number
  /** The former name or alias that matched, when the current name did not match as well. */
  matchedName: string | null
  matchedNameSource: Exclude<NameSource, 'current'> | null
}

export interface CollectedPage {
  hits: RankedHit[]
  hasMore: boolean
  /** Every match counted: known only when all of them were gathered. */
  total: number | null
}

/** Gathers distinct subjects in rank order until `want` of them are known. */
export function createHitCollector(want: number) {
  const hits: RankedHit[] = []
  const bySubject = new Map<number, RankedHit>()
  return {
    get full(): boolean {
      return hits.length >= want
    },
    /** How many more distinct subjects are wanted. */
    get remaining(): number {
      return Math.max(0, want - hits.length)
    },
    has: (subjectId: number) => bySubject.has(subjectId),
    addCode(subjectId: number): void {
      if (bySubject.has(subjectId) || hits.length >= want) return
      const hit: RankedHit = { subjectId, match: 'code', rank: tierRank('code'), matchedName: null, matchedNameSource: null }
      hits.push(hit)
      bySubject.set(subjectId, hit)
    },
    /** Adds the hits of one tier, in the order the store ranked them. */
    addNames(tier: Exclude<MatchTier, 'code'>, names: readonly NameHit[]): void {
      const rank = tierRank(tier)
      for (const n of names) {
        const seen = bySubject.get(n.subjectId)
        if (seen) {
          // The current name matching as well as an alias in the same tier: show no alias.
          if (seen.rank === rank && n.source === 'current') {
            seen.matchedName = null
            seen.matchedNameSource = null
          }
          continue
        }
        if (hits.length >= want) continue
        const hit: RankedHit = { subjectId: n.subjectId, match: tier, rank, matchedName: n.source === 'current' ? null : n.name, matchedNameSource: n.source === 'current' ? null : n.source }
        hits.push(hit)
        bySubject.set(n.subjectId, hit)
      }
    },
    /** The page, once every tier was read until the collector was full or the tier ended. */
    page(offset: number, pageSize: number): CollectedPage {
      // Not full means every tier ran out: all matches are known.
      return { hits: hits.slice(offset, offset + pageSize), hasMore: hits.length > offset + pageSize, total: hits.length >= want ? null : hits.length }
    },
  }
}

export type HitCollector = ReturnType<typeof createHitCollector>
