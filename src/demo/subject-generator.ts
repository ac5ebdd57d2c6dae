/**
 * Deterministic demo subjects: the same seed gives the same subject at the same index on every
 * machine, whatever count or startIndex asked for it.
 *
 * How it stays cheap and unique:
 * - Kinds come in blocks of 2,000 positions with a fixed mix (1,400 enterprises, 300 individual
 *   businesses, …), shuffled per block; so the mix is exact and each subject's ordinal within
 *   its kind is known without looking back.
 * - Each kind's ordinal goes through a seeded permutation into a key of that kind's name space
 *   (name-spaces.ts), which decodes into name parts without repeats. Identifiers are derived the
 *   same way (demo-identifiers.ts).
 * - Everything else (dates, status, the legal representative, the address) comes from a small
 *   PRNG seeded by (seed, index).
 */
import { makeRegistrationNumber, makeResidentId, makeUscc } from '../identifiers/index.ts'
import type { SubjectKind } from '../subjects/subject-kind.ts'
import { addressStart, homeAddress, organisationAddress } from './addresses.ts'
import {
  CHANGYUAN_CURRENT,
  CHANGYUAN_HISTORICAL,
  CHANGYUAN_RENAMED_ON,
  DEMO_CITY_DIVISION,
  demoDivision,
  type DemoDivision,
} from './city-divisions.ts'
import { dayNumber, DEMO_AS_OF_DAY, formatDay, parseDay, YearWeightedDates } from './dates.ts'
import { MAX_DEMO_SUBJECTS, OrgCodeBodies, RegistrationSequences, ResidentIdSpace } from './demo-identifiers.ts'
import { companyForms } from './firm-names.ts'
import { KeyedSpace } from './key-space.ts'
import {
  CooperativeNames,
  enterpriseName,
  EnterpriseNames,
  governmentBodyNames,
  InstitutionNames,
  PersonNames,
  ShopNames,
  SocialOrganisationNames,
  VillageCollectiveNames,
} from './name-spaces.ts'
import { chineseNumeral } from './organisation-names.ts'
import { femaleGivenNames, femaleSingleGiven, maleGivenNames, maleSingleGiven, surnames } from './person-names.ts'
import { hashSeed, Rng, seedToUint32, WeightedTable } from './prng.ts'
import { cooperativeSuffixes, villageCollectiveSuffixes } from './rural-names.ts'

export type DemoSubjectStatus = 'active' | 'deregistered' | 'revoked'

export interface DemoFormerName {
  name: string
  /** First day the name was used (YYYY-MM-DD). */
  validFrom: string
  /** Last day the name was used (YYYY-MM-DD); the next name starts the day after. */
  validTo: string
}

export interface DemoSubject {
  /** 0-based position, stable per seed. */
  index: number
  kind: SubjectKind
  /** Current name. */
  name: string
  /** Earlier names, oldest first (some enterprises only). */
  formerNames: DemoFormerName[]
  /** Organisations and individual businesses. */
  uscc?: string
  /** Legacy 15-digit 工商注册号 of some firms and shops registered before 2015-10-01. */
  registrationNumber?: string
  /** Natural persons only. */
  residentId?: string
  /** Legal representative of an organisation, or the operator of an individual business. */
  legalRepresentative?: string
  /** 6-digit GB/T 2260 code within 新乡 where the subject is (current code; never 410728). */
  division: string
  status: DemoSubjectStatus
  /** YYYY-MM-DD: established / registered (organisations). */
  establishedOn?: string
  address?: string
}

export interface GenerateSubjectsOptions {
  seed: number | string
  count: number
  /** Index of the first subject (default 0); subject i is the same whatever startIndex is. */
  startIndex?: number
}

/** The kind mix per block of DEMO_BLOCK_SIZE positions (sums to it). */
export const DEMO_BLOCK_SIZE = 2000
export const demoKindMix: Readonly<Partial<Record<SubjectKind, number>>> = Object.freeze({
  enterprise: 1400, // 70 %
  individual_business: 300, // 15 %
  farmer_cooperative: 60, // 3 %
  public_institution: 18, // 0.9 %
  social_organisation: 14, // 0.7 % (社会团体 3 : 民办非企业单位 4)
  government_body: 1, // 0.05 %
  rural_collective: 7, // 0.35 %
  natural_person: 200, // 10 %
})

const mixKinds = Object.keys(demoKindMix) as SubjectKind[]
const mixCounts = mixKinds.map((k) => demoKindMix[k] as number)
if (mixCounts.reduce((a, b) => a + b, 0) !== DEMO_BLOCK_SIZE) throw new Error('demoKindMix must sum to DEMO_BLOCK_SIZE')

const RENAMED_DAY = parseDay(CHANGYUAN_RENAMED_ON)
/** The USCC replaced registration numbers and organisation codes from this day. */
const USCC_DAY = parseDay('2015-10-01')
/** 农民专业合作社法 in force. */
const COOPERATIVE_LAW_DAY = parseDay('2007-07-01')

// Dates by kind: [from year, to year, weight per year].
const enterpriseDates = new YearWeightedDates([[1985, 1991, 1], [1992, 1999, 2], [2000, 2007, 4], [2008, 2013, 7], [2014, 2019, 11], [2020, 2025, 12]])
const shopDates = new YearWeightedDates([[1995, 2003, 2], [2004, 2012, 5], [2013, 2019, 9], [2020, 2025, 12]])
const cooperativeDates = new YearWeightedDates([[2007, 2009, 4], [2010, 2013, 9], [2014, 2018, 10], [2019, 2025, 5]])
const institutionDates = new YearWeightedDates([[1950, 1977, 1], [1978, 1999, 3], [2000, 2015, 3], [2016, 2025, 1]])
const governmentDates = new YearWeightedDates([[1949, 1955, 3], [1956, 1982, 1], [1983, 2000, 2], [2001, 2019, 1]])
const socialDates = new YearWeightedDates([[1988, 1999, 1], [2000, 2012, 3], [2013, 2025, 5]])
const collectiveDates = new YearWeightedDates([[2018, 2018, 3], [2019, 2020, 5], [2021, 2023, 2]])

const statusTables = {
  enterprise: table<DemoSubjectStatus>([['active', 88], ['deregistered', 9], ['revoked', 3]]),
  shop: table<DemoSubjectStatus>([['active', 85], ['deregistered', 12], ['revoked', 3]]),
  cooperative: table<DemoSubjectStatus>([['active', 84], ['deregistered', 10], ['revoked', 6]]),
  organisation: table<DemoSubjectStatus>([['active', 96], ['deregistered', 3], ['revoked', 1]]),
}

const formTable = table(companyForms)
const cooperativeSuffixTable = table(cooperativeSuffixes)
const collectiveSuffixTable = table(villageCollectiveSuffixes)
const surnameTable = table(surnames)

/** Where city-wide firms, city-level institutions and city social organisations sit. */
const urbanDivisions = table<string>([
  ['410702', 25], ['410703', 15], ['410711', 18], ['410704', 6], ['410771', 14], ['410772', 10], ['410773', 6], ['410721', 6],
])

function table<T>(entries: ReadonlyArray<readonly [T, number]>): WeightedTable<T> {
  return new WeightedTable(entries)
}

/**
 * The chance that a 长垣 subject registered before the rename, whose name does not say 长垣县,
 * still has 410728 in its USCC — chosen so that about a third of all pre-2019 长垣 USCCs do.
 */
function changyuanOldCodeChance(historicalWeight: number, currentWeight: number, dates: YearWeightedDates): number {
  const before = currentWeight * dates.shareBefore(RENAMED_DAY)
  return Math.min(1, Math.max(0, ((historicalWeight + before) / 3 - historicalWeight) / before))
}
const enterpriseChangyuanOld = changyuanOldCodeChance(1, 7, enterpriseDates)
const shopChangyuanOld = changyuanOldCodeChance(2, 9, shopDates)
const cooperativeChangyuanOld = changyuanOldCodeChance(2, 9, cooperativeDates)
const ORGANISATION_CHANGYUAN_OLD = 1 / 3

/** ~20 % of all enterprises carry a registration number; only those from before the USCC can. */
const enterpriseRegistrationChance = Math.min(1, 0.2 / enterpriseDates.shareBefore(USCC_DAY))
const shopRegistrationChance = 0.25
/** ~10 % of enterprises have a former name; it needs a year of history before the change. */
const FORMER_NAME_LAST_ESTABLISHED = DEMO_AS_OF_DAY - 2 * 365
const formerNameChance = Math.min(1, 0.1 / enterpriseDates.shareBefore(FORMER_NAME_LAST_ESTABLISHED))

/** Suffix that keeps names unique once a kind's name space is exhausted (round ≥ 1). */
const roundSuffix = (round: number): string => (round === 0 ? '' : `（${round + 1}）`)
const branchSuffix = (round: number): string =>
  round === 0 ? '' : `第${round + 1 < 100 ? chineseNumeral(round + 1) : String(round + 1)}分公司`

export interface DemoNameCapacity {
  kind: SubjectKind
  /** Names of this kind that are unique without a suffix. */
  names: number
  /** Subjects (all kinds) a set can hold before this kind needs suffixes. */
  subjects: number
}

/** Builds subjects by index for one seed. Reuse one factory for a run: construction precomputes. */
export class DemoSubjectFactory {
  readonly seed: number
  private readonly rng = new Rng()
  private readonly subjectSeed: number
  private readonly blockSeed: number

  private readonly enterpriseNames: EnterpriseNames
  private readonly shopNames: ShopNames
  private readonly cooperativeNames: CooperativeNames
  private readonly institutionNames: InstitutionNames
  private readonly socialNames: SocialOrganisationNames
  private readonly collectiveNames = new VillageCollectiveNames()
  private readonly personNames: PersonNames
  private readonly residentIds: ResidentIdSpace
  private readonly spaces: Partial<Record<SubjectKind, KeyedSpace>>
  private readonly residentIdKeys: KeyedSpace
  private readonly bodies: OrgCodeBodies
  private readonly registrationSequences: RegistrationSequences

  private cachedBlock = -1
  private readonly blockKinds = new Uint8Array(DEMO_BLOCK_SIZE)
  private readonly blockRanks = new Uint16Array(DEMO_BLOCK_SIZE)
  private readonly template: Uint8Array

  constructor(seed: number | string) {
    this.seed = seedToUint32(seed)
    const s = (stream: number) => hashSeed(this.seed, stream)
    this.subjectSeed = s(1)
    this.blockSeed = s(2)
    this.enterpriseNames = new EnterpriseNames(s(3))
    this.shopNames = new ShopNames(s(4))
    this.cooperativeNames = new CooperativeNames(s(5))
    this.institutionNames = new InstitutionNames(s(6))
    this.socialNames = new SocialOrganisationNames(s(7))
    this.personNames = new PersonNames(s(8))
    this.residentIds = new ResidentIdSpace(s(9))
    this.spaces = {
      enterprise: new KeyedSpace(this.enterpriseNames.size, s(20)),
      individual_business: new KeyedSpace(this.shopNames.size, s(21)),
      farmer_cooperative: new KeyedSpace(this.cooperativeNames.size, s(22)),
      public_institution: new KeyedSpace(this.institutionNames.size, s(23)),
      social_organisation: new KeyedSpace(this.socialNames.size, s(24)),
      government_body: new KeyedSpace(governmentBodyNames.length, s(25)),
      rural_collective: new KeyedSpace(this.collectiveNames.size, s(26)),
      natural_person: new KeyedSpace(this.personNames.size, s(27)),
    }
    this.residentIdKeys = new KeyedSpace(this.residentIds.size, s(28))
    this.bodies = new OrgCodeBodies(s(29))
    this.registrationSequences = new RegistrationSequences(s(30))
    this.template = new Uint8Array(DEMO_BLOCK_SIZE)
    let p = 0
    mixCounts.forEach((count, k) => {
      for (let i = 0; i < count; i++) this.template[p++] = k
    })
  }

  /** How far each kind's names stay unique without a suffix. */
  nameCapacity(): DemoNameCapacity[] {
    return mixKinds.map((kind, k) => {
      const names = (this.spaces[kind] as KeyedSpace).size
      return { kind, names, subjects: Math.floor((names / (mixCounts[k] as number)) * DEMO_BLOCK_SIZE) }
    })
  }

  /** Subjects startIndex … startIndex + count − 1 as an array. */
  batch(startIndex: number, count: number): DemoSubject[] {
    const out: DemoSubject[] = []
    for (let i = 0; i < count; i++) out.push(this.at(startIndex + i))
    return out
  }

  kindAt(index: number): SubjectKind {
    this.loadBlock(Math.floor(index / DEMO_BLOCK_SIZE))
    return mixKinds[this.blockKinds[index % DEMO_BLOCK_SIZE] as number] as SubjectKind
  }

  private loadBlock(block: number): void {
    if (block === this.cachedBlock) return
    const kinds = this.blockKinds
    kinds.set(this.template)
    const rng = this.rng.reseed(hashSeed(this.blockSeed, block))
    for (let i = DEMO_BLOCK_SIZE - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1))
      const t = kinds[i] as number
      kinds[i] = kinds[j] as number
      kinds[j] = t
    }
    const seen = new Uint16Array(mixKinds.length)
    for (let i = 0; i < DEMO_BLOCK_SIZE; i++) {
      const k = kinds[i] as number
      this.blockRanks[i] = seen[k] as number
      seen[k] = (seen[k] as number) + 1
    }
    this.cachedBlock = block
  }

  /** The subject at an index. */
  at(index: number): DemoSubject {
    if (!Number.isInteger(index) || index < 0 || index >= MAX_DEMO_SUBJECTS) {
      throw new RangeError(`subject index must be an integer in [0, ${MAX_DEMO_SUBJECTS}), got ${index}`)
    }
    const block = Math.floor(index / DEMO_BLOCK_SIZE)
    this.loadBlock(block)
    const pos = index % DEMO_BLOCK_SIZE
    const k = this.blockKinds[pos] as number
    const kind = mixKinds[k] as SubjectKind
    const ordinal = block * (mixCounts[k] as number) + (this.blockRanks[pos] as number)
    const space = this.spaces[kind] as KeyedSpace
    const key = space.key(ordinal)
    const round = space.round(ordinal)
    const rng = this.rng.reseed(hashSeed(this.subjectSeed, index))
    switch (kind) {
      case 'enterprise':
        return this.enterprise(index, ordinal, key, round, rng)
      case 'individual_business':
        return this.shop(index, ordinal, key, round, rng)
      case 'farmer_cooperative':
        return this.cooperative(index, key, round, rng)
      case 'public_institution':
        return this.institution(index, key, round, rng)
      case 'social_organisation':
        return this.socialOrganisation(index, key, round, rng)
      case 'government_body':
        return this.governmentBody(index, key, round, rng)
      case 'rural_collective':
        return this.villageCollective(index, key, round, rng)
      case 'natural_person':
        return this.person(index, ordinal, key, round, rng)
      default:
        throw new Error(`no generator for ${kind}`)
    }
  }

  private body(index: number, established: number): string {
    return established < USCC_DAY ? this.bodies.legacy(index) : this.bodies.modern(index)
  }

  private enterprise(index: number, ordinal: number, key: number, round: number, rng: Rng): DemoSubject {
    const parts = this.enterpriseNames.decode(key)
    const p = parts.prefix
    const division = p.division ?? urbanDivisions.pick(rng)
    const established = enterpriseDates.pick(rng, p.historical ? RENAMED_DAY : Infinity)
    const form = formTable.pick(rng)
    const suffix = branchSuffix(round)
    const name = enterpriseName(parts, form) + suffix

    const formerNames: DemoFormerName[] = []
    if (established <= FORMER_NAME_LAST_ESTABLISHED && rng.chance(formerNameChance)) {
      // Former names keep the firm's own (prefix, 字号, industry) and differ in the ending, so
      // they can never be another subject's name.
      const endings: string[] = []
      const otherForm = form === '有限公司' ? '有限责任公司' : '有限公司'
      const old = p.placement === 'front' && established < dayNumber(2000, 1, 1)
      if (old && parts.industry.manufacturing && rng.chance(0.6)) endings.push('厂')
      else if (old && !parts.industry.manufacturing && rng.chance(0.4)) endings.push('公司')
      if (endings.length === 0 || rng.chance(0.3)) endings.push(otherForm)
      let from = established
      const changes = endings.length
      for (let i = 0; i < changes; i++) {
        // Spread the changes over the firm's history, at least a year apart.
        const remaining = DEMO_AS_OF_DAY - 30 - from - 365 * (changes - i)
        const to = from + 365 + Math.floor(rng.next() * Math.max(1, remaining / (changes - i)))
        formerNames.push({ name: enterpriseName(parts, endings[i] as string) + suffix, validFrom: formatDay(from), validTo: formatDay(to - 1) })
        from = to
      }
    }

    const registering = this.registeringDivision(rng, division, established, p.division === null, p.historical, enterpriseChangyuanOld)
    const subject: DemoSubject = {
      index,
      kind: 'enterprise',
      name,
      formerNames,
      uscc: makeUscc({ authority: '9', category: '1', division: registering, orgCodeBody8: this.body(index, established) }),
      legalRepresentative: randomPersonName(rng, 0.78),
      division,
      status: statusTables.enterprise.pick(rng),
      establishedOn: formatDay(established),
      address: organisationAddress(rng, demoDivision(division), 0.25),
    }
    if (established < USCC_DAY && rng.chance(enterpriseRegistrationChance) && this.registrationSequences.covers(ordinal)) {
      const authority = division === CHANGYUAN_CURRENT ? CHANGYUAN_HISTORICAL : registering
      subject.registrationNumber = makeRegistrationNumber(authority, this.registrationSequences.domestic(ordinal))
    }
    return subject
  }

  private shop(index: number, ordinal: number, key: number, round: number, rng: Rng): DemoSubject {
    const parts = this.shopNames.decode(key)
    const p = parts.prefix
    const established = shopDates.pick(rng, p.historical ? RENAMED_DAY : Infinity)
    const operator = parts.ownerSurname === null ? randomPersonName(rng, 0.62) : parts.ownerSurname + randomGivenName(rng, 0.62)
    const registering = this.registeringDivision(rng, p.division, established, false, p.historical, shopChangyuanOld)
    const subject: DemoSubject = {
      index,
      kind: 'individual_business',
      name: parts.name + roundSuffix(round),
      formerNames: [],
      // 个体工商户 had no organisation code before the USCC; theirs were all issued new.
      uscc: makeUscc({ authority: '9', category: '2', division: registering, orgCodeBody8: this.bodies.modern(index) }),
      legalRepresentative: operator,
      division: p.division,
      status: statusTables.shop.pick(rng),
      establishedOn: formatDay(established),
      address: organisationAddress(rng, demoDivision(p.division), 0.35),
    }
    if (established < USCC_DAY && rng.chance(shopRegistrationChance) && this.registrationSequences.covers(ordinal)) {
      const authority = p.division === CHANGYUAN_CURRENT ? CHANGYUAN_HISTORICAL : registering
      subject.registrationNumber = makeRegistrationNumber(authority, this.registrationSequences.individualBusiness(ordinal))
    }
    return subject
  }

  private cooperative(index: number, key: number, round: number, rng: Rng): DemoSubject {
    const parts = this.cooperativeNames.decode(key)
    const p = parts.prefix
    const d = demoDivision(p.division)
    const rural = d.townships.filter((t) => !t.endsWith('街道'))
    const township = rural.length > 0 && rng.chance(0.35) ? rng.pick(rural) : null
    const established = cooperativeDates.pick(rng, p.historical ? RENAMED_DAY : Infinity, COOPERATIVE_LAW_DAY)
    const registering = this.registeringDivision(rng, p.division, established, false, p.historical, cooperativeChangyuanOld)
    return {
      index,
      kind: 'farmer_cooperative',
      name: `${p.label}${township ?? ''}${parts.tradeName}${parts.trade}${cooperativeSuffixTable.pick(rng)}${roundSuffix(round)}`,
      formerNames: [],
      uscc: makeUscc({ authority: '9', category: '3', division: registering, orgCodeBody8: this.bodies.modern(index) }),
      legalRepresentative: randomPersonName(rng, 0.85),
      division: p.division,
      status: statusTables.cooperative.pick(rng),
      establishedOn: formatDay(established),
      address: organisationAddress(rng, d, 1, township ?? rng.pick(rural.length > 0 ? rural : d.townships)),
    }
  }

  private institution(index: number, key: number, round: number, rng: Rng): DemoSubject {
    const parts = this.institutionNames.decode(key)
    const d = parts.division ?? demoDivision(urbanDivisions.pick(rng))
    const established = institutionDates.pick(rng)
    const registering = this.registeringDivision(rng, d.code, established, parts.division === null, false, ORGANISATION_CHANGYUAN_OLD)
    return {
      index,
      kind: 'public_institution',
      name: parts.name + roundSuffix(round),
      formerNames: [],
      uscc: makeUscc({ authority: '1', category: '2', division: registering, orgCodeBody8: this.body(index, established) }),
      legalRepresentative: randomPersonName(rng, 0.7),
      division: d.code,
      status: statusTables.organisation.pick(rng),
      establishedOn: formatDay(established),
      address: organisationAddress(rng, d, 0, parts.township),
    }
  }

  private socialOrganisation(index: number, key: number, round: number, rng: Rng): DemoSubject {
    const parts = this.socialNames.decode(key)
    const d = parts.division ?? demoDivision(urbanDivisions.pick(rng))
    const established = socialDates.pick(rng)
    const registering = this.registeringDivision(rng, d.code, established, parts.division === null, false, ORGANISATION_CHANGYUAN_OLD)
    return {
      index,
      kind: 'social_organisation',
      name: parts.name + roundSuffix(round),
      formerNames: [],
      uscc: makeUscc({ authority: '5', category: parts.category, division: registering, orgCodeBody8: this.body(index, established) }),
      legalRepresentative: randomPersonName(rng, 0.65),
      division: d.code,
      status: statusTables.organisation.pick(rng),
      establishedOn: formatDay(established),
      address: organisationAddress(rng, d, 0.2),
    }
  }

  private governmentBody(index: number, key: number, round: number, rng: Rng): DemoSubject {
    const body = governmentBodyNames[key] as (typeof governmentBodyNames)[number]
    const d = body.division
    const established = governmentDates.pick(rng)
    const registering = this.registeringDivision(rng, d.code, established, false, false, ORGANISATION_CHANGYUAN_OLD)
    return {
      index,
      kind: 'government_body',
      name: body.name + roundSuffix(round),
      formerNames: [],
      uscc: makeUscc({ authority: '1', category: '1', division: registering, orgCodeBody8: this.body(index, established) }),
      legalRepresentative: randomPersonName(rng, 0.8),
      division: d.code,
      status: 'active',
      establishedOn: formatDay(established),
      address: organisationAddress(rng, d, 0),
    }
  }

  private villageCollective(index: number, key: number, round: number, rng: Rng): DemoSubject {
    const parts = this.collectiveNames.decode(key)
    const d = parts.division
    const established = collectiveDates.pick(rng)
    const registering = this.registeringDivision(rng, d.code, established, false, false, ORGANISATION_CHANGYUAN_OLD)
    return {
      index,
      kind: 'rural_collective',
      name: parts.stem + collectiveSuffixTable.pick(rng) + roundSuffix(round),
      formerNames: [],
      uscc: makeUscc({ authority: 'N', category: '2', division: registering, orgCodeBody8: this.bodies.modern(index) }),
      legalRepresentative: randomPersonName(rng, 0.9),
      division: d.code,
      status: 'active',
      establishedOn: formatDay(established),
      address: `${addressStart(d)}${parts.township}${parts.village}${parts.village.endsWith('村') ? '' : '村'}村民委员会`,
    }
  }

  private person(index: number, ordinal: number, key: number, round: number, rng: Rng): DemoSubject {
    const name = this.personNames.decode(key)
    const id = this.residentIds.decode(this.residentIdKeys.key(ordinal))
    return {
      index,
      kind: 'natural_person',
      name: name.name + roundSuffix(round),
      formerNames: [],
      residentId: makeResidentId({ area: id.area, birthDate: id.birthDate, sequence: 2 * id.pair + (name.male ? 1 : 0) }),
      division: id.division,
      status: 'active',
      address: homeAddress(rng, demoDivision(id.division)),
    }
  }

  /**
   * The division in a USCC: the registering authority's code. Zones and city-wide registrations
   * use the city's (410700); 长垣 subjects from before the 2019 rename keep 410728 — always when
   * their name still says 长垣县, otherwise with the given chance.
   */
  private registeringDivision(
    rng: Rng,
    division: string,
    established: number,
    cityWide: boolean,
    historicalName: boolean,
    changyuanOldChance: number,
  ): string {
    if (division === CHANGYUAN_CURRENT) {
      return established < RENAMED_DAY && (historicalName || rng.chance(changyuanOldChance)) ? CHANGYUAN_HISTORICAL : CHANGYUAN_CURRENT
    }
    const d: DemoDivision = demoDivision(division)
    if (d.kind === 'zone') return DEMO_CITY_DIVISION
    if (cityWide && d.kind === 'district' && rng.chance(0.2)) return DEMO_CITY_DIVISION
    return division
  }
}

/** A random name for a legal representative or operator (not unique; people share names). */
function randomPersonName(rng: Rng, maleShare: number): string {
  return surnameTable.pick(rng) + randomGivenName(rng, maleShare)
}

function randomGivenName(rng: Rng, maleShare: number): string {
  const male = rng.chance(maleShare)
  if (rng.chance(0.12)) return rng.pick(male ? maleSingleGiven : femaleSingleGiven)
  return rng.pick(male ? maleGivenNames : femaleGivenNames)
}

function checkOptions({ count, startIndex = 0 }: GenerateSubjectsOptions): void {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`)
  if (!Number.isInteger(startIndex) || startIndex < 0) throw new RangeError(`startIndex must be a non-negative integer, got ${startIndex}`)
  if (startIndex + count > MAX_DEMO_SUBJECTS) throw new RangeError(`at most ${MAX_DEMO_SUBJECTS} demo subjects`)
}

/** Subjects startIndex … startIndex + count − 1, lazily. */
export function* generateSubjects(options: GenerateSubjectsOptions): Generator<DemoSubject> {
  checkOptions(options)
  const factory = new DemoSubjectFactory(options.seed)
  const start = options.startIndex ?? 0
  for (let i = start; i < start + options.count; i++) yield factory.at(i)
}

/** The factory of the last seed asked for, so that batch after batch does not rebuild it. */
let lastFactory: DemoSubjectFactory | null = null

/**
 * The same subjects as an array. Meant for chunks (a few thousand per call, e.g. one INSERT
 * batch); the factory of the last seed is kept between calls.
 */
export function generateSubjectBatch(options: GenerateSubjectsOptions): DemoSubject[] {
  checkOptions(options)
  const seed = seedToUint32(options.seed)
  if (lastFactory === null || lastFactory.seed !== seed) lastFactory = new DemoSubjectFactory(options.seed)
  return lastFactory.batch(options.startIndex ?? 0, options.count)
}
