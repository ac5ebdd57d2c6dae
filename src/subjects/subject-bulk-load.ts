/**
 * Loads subjects in bulk (demo seeding, benchmarks, first migration of a city's registry). The
 * identifiers must already be valid; personal numbers are encrypted, hashed and masked here as
 * everywhere else. Existing subjects are not touched: callers load only new ones.
 */
import type { Database } from '../db/create-database.ts'
import { bulkLoad, nextIds, type BulkChunk, type BulkTable } from '../db/bulk-load.ts'
import type { Clock } from '../clock.ts'
import type { PersonalDataCipher } from '../security/personal-data.ts'
import { maskResidentId } from '../identifiers/index.ts'
import type { SubjectKind } from './subject-kind.ts'
import type { SubjectStatus } from './subject.ts'

export interface BulkSubject {
  kind: SubjectKind
  name: string
  division: string | null
  status: SubjectStatus
  legalRepresentative?: string | null
  establishedOn?: string | null
  uscc?: string
  registrationNumber?: string
  residentId?: string
  formerNames?: Array<{ name: string; validFrom: string; validTo: string }>
}

const tables: BulkTable[] = [
  { name: 'subjects', columns: ['id', 'kind', 'name', 'division', 'status', 'legal_representative', 'established_on', 'created_at', 'updated_at'] },
  { name: 'subject_identifiers', columns: ['id', 'subject_id', 'scheme', 'value', 'value_hash', 'ciphertext', 'masked', 'created_at'] },
  { name: 'subject_names', columns: ['id', 'subject_id', 'name', 'valid_from', 'valid_to', 'source', 'batch_id', 'created_at'] },
]

/** Before 三证合一 (2015-10-01) a firm had a separate tax registration number: region + organisation code. */
const TAX_NUMBER_ENDS = '2015-10-01'

export async function bulkLoadSubjects(
  deps: { database: Database; clock: Clock; cipher: PersonalDataCipher },
  subjects: Iterable<BulkSubject> | AsyncIterable<BulkSubject>,
  options: { chunkSize?: number } = {},
): Promise<{ subjects: number; rows: number }> {
  const { database, clock, cipher } = deps
  const chunkSize = options.chunkSize ?? 20_000
  let [subjectId, identifierId, nameId] = (await nextIds(database, tables)) as [number, number, number]
  const at = clock.now().toISOString()
  let count = 0

  async function* chunks(): AsyncGenerator<BulkChunk> {
    let s: BulkChunk[0] = []
    let ids: BulkChunk[0] = []
    let names: BulkChunk[0] = []
    for await (const subject of subjects) {
      const id = subjectId++
      count++
      s.push([id, subject.kind, subject.name, subject.division, subject.status, subject.legalRepresentative ?? null, subject.establishedOn ?? null, at, at])
      if (subject.uscc) {
        ids.push([identifierId++, id, 'uscc', subject.uscc, null, null, null, at])
        ids.push([identifierId++, id, 'org_code', subject.uscc.slice(8, 17), null, null, null, at])
        if (subject.establishedOn && subject.establishedOn < TAX_NUMBER_ENDS) ids.push([identifierId++, id, 'tax_number', subject.uscc.slice(2, 17), null, null, null, at])
      }
      if (subject.registrationNumber) ids.push([identifierId++, id, 'registration_number', subject.registrationNumber, null, null, null, at])
      if (subject.residentId) {
        ids.push([identifierId++, id, 'resident_id', null, cipher.lookupHash(subject.residentId), cipher.encrypt(subject.residentId), maskResidentId(subject.residentId), at])
      }
      for (const n of subject.formerNames ?? []) names.push([nameId++, id, n.name, n.validFrom, n.validTo, 'former', null, at])
      if (s.length >= chunkSize) {
        yield [s, ids, names]
        s = []
        ids = []
        names = []
      }
    }
    if (s.length) yield [s, ids, names]
  }

  const rows = await bulkLoad(database, tables, chunks())
  return { subjects: count, rows }
}
