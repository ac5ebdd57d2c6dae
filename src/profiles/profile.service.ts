/**
 * The query platform's use cases: a subject's credit file for whoever asks, the subject's own view,
 * a department's bulk lookup, and the query log a subject is shown. What is shown is decided record
 * by record by the pure rules in visibility.ts; every read of non-public data is written to the
 * query log before the answer leaves (a read that cannot be logged fails).
 */
import type { Database } from '../db/create-database.ts'
import { chinaDate, type Clock } from '../clock.ts'
import { AppError, notFound } from '../errors.ts'
import type { Actor } from '../security/actor.ts'
import { authorize } from '../security/policy.ts'
import type { PersonalDataCipher } from '../security/personal-data.ts'
import { logRead, subjectQueryLog, type QueryChannel, type QueryLogView } from '../security/query-log.ts'
import type { CatalogService } from '../catalog/catalog.service.ts'
import type { SubjectService } from '../subjects/subject.service.ts'
import { subjectRepository } from '../subjects/subject.repository.ts'
import type { DepartmentService } from '../departments/department.service.ts'
import type { AuthorisationService } from '../authorisations/authorisation.service.ts'
import { findDivision } from '../identifiers/index.ts'
import { profileRepository, type RecordFactsRow, type VersionRow } from './profile.repository.ts'
import { createItemRulesCache } from './item-rules-cache.ts'
import { askerFor, actorDepartmentId } from './asker.ts'
import { recordDisclosure, recordVisibility, subjectVisibility, type Asker, type RecordFacts, type Visibility } from './visibility.ts'
import { assessPublicity, type PublicityAssessment } from '../publicity/assess-publicity.ts'
import { createPublicityRules } from '../publicity/publicity-rules.ts'
import { configGeneration, generationRead } from '../db/config-generation.ts'
import { publicityRepository } from '../publicity/publicity.repository.ts'
import { publicityRecordOf } from '../publicity/publicity-record.ts'
import { decisionsByRecord, decisionsOfSubject } from '../publicity/record-decisions.ts'
import { readAlone, readTogether, type Read } from '../db/read-together.ts'
import { groupLabels, groupOrder } from './profile-groups.ts'
import { revealFields } from './reveal.ts'
import { createBulkLookup } from './bulk-lookup.ts'
import type { DisplayGroup } from '../catalog/catalog.ts'
import type { Profile, ProfileGroup, ProfileRecord, Provenance } from './profile.ts'

/**
 * A subject whose identity a verification channel has established: a citizen's real-name sign-in
 * (实名认证), a firm's electronic business licence. No such channel exists yet, so nothing in the
 * HTTP API makes one; whoever adds it constructs this only after verifying, never from a claim.
 */
export interface VerifiedSubject {
  subjectId: number
  /** The channel that verified it, for the record (e.g. 'henan-gov-app'). */
  verifiedBy: string
}

/** An objection that could not be verified, recorded beside its record (征信业管理条例 Art. 25). */
export interface ObjectionNoteView {
  receiptNumber: string
  grounds: string
  outcomeNote: string
  decidedOn: string
}

/**
 * What the objections feature says about a subject's records: those under objection (the 异议处理中
 * mark) and the unverifiable objections recorded beside them. By subject, so that it is read in the
 * same round as the records themselves.
 */
export type ObjectionStanding = (subjectId: number) => Read<{ open: ReadonlySet<number>; notes: ReadonlyMap<number, ObjectionNoteView> }>

export interface ProfileOptions {
  purpose?: string
  /** The authorisation a bank's query rests on; found for the subject and bank when absent. */
  authorisationId?: number
  /** Only this group's records (the others still give their counts). */
  group?: DisplayGroup
  /** Records per group (default 10). */
  limit?: number
  /** Skip this many records of the group (with `group`). */
  offset?: number
  channel?: QueryChannel
}

/** Records per group on the first page, as 信用中国's tabs show them. */
const DEFAULT_PAGE = 10
const statuses = new Set(['in_force', 'revoked', 'archived'])

export function createProfileService(deps: {
  database: Database
  clock: Clock
  cipher: PersonalDataCipher
  catalog: CatalogService
  subjects: SubjectService
  departments: DepartmentService
  authorisations: AuthorisationService
  objections: ObjectionStanding
}) {
  const { database, clock, cipher, subjects, departments, authorisations } = deps
  const repo = profileRepository(database)
  const subjectRepo = subjectRepository(database.db)
  // A profile reads the generation with its other reads and hands it to both caches; a bulk lookup reads it here.
  const generation = configGeneration(database.db)
  const { currentRules, lastRules } = createItemRulesCache({ catalog: deps.catalog, generation })
  // Publicity follows the rules engine: rule sets compiled once per (set, catalog) version.
  const publicityRules = createPublicityRules({ repo: publicityRepository(database.db), generation })
  const instant = () => ({ today: chinaDate(clock), now: clock.now().toISOString() })
  const subjectNotFound = (code: string) => notFound('SUBJECT_NOT_FOUND', `未找到信用主体 ${code}`, `No credit subject found for ${code}`)

  async function departmentOf(actor: Actor) {
    const id = actorDepartmentId(actor)
    return id === null ? null : ((await departments.findById(id)) ?? null)
  }

  interface Evaluated {
    fact: RecordFactsRow
    facts: RecordFacts
    publicity: PublicityAssessment
    visibility: Visibility
    group: DisplayGroup
  }

  /** Builds the file of one subject for one asker; logs it when it holds anything non-public. */
  async function view(asker: Asker, subjectId: number, code: string, options: ProfileOptions, log: { actor: Actor; purpose: string; authorisationId: number | null } | null): Promise<Profile> {
    const at = instant()
    // One round of reads (one statement on PostgreSQL, read-together.ts): the configuration generation,
    // the subject, and its records' facts — read with the catalog rules last seen, and read again in
    // the rare case the catalog has just changed.
    const seen = lastRules()
    const subjectReads = {
      generation: generationRead(database.db),
      decisions: decisionsOfSubject(database.db, subjectId),
      subject: subjectRepo.byId(subjectId),
      identifiers: subjectRepo.identifiers(subjectId),
      names: subjectRepo.names(subjectId),
      objections: deps.objections(subjectId),
    }
    const early = seen ? repo.records(subjectId, seen.removalKeys) : undefined
    const read = await readTogether(database, early ? { ...subjectReads, records: early } : subjectReads)
    const [rules, ruleSets] = await Promise.all([currentRules(read.generation), publicityRules.sets(read.generation)])
    const { decisions, subject, identifiers, names, objections } = read
    const earlyFacts = (read as { records?: RecordFactsRow[] }).records
    const facts = earlyFacts && rules === seen ? earlyFacts : await readAlone(database, repo.records(subjectId, rules.removalKeys))
    if (!subject) throw subjectNotFound(code)
    const naturalPerson = subject.kind === 'natural_person'

    const publicityRulesToday = publicityRules.compiled(ruleSets, at.today, { key: rules, definitions: rules.definitions })
    const decisionsOf = decisionsByRecord(decisions)
    const evaluated: Evaluated[] = []
    for (const fact of facts) {
      const item = rules.rulesOf(fact.category)
      // An unknown stored status is treated as withdrawn: shown only to the privileged.
      const status = (statuses.has(fact.status) ? fact.status : 'archived') as RecordFacts['status']
      const publicity = assessPublicity(publicityRulesToday.ruleOf(fact.category), publicityRecordOf({ ...fact, status, payload: fact.current.payload }, fact.current.departmentCode, decisionsOf.get(fact.id)), at, { explain: false })
      const recordFacts: RecordFacts = {
        category: fact.category,
        sharingLevel: item.sharingLevel,
        ...(item.naturalPersonSharingLevel ? { naturalPersonSharingLevel: item.naturalPersonSharingLevel } : {}),
        aboutNaturalPerson: naturalPerson,
        status,
        underObjection: objections.open.has(fact.id),
        providerDepartmentId: fact.departmentId,
        publicity: { shown: publicity.shown, withdrawn: publicity.withdrawn },
      }
      const visibility = recordVisibility(asker, recordFacts, at)
      if (visibility.visible) evaluated.push({ fact, facts: recordFacts, publicity, visibility, group: item.group })
    }
    const shownSubject = subjectVisibility(asker, { naturalPerson, anyRecordVisible: evaluated.length > 0 }, at)
    // A person the asker may not see does not exist for it: the same answer as an unknown code.
    if (!shownSubject.visible) throw subjectNotFound(code)

    const limit = Math.max(0, Math.min(options.limit ?? DEFAULT_PAGE, 200))
    const newestFirst = (a: Evaluated, b: Evaluated) => {
      const da = a.fact.decisionDate ?? a.fact.publicationDate ?? a.fact.validFrom ?? ''
      const db = b.fact.decisionDate ?? b.fact.publicationDate ?? b.fact.validFrom ?? ''
      return da < db ? 1 : da > db ? -1 : b.fact.id - a.fact.id
    }
    const byGroup = new Map<DisplayGroup, Evaluated[]>(groupOrder.map((g) => [g, []]))
    for (const e of evaluated) byGroup.get(e.group)!.push(e)
    const pages = new Map<DisplayGroup, Evaluated[]>()
    for (const [g, list] of byGroup) {
      list.sort(newestFirst)
      if (options.group && options.group !== g) pages.set(g, [])
      else pages.set(g, list.slice(options.group ? (options.offset ?? 0) : 0).slice(0, limit))
    }
    const shown = [...pages.values()].flat()
    const withHistory = shown.filter((e) => recordDisclosure(asker, e.facts).history)
    const earlier = withHistory.length ? await repo.earlierVersions(withHistory.map((e) => ({ id: e.fact.id, currentVersion: e.fact.currentVersion }))) : []
    const earlierById = new Map<number, VersionRow[]>()
    for (const v of earlier) {
      const list = earlierById.get(v.recordId)
      if (list) list.push(v)
      else earlierById.set(v.recordId, [v])
    }

    const masked = asker.kind !== 'subject' && asker.kind !== 'platform_office'
    const toRecord = (e: Evaluated): ProfileRecord => {
      const v = e.fact.current
      const item = rules.rulesOf(e.fact.category)
      const disclosure = recordDisclosure(asker, e.facts)
      const record: ProfileRecord = {
        id: e.fact.id,
        category: e.fact.category,
        categoryName: item.name,
        categoryNameEn: item.nameEn,
        status: e.facts.status,
        version: v.version,
        visibleAs: e.visibility.reason,
        underObjection: e.visibility.objectionMark,
        objectionNote: objections.notes.get(e.fact.id) ?? null,
        dates: { decision: e.fact.decisionDate, publication: e.fact.publicationDate, validFrom: e.fact.validFrom, validTo: e.fact.validTo, publicityStart: e.publicity.start, publicityEnd: e.publicity.end },
        publicityState: e.publicity.state,
        publicNow: recordVisibility({ kind: 'public' }, e.facts, at).visible,
        fields: revealFields(v.payload, e.visibility.masked, cipher),
        provenance: provenanceOf(v, disclosure.fullProvenance),
      }
      if (disclosure.history) {
        record.history = (earlierById.get(e.fact.id) ?? []).map((h) => ({ version: h.version, status: h.status, fields: revealFields(h.payload, e.visibility.masked, cipher), provenance: provenanceOf(h, disclosure.fullProvenance) }))
      }
      return record
    }
    const groups: ProfileGroup[] = groupOrder.map((g) => ({
      group: g,
      label: groupLabels[g].zh,
      labelEn: groupLabels[g].en,
      count: byGroup.get(g)!.length,
      records: pages.get(g)!.map(toRecord),
    }))

    const logged = log !== null && (shownSubject.logged || evaluated.some((e) => e.visibility.logged))
    if (logged) {
      const recordIds = shown.filter((e) => e.visibility.logged).map((e) => e.fact.id)
      await logRead(database.db, clock, { actor: log.actor, subjectId, recordIds, purpose: log.purpose, authorisationId: log.authorisationId, channel: options.channel ?? 'api' })
    }

    if (!masked && identifiers.some((i) => i.masked)) {
      for (const i of identifiers) {
        if (!i.masked) continue
        const sealed = await subjectRepo.ciphertextOf(subjectId, i.scheme)
        if (sealed) {
          try {
            i.value = cipher.decrypt(sealed)
            i.masked = false
          } catch {
            // Sealed under another key: stays masked.
          }
        }
      }
    }
    return {
      subject: { ...subject, identifiers, formerNames: names.filter((n) => n.source !== 'registry'), divisionName: subject.division ? (findDivision(subject.division)?.name ?? null) : null },
      asOf: at.now,
      view: { asker: asker.kind, masked, authorisationId: log?.authorisationId ?? null, logged },
      total: evaluated.length,
      groups,
    }
  }

  async function resolve(code: string): Promise<number> {
    const id = await subjects.resolveId(code)
    if (id === undefined) throw subjectNotFound(code)
    return id
  }

  const bulk = createBulkLookup({ database, clock, cipher, currentRules, repo })

  return {
    /** `GET /subjects/{code}/profile`: the credit file as this actor may see it. */
    async profile(actor: Actor, code: string, options: ProfileOptions = {}): Promise<Profile> {
      const [department, subjectId] = await Promise.all([departmentOf(actor), resolve(code)])
      const base = askerFor(actor, department)
      const purpose = options.purpose?.trim()
      if (base.kind === 'authorised' && !purpose) {
        throw new AppError('PROFILE_PURPOSE_REQUIRED', '授权查询须写明查询用途', 'An authorised query must state its purpose', { details: { field: 'purpose' } })
      }
      let asker = base
      let authorisationId: number | null = null
      if (base.kind === 'authorised') {
        const found = await authorisations.forQuery(subjectId, base.departmentId, options.authorisationId)
        authorisationId = found?.id ?? null
        asker = { ...base, authorisation: found ? { scope: found.scope, grantedOn: found.grantedOn, expiresAt: found.expiresAt, revokedAt: found.revokedAt } : null }
      }
      const defaultPurpose = asker.kind === 'platform_office' ? '信用办查询 platform office query' : '政务共享查询 government sharing query'
      return view(asker, subjectId, code, options, { actor, purpose: purpose || defaultPurpose, authorisationId })
    },

    /** The subject's own full file: everything held about it, unmasked, every version; not logged. */
    async ownProfile(self: VerifiedSubject, options: Omit<ProfileOptions, 'purpose' | 'authorisationId'> = {}): Promise<Profile> {
      return view({ kind: 'subject' }, self.subjectId, String(self.subjectId), options, null)
    },

    /** `POST /subjects/lookup`: a summary per code for a department's bulk check. */
    async lookup(actor: Actor, codes: readonly string[], options: { purpose: string; channel?: QueryChannel }) {
      authorize(actor, 'read_shared_records')
      const asker = askerFor(actor, await departmentOf(actor))
      return bulk(actor, asker, codes, options)
    },

    /** Who read a subject's non-public data: for the platform office and auditors (and the subject at a service window). */
    async queryLog(actor: Actor, code: string, page: { limit: number; beforeId?: number; purpose?: string; channel?: QueryChannel }): Promise<QueryLogView[]> {
      authorize(actor, 'read_query_log')
      const subjectId = await resolve(code)
      const subject = await subjectRepo.findById(subjectId)
      // Whom a person's data was shown to is itself personal data about that person.
      if (subject?.kind === 'natural_person') await logRead(database.db, clock, { actor, subjectId, purpose: page.purpose?.trim() || '查询记录核查 query-log review', channel: page.channel ?? 'api' })
      return subjectQueryLog(database.db, subjectId, { limit: page.limit, ...(page.beforeId ? { beforeId: page.beforeId } : {}) })
    },

    /** "Who looked at my records": the reading departments, when, why, under which authorisation. */
    async ownQueryLog(self: VerifiedSubject, page: { limit: number; beforeId?: number }): Promise<Array<Omit<QueryLogView, 'actorId'>>> {
      const entries = await subjectQueryLog(database.db, self.subjectId, page)
      // The department answers for its staff; their account names stay inside government.
      return entries.map(({ actorId: _, ...entry }) => entry)
    },
  }
}

function provenanceOf(v: VersionRow, full: boolean): Provenance {
  const basic: Provenance = { department: { code: v.departmentCode, name: v.departmentName }, receivedAt: v.receivedAt, catalogVersion: v.catalogVersion }
  return full ? { ...basic, batchId: v.batchId, sourceRow: v.sourceRow, submittedBy: v.submittedBy, fileHash: v.fileHash } : basic
}

export type ProfileService = ReturnType<typeof createProfileService>
