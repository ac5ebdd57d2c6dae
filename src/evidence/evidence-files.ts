/**
 * Evidence files attached to a subject-rights case (objection, credit repair): what is accepted
 * and how large. The type is decided by the content, never by the name; the limits live in one
 * object so that settings can override them later.
 */
import { createHash } from 'node:crypto'
import { AppError } from '../errors.ts'
import { sniffMediaType } from './evidence-type.ts'

export { storeEvidence, listEvidence, readEvidence, type StoredEvidence, type EvidenceContent } from './evidence-store.ts'

export interface EvidenceLimits {
  /** Bytes per file. */
  maxFileBytes: number
  /** Files per case. */
  maxFiles: number
  /** Bytes of all a case's files together. */
  maxCaseBytes: number
}

const MB = 1024 * 1024
export const evidenceLimits: EvidenceLimits = { maxFileBytes: 10 * MB, maxFiles: 10, maxCaseBytes: 30 * MB }

export const allowedEvidenceTypes = { zh: 'PDF、JPEG、PNG、OFD', en: 'PDF, JPEG, PNG, OFD' } as const

export interface EvidenceFile {
  name: string
  bytes: Buffer
}

const megabytes = (n: number) => `${Math.round((n / MB) * 10) / 10} MB`

export function checkEvidence(file: EvidenceFile, limits: EvidenceLimits = evidenceLimits): { mediaType: string; sha256: string } {
  if (file.bytes.length === 0) {
    throw new AppError('EVIDENCE_EMPTY', `证明材料“${file.name}”是空文件`, `Evidence file "${file.name}" is empty`, { details: { file: file.name } })
  }
  if (file.bytes.length > limits.maxFileBytes) {
    throw new AppError('EVIDENCE_FILE_TOO_LARGE', `证明材料“${file.name}”超过单个文件 ${megabytes(limits.maxFileBytes)} 的上限`, `Evidence file "${file.name}" exceeds the ${megabytes(limits.maxFileBytes)} limit per file`, { kind: 'too_large', details: { file: file.name, size: file.bytes.length, limit: limits.maxFileBytes } })
  }
  const mediaType = sniffMediaType(file.bytes)
  if (!mediaType) {
    throw new AppError('EVIDENCE_TYPE_NOT_ALLOWED', `证明材料“${file.name}”的文件类型不被接受，只接受 ${allowedEvidenceTypes.zh}`, `Evidence file "${file.name}" is not an accepted type; only ${allowedEvidenceTypes.en} are accepted`, { details: { file: file.name } })
  }
  return { mediaType, sha256: createHash('sha256').update(file.bytes).digest('hex') }
}

/** Checks every file and the case's totals (with what the case already holds). */
export function checkEvidenceSet(files: readonly EvidenceFile[], already: { files: number; bytes: number } = { files: 0, bytes: 0 }, limits: EvidenceLimits = evidenceLimits): { mediaType: string; sha256: string }[] {
  if (already.files + files.length > limits.maxFiles) {
    throw new AppError('EVIDENCE_TOO_MANY_FILES', `每件最多 ${limits.maxFiles} 个证明材料文件`, `At most ${limits.maxFiles} evidence files per case`, { kind: 'too_large', details: { files: already.files + files.length, limit: limits.maxFiles } })
  }
  const checked = files.map((f) => checkEvidence(f, limits))
  const total = already.bytes + files.reduce((sum, f) => sum + f.bytes.length, 0)
  if (total > limits.maxCaseBytes) {
    throw new AppError('EVIDENCE_CASE_TOO_LARGE', `证明材料合计超过每件 ${megabytes(limits.maxCaseBytes)} 的上限`, `Evidence files together exceed the ${megabytes(limits.maxCaseBytes)} limit per case`, { kind: 'too_large', details: { bytes: total, limit: limits.maxCaseBytes } })
  }
  return checked
}
