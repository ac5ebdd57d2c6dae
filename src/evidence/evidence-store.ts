/** All SQL about evidence files. Content is read only when a file is fetched, never in lists. */
import type { Kysely } from 'kysely'
import type { Tables } from '../db/database.ts'

export interface StoredEvidence {
  id: number
  caseType: string
  caseId: number
  name: string
  mediaType: string
  size: number
  sha256: string
  uploadedBy: string
  uploadedAt: string
}

export interface EvidenceContent extends StoredEvidence {
  bytes: Buffer
}

export async function storeEvidence(
  trx: Kysely<Tables>,
  e: { caseType: string; caseId: number; name: string; bytes: Buffer; mediaType: string; sha256: string; uploadedBy: string; at: string },
): Promise<number> {
  const row = await trx
    .insertInto('evidence_files')
    .values({ case_type: e.caseType, case_id: e.caseId, name: e.name, media_type: e.mediaType, size: e.bytes.length, sha256: e.sha256, content: e.bytes, uploaded_by: e.uploadedBy, uploaded_at: e.at })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(row.id)
}

const listed = ['id', 'case_type', 'case_id', 'name', 'media_type', 'size', 'sha256', 'uploaded_by', 'uploaded_at'] as const

type ListedRow = { id: number; case_type: string; case_id: number; name: string; media_type: string; size: number; sha256: string; uploaded_by: string; uploaded_at: string }

const toEvidence = (r: ListedRow): StoredEvidence => ({
  id: Number(r.id),
  caseType: r.case_type,
  caseId: Number(r.case_id),
  name: r.name,
  mediaType: r.media_type,
  size: Number(r.size),
  sha256: r.sha256,
  uploadedBy: r.uploaded_by,
  uploadedAt: r.uploaded_at,
})

export async function listEvidence(db: Kysely<Tables>, caseType: string, caseId: number): Promise<StoredEvidence[]> {
  const rows = await db.selectFrom('evidence_files').select(listed).where('case_type', '=', caseType).where('case_id', '=', caseId).orderBy('id').execute()
  return rows.map(toEvidence)
}

export async function readEvidence(db: Kysely<Tables>, id: number): Promise<EvidenceContent | undefined> {
  const row = await db.selectFrom('evidence_files').select([...listed, 'content']).where('id', '=', id).executeTakeFirst()
  return row && { ...toEvidence(row), bytes: Buffer.from(row.content) }
}
