/**
 * Use cases for 信用主体: register a subject with all its identifiers, find it by any code, and show
 * its basic record to whoever asks — natural persons never to the public, personal numbers masked,
 * and every staff read of a person's record written to the query log.
 */
import type { Database } from '../db/create-database.ts'
import type { Clock } from '../clock.ts'
import { AppError, conflict, notFound } from '../errors.ts'
import type { AuditTrail } from '../security/audit-trail.ts'
import type { PersonalDataCipher } from '../security/personal-data.ts'
import { authorize } from '../security/policy.ts'
import type { Actor } from '../security/actor.ts'
import { logRead } from '../security/query-log.ts'
import { findDivision, identify, maskResidentId } from '../identifiers/index.ts'
import { subjectRepository, type StoredIdentifier } from './subject.repository.ts'
import { maskOtherId } from './mask.ts'
import { subjectLookupKeys } from './subject-code.ts'
import { personalSchemes, type IdentifierScheme, type NewSubject, type Subject, type SubjectBasicRecord } from './subject.ts'
import type { SubjectKind } from './subject-kind.ts'

const expectedKind: Record<IdentifierScheme, 'uscc' | 'org_code' | 'registration_number' | 'resident_id' | undefined> = {
  uscc: 'uscc',
  org_code: 'org_code',
  registration_number: 'registration_number',
  resident_id: 'resident_id',
  tax_number: undefined,
  other_id: undefined,
}

export function createSubjectService(deps: { database: Database; clock: Clock; audit: AuditTrail; cipher: PersonalDataCipher }) {
  const { database, clock, audit, cipher } = deps
  const repo = subjectRepository(database.db)

  const subjectNotFound = (code: string) => notFound('SUBJECT_NOT_FOUND', `未找到信用主体 ${code}`, `No credit subject found for ${code}`)

  /** Validates and normalises one identifier; personal ones come back hashed, encrypted and masked. */
  function storedIdentifier(scheme: IdentifierScheme, raw: string): StoredIdentifier {
    const kind = expectedKind[scheme]
    if (scheme === 'other_id') {
      // `<证件类型 code>:<number>` for passports and permits, which have no checksum.
      const value = raw.trim().toUpperCase()
      if (!/^0[2-9]:[0-9A-Z]{5,30}$/.test(value)) throw new AppError('IDENTIFIER_OTHER_ID', '其他证件应写作 证件类型代码:证件号码，如 02:E12345678', 'Other identity documents are written TYPE:NUMBER, e.g. 02:E12345678', { details: { field: scheme } })
      return { scheme, valueHash: cipher.lookupHash(value), ciphertext: cipher.encrypt(value), masked: maskOtherId(value) }
    }
    if (!kind) {
      const value = raw.trim().toUpperCase()
      if (!/^[0-9A-Z]{15,20}$/.test(value)) throw new AppError('IDENTIFIER_TAX_NUMBER', '纳税人识别号应为 15–20 位数字或字母', 'A taxpayer number is 15–20 digits or letters', { details: { field: scheme, value: raw } })
      return { scheme, value }
    }
    const result = identify(raw, { expect: kind })
    if (!result.valid || result.kind !== kind) {
      throw new AppError(result.error?.code ?? 'IDENTIFIER_INVALID', result.error?.zh ?? `${scheme} 无效`, result.error?.en ?? `Invalid ${scheme}`, { details: { field: scheme, value: personalSchemes.has(scheme) ? maskResidentId(result.normalized) : raw } })
    }
    const upgraded = result.details?.['upgraded']
    const value = typeof upgraded === 'string' ? upgraded : result.normalized
    if (!personalSchemes.has(scheme)) return { scheme, value }
    return { scheme, valueHash: cipher.lookupHash(value), ciphertext: cipher.encrypt(value), masked: maskResidentId(value) }
  }

  async function resolveId(code: string): Promise<number | undefined> {
    for (const key of subjectLookupKeys(code)) {
      const id =
        key.by === 'id'
          ? (await repo.findById(key.id))?.id
          : key.by === 'value'
            ? await repo.findIdByValue(key.scheme, key.value)
            : await repo.findIdByHash(key.scheme, cipher.lookupHash(key.value))
      if (id !== undefined) return id
    }
    return undefined
  }

  const service = {
    /** The subject id for a code, or undefined; throws SUBJECT_CODE_INVALID for a malformed code. */
    resolveId,

    async register(actor: Actor, input: NewSubject): Promise<Subject> {
      authorize(actor, 'submit_records')
      const name = input.name.trim()
      if (!name || name.length > 200) throw new AppError('SUBJECT_NAME_INVALID', '主体名称不能为空，且不超过 200 字', 'A subject name must be 1–200 characters', { details: { field: 'name' } })
      const identifiers = input.identifiers.map((i) => storedIdentifier(i.scheme, i.value))
      const uscc = identifiers.find((i): i is { scheme: IdentifierScheme; value: string } => i.scheme === 'uscc' && 'value' in i)
      let kind: SubjectKind = input.kind
      if (uscc) {
        // The organisation code sits inside the USCC (positions 9–17); keep it as its own key.
        if (!identifiers.some((i) => i.scheme === 'org_code')) identifiers.push({ scheme: 'org_code', value: uscc.value.slice(8, 17) })
        const derived = identify(uscc.value).details?.['subjectKind']
        if (typeof derived === 'string' && input.kind !== 'natural_person') kind = derived as SubjectKind
      }
      if (kind === 'natural_person' && !identifiers.some((i) => i.scheme === 'resident_id')) {
        throw new AppError('SUBJECT_PERSON_ID_REQUIRED', '自然人须提供居民身份证号码', 'A natural person needs a resident identity number', { details: { field: 'resident_id' } })
      }
      if (kind !== 'natural_person' && !uscc) {
        throw new AppError('SUBJECT_USCC_REQUIRED', '法人和非法人组织须提供统一社会信用代码', 'An organisation needs a unified social credit code', { details: { field: 'uscc' } })
      }
      const at = clock.now().toISOString()
      const id = await database.db.transaction().execute(async (trx) => {
        const r = subjectRepository(trx)
        for (const i of identifiers) {
          const existing = 'value' in i ? await r.findIdByValue(i.scheme, i.value) : await r.findIdByHash(i.scheme, i.valueHash)
          if (existing !== undefined) {
            throw conflict('SUBJECT_EXISTS', `该${i.scheme === 'resident_id' ? '身份证号码' : '代码'}已登记为信用主体 ${existing}`, `A subject with this ${i.scheme} already exists (${existing})`, { field: i.scheme, subjectId: existing })
          }
        }
        const id = await r.insert({
          kind,
          name,
          division: input.division ?? null,
          status: input.status ?? 'active',
          legalRepresentative: input.legalRepresentative ?? null,
          establishedOn: input.establishedOn ?? null,
          identifiers,
          formerNames: (input.formerNames ?? []).map((n) => ({ name: n.name, validFrom: n.validFrom ?? null, validTo: n.validTo ?? null })),
          at,
        })
        await audit.append(trx, {
          actor,
          action: 'subject.register',
          entityType: 'subject',
          entityId: id,
          detail: { kind, name, identifiers: identifiers.map((i) => ({ scheme: i.scheme, value: 'value' in i ? i.value : i.masked })) },
        })
        return id
      })
      return (await repo.findById(id))!
    },

    /** The basic record of a subject as the actor may see it. */
    async basicRecord(actor: Actor, code: string, options: { purpose?: string; channel?: 'api' | 'web' | 'cli' } = {}): Promise<SubjectBasicRecord> {
      const id = await resolveId(code)
      const subject = id === undefined ? undefined : await repo.findById(id)
      // Natural persons are not public subjects (河南条例 Art. 18; NDRC guidance on 信用中国): to the public they do not exist.
      if (!subject || (subject.kind === 'natural_person' && actor.type === 'public')) throw subjectNotFound(code)
      const [identifiers, names] = await Promise.all([repo.identifiersOf(subject.id), repo.namesOf(subject.id)])
      if (subject.kind === 'natural_person') {
        await logRead(database.db, clock, { actor, subjectId: subject.id, purpose: options.purpose ?? '查看主体基本信息 basic record', channel: options.channel ?? 'api' })
      }
      return {
        ...subject,
        identifiers,
        formerNames: names.filter((n) => n.source !== 'registry'),
        divisionName: subject.division ? (findDivision(subject.division)?.name ?? null) : null,
      }
    },

    count: () => repo.count(),
    sample: (limit: number) => repo.listRecent(limit),
  }
  return service
}

export type SubjectService = ReturnType<typeof createSubjectService>
