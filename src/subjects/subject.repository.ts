/** All SQL about subjects, their identifiers and names. */
import type { Kysely } from 'kysely'
import type { SubjectRow, Tables } from '../db/database.ts'
import { preparedQuery } from '../db/prepared-query.ts'
import { readAlone, type Read } from '../db/read-together.ts'
import type { SubjectKind } from './subject-kind.ts'
import type { IdentifierScheme, Subject, SubjectIdentifierView, SubjectName, SubjectStatus } from './subject.ts'

export const subjectRowToSubject = (r: SubjectRow): Subject => ({
  id: r.id,
  kind: r.kind as SubjectKind,
  name: r.name,
  division: r.division,
  status: r.status as SubjectStatus,
  legalRepresentative: r.legal_representative,
  establishedOn: r.established_on,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

/** An identifier ready to store: a plain value, or (personal) a keyed hash, ciphertext and mask. */
export type StoredIdentifier =
  | { scheme: IdentifierScheme; value: string }
  | { scheme: IdentifierScheme; valueHash: string; ciphertext: string; masked: string }

// Every profile and check runs these: built and compiled once.
const subjectById = preparedQuery((db, id: number) => db.selectFrom('subjects').selectAll().where('id', '=', id))
const subjectIdByValue = preparedQuery((db, scheme: string, value: string) => db.selectFrom('subject_identifiers').select('subject_id').where('value', '=', value).where('scheme', '=', scheme))
const identifiersOfSubject = preparedQuery((db, subjectId: number) => db.selectFrom('subject_identifiers').select(['scheme', 'value', 'masked']).where('subject_id', '=', subjectId).orderBy('id'))
const namesOfSubject = preparedQuery((db, subjectId: number) => db.selectFrom('subject_names').selectAll().where('subject_id', '=', subjectId).orderBy('valid_from').orderBy('id'))

export function subjectRepository(db: Kysely<Tables>) {
  // A profile's reads, to send with others (read-together.ts) or alone.
  const byId = (id: number): Read<Subject | undefined> => ({ query: subjectById.bind(db, id), map: (rows: SubjectRow[]) => rows[0] && subjectRowToSubject(rows[0]) })
  const identifiers = (subjectId: number): Read<SubjectIdentifierView[]> => ({
    query: identifiersOfSubject.bind(db, subjectId),
    map: (rows: Array<{ scheme: string; value: string | null; masked: string | null }>) => rows.map((r) => ({ scheme: r.scheme as IdentifierScheme, value: (r.value ?? r.masked)!, masked: r.value === null })),
  })
  const names = (subjectId: number): Read<SubjectName[]> => ({
    query: namesOfSubject.bind(db, subjectId),
    map: (rows: Array<{ name: string; valid_from: string | null; valid_to: string | null; source: string }>) => rows.map((r) => ({ name: r.name, validFrom: r.valid_from, validTo: r.valid_to, source: r.source as SubjectName['source'] })),
  })
  return {
    byId,
    identifiers,
    names,

    findById: (id: number): Promise<Subject | undefined> => readAlone({ db }, byId(id)),

    async findIdByValue(scheme: IdentifierScheme, value: string): Promise<number | undefined> {
      const [row] = await subjectIdByValue(db, scheme, value)
      return row?.subject_id
    },

    async findIdByHash(scheme: IdentifierScheme, valueHash: string): Promise<number | undefined> {
      const row = await db.selectFrom('subject_identifiers').select('subject_id').where('value_hash', '=', valueHash).where('scheme', '=', scheme).executeTakeFirst()
      return row?.subject_id
    },

    identifiersOf: (subjectId: number): Promise<SubjectIdentifierView[]> => readAlone({ db }, identifiers(subjectId)),

    async ciphertextOf(subjectId: number, scheme: IdentifierScheme): Promise<string | undefined> {
      const row = await db.selectFrom('subject_identifiers').select('ciphertext').where('subject_id', '=', subjectId).where('scheme', '=', scheme).executeTakeFirst()
      return row?.ciphertext ?? undefined
    },

    namesOf: (subjectId: number): Promise<SubjectName[]> => readAlone({ db }, names(subjectId)),

    async insert(subject: {
      kind: SubjectKind
      name: string
      division: string | null
      status: SubjectStatus
      legalRepresentative: string | null
      establishedOn: string | null
      identifiers: StoredIdentifier[]
      formerNames: Array<{ name: string; validFrom: string | null; validTo: string | null }>
      at: string
    }): Promise<number> {
      const { id } = await db
        .insertInto('subjects')
        .values({ kind: subject.kind, name: subject.name, division: subject.division, status: subject.status, legal_representative: subject.legalRepresentative, established_on: subject.establishedOn, created_at: subject.at, updated_at: subject.at })
        .returning('id')
        .executeTakeFirstOrThrow()
      if (subject.identifiers.length) {
        await db
          .insertInto('subject_identifiers')
          .values(
            subject.identifiers.map((i) =>
              'value' in i
                ? { subject_id: id, scheme: i.scheme, value: i.value, value_hash: null, ciphertext: null, masked: null, created_at: subject.at }
                : { subject_id: id, scheme: i.scheme, value: null, value_hash: i.valueHash, ciphertext: i.ciphertext, masked: i.masked, created_at: subject.at },
            ),
          )
          .execute()
      }
      if (subject.formerNames.length) {
        await db
          .insertInto('subject_names')
          .values(subject.formerNames.map((n) => ({ subject_id: id, name: n.name, valid_from: n.validFrom, valid_to: n.validTo, source: 'former', batch_id: null, created_at: subject.at })))
          .execute()
      }
      return id
    },

    async count(): Promise<number> {
      const row = await db.selectFrom('subjects').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
      return Number(row.n)
    },

    async listRecent(limit: number): Promise<Subject[]> {
      const rows = await db.selectFrom('subjects').selectAll().where('kind', '!=', 'natural_person').orderBy('id').limit(limit).execute()
      return rows.map(subjectRowToSubject)
    },
  }
}
