/**
 * What the index stores for one name, computed with the shared name normal form
 * (src/subjects/subject-name.ts), and how its terms are written for each store. Pure.
 */
import { nameTerms, normalizeName } from '../subjects/subject-name.ts'
import type { NameSource } from './search-ranking.ts'

/** A name to index with the facts of its subject. */
export interface NameToIndex {
  subjectId: number
  /** subject_names.id, or 0 for the subject's current name. */
  nameId: number
  name: string
  source: NameSource
  kind: string
  division: string | null
  status: string
}

export interface IndexRow {
  subjectId: number
  nameId: number
  name: string
  normalized: string
  source: NameSource
  kind: string
  division: string | null
  active: 0 | 1
  terms: string[]
}

/** The row to index, or nothing: natural persons are never found by name (persons are not public). */
export function indexRow(n: NameToIndex): IndexRow | undefined {
  if (n.kind === 'natural_person') return undefined
  const normalized = normalizeName(n.name)
  if (!normalized) return undefined
  return { subjectId: n.subjectId, nameId: n.nameId, name: n.name, normalized, source: n.source, kind: n.kind, division: n.division, active: n.status === 'active' ? 1 : 0, terms: nameTerms(normalized) }
}

// Terms are Han characters and runs of letters or digits, so they hold no quotes; escaped anyway.
const quoteLexeme = (t: string) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`

/** PostgreSQL tsvector input: each term one lexeme, taken as is (no dictionary). */
export const tsvectorLiteral = (terms: readonly string[]): string => terms.map(quoteLexeme).join(' ')

/** PostgreSQL tsquery: all terms. */
export const tsqueryLiteral = (terms: readonly string[]): string => terms.map(quoteLexeme).join(' & ')

/** FTS5 MATCH: all terms, each a quoted string (implicit AND). */
export const ftsMatch = (terms: readonly string[]): string => terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' ')
