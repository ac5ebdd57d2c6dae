/** 信用主体 as the platform keeps them, and the identifier schemes that point at them. */
import type { SubjectKind } from './subject-kind.ts'

export const identifierSchemes = ['uscc', 'org_code', 'registration_number', 'tax_number', 'resident_id', 'other_id'] as const
export type IdentifierScheme = (typeof identifierSchemes)[number]

/** Schemes whose values are personal data: stored encrypted, found by keyed hash, shown masked. */
/** other_id: a passport or permit number, stored as `<证件类型 code>:<number>`. */
export const personalSchemes: ReadonlySet<IdentifierScheme> = new Set(['resident_id', 'other_id'])

export type SubjectStatus = 'active' | 'deregistered' | 'revoked'

export interface SubjectIdentifierView {
  scheme: IdentifierScheme
  /** The value, or its mask for personal identifiers. */
  value: string
  masked: boolean
}

export interface SubjectName {
  name: string
  validFrom: string | null
  validTo: string | null
  source: 'registry' | 'former' | 'observed'
}

export interface Subject {
  id: number
  kind: SubjectKind
  name: string
  division: string | null
  status: SubjectStatus
  legalRepresentative: string | null
  establishedOn: string | null
  createdAt: string
  updatedAt: string
}

export interface SubjectBasicRecord extends Subject {
  identifiers: SubjectIdentifierView[]
  formerNames: SubjectName[]
  divisionName: string | null
}

/** What registering a subject needs; identifiers arrive validated and normalised. */
export interface NewSubject {
  kind: SubjectKind
  name: string
  division?: string | null
  status?: SubjectStatus
  legalRepresentative?: string | null
  establishedOn?: string | null
  identifiers: Array<{ scheme: IdentifierScheme; value: string }>
  formerNames?: Array<{ name: string; validFrom?: string | null; validTo?: string | null }>
}
