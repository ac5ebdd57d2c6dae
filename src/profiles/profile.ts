/** A subject's credit file (信用档案) as an asker may see it, and the bulk summary departments get. */
import type { DisplayGroup } from '../catalog/catalog.ts'
import type { SubjectBasicRecord } from '../subjects/subject.ts'
import type { Asker, VisibilityReason } from './visibility.ts'
import type { PublicityState } from '../publicity/assess-publicity.ts'

export type PayloadFields = Record<string, unknown>

export interface Provenance {
  department: { code: string; name: string }
  receivedAt: string
  catalogVersion: number
  /** Full provenance (the provider and the platform office only). */
  batchId?: number | null
  sourceRow?: number | null
  submittedBy?: string
  fileHash?: string | null
}

export interface RecordVersionView {
  version: number
  status: string
  fields: PayloadFields
  provenance: Provenance
}

export interface ProfileRecord {
  id: number
  category: string
  categoryName: string
  categoryNameEn: string
  /** in_force | revoked | archived */
  status: string
  version: number
  visibleAs: VisibilityReason
  /** 异议处理中: the subject disputes this record. */
  underObjection: boolean
  /** An objection that could not be verified, recorded beside the record. */
  objectionNote: { receiptNumber: string; grounds: string; outcomeNote: string; decidedOn: string } | null
  dates: {
    decision: string | null
    publication: string | null
    validFrom: string | null
    validTo: string | null
    publicityStart: string | null
    /** Exclusive: the first day it is no longer public. */
    publicityEnd: string | null
  }
  /** The publicity engine's state today (shown, ended, repaired, archived…; src/publicity/). */
  publicityState: PublicityState
  /** Shown on the public site today. */
  publicNow: boolean
  fields: PayloadFields
  provenance: Provenance
  /** Earlier versions, oldest first (privileged askers only). */
  history?: RecordVersionView[]
}

export interface ProfileGroup {
  group: DisplayGroup
  label: string
  labelEn: string
  /** Every record of the group this asker may see. */
  count: number
  /** The page of them asked for, newest first. */
  records: ProfileRecord[]
}

export interface Profile {
  subject: SubjectBasicRecord
  asOf: string
  view: { asker: Asker['kind']; masked: boolean; authorisationId: number | null; logged: boolean }
  total: number
  groups: ProfileGroup[]
}

export interface LookupSummary {
  code: string
  found: boolean
  subjectId?: number
  name?: string
  kind?: string
  /** Records in force this department may see, per group. */
  counts?: Record<DisplayGroup, number>
  error?: { code: string; message: string; message_en: string }
}
