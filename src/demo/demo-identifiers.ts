/**
 * Identifier parts for generated subjects, unique by construction:
 *
 * - organisation code bodies come from the subject's index through a seeded permutation, in two
 *   disjoint styles — 8 digits not starting with 0 for codes issued before the USCC (2015-10-01),
 *   "MA" + 6 USCC characters after; department bodies start with 00 and the reserved PDY range is
 *   never reached;
 * - registration number sequences come from the kind's ordinal (0–3… domestic firms, 6–9…
 *   individual businesses);
 * - resident ID numbers come from the person's ordinal: (area, birth date, sequence pair) is a
 *   bijection of a permuted key, and the sequence's parity carries the sex.
 */
import { CHANGYUAN_HISTORICAL } from './city-divisions.ts'
import { compactDay, dayNumber } from './dates.ts'
import { Permutation, WeightedSlots } from './key-space.ts'
import { hashSeed } from './prng.ts'

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
/** Index spaces of the two body styles: powers of two, so the permutations never cycle-walk. */
const LEGACY_SPACE = 2 ** 26 // 67,108,864 ≤ 90,000,000 bodies 10000000–99999999
const MODERN_SPACE = 2 ** 28 // 268,435,456 ≤ 31^6 bodies MA000000–MAYYYYYY

/** Largest number of subjects the identifier spaces cover (the digit-style body space). */
export const MAX_DEMO_SUBJECTS = LEGACY_SPACE

export class OrgCodeBodies {
  private readonly legacyPermutation: Permutation
  private readonly modernPermutation: Permutation

  constructor(seed: number) {
    this.legacyPermutation = new Permutation(LEGACY_SPACE, hashSeed(seed, 11))
    this.modernPermutation = new Permutation(MODERN_SPACE, hashSeed(seed, 12))
  }

  /** An old-style all-digit body (first digit 1–9). */
  legacy(index: number): string {
    return String(10_000_000 + this.legacyPermutation.apply(index))
  }

  /** A post-2015 body: MA + 6 characters of the USCC charset. */
  modern(index: number): string {
    let x = this.modernPermutation.apply(index)
    let out = ''
    for (let i = 0; i < 6; i++) {
      out = USCC_CHARSET.charAt(x % 31) + out
      x = Math.floor(x / 31)
    }
    return `MA${out}`
  }
}

/**
 * 8-digit registration sequences: domestic firms 0–3…, individual businesses 6–9…. The third
 * digit is 2–9, so digits 7–12 of the number never read as a YYMMDD date and the number is never
 * mistaken for a 15-digit first-generation resident ID.
 */
export class RegistrationSequences {
  static readonly size = 4 * 10 * 8 * 100_000
  private readonly permutation: Permutation

  constructor(seed: number) {
    this.permutation = new Permutation(RegistrationSequences.size, hashSeed(seed, 13))
  }

  /** Whether an ordinal of a kind has a sequence of its own. */
  covers(ordinal: number): boolean {
    return ordinal < RegistrationSequences.size
  }

  private digits(ordinal: number, firstDigitBase: number): string {
    let x = this.permutation.apply(ordinal)
    const low = String(x % 100_000).padStart(5, '0')
    x = Math.floor(x / 100_000)
    const third = 2 + (x % 8)
    x = Math.floor(x / 8)
    return `${firstDigitBase + Math.floor(x / 10)}${x % 10}${third}${low}`
  }

  domestic(ordinal: number): string {
    return this.digits(ordinal, 0)
  }

  individualBusiness(ordinal: number): string {
    return this.digits(ordinal, 6)
  }
}

// ---------------------------------------------------------------------------------------------
// Resident IDs.

/**
 * Address codes of people's ID numbers, by weight: where they live now (division), and whether the
 * code went out of use in 1988 (汲县 → 卫辉市, 辉县 → 辉县市), so that only people born before
 * then carry it.
 */
export const residentAreas: ReadonlyArray<{ area: string; weight: number; division: string; bornBefore1988: boolean }> = [
  ['410702', 8, '410702'], ['410703', 6, '410703'], ['410704', 4, '410704'], ['410711', 6, '410711'],
  ['410721', 8, '410721'], ['410724', 9, '410724'], ['410725', 13, '410725'], ['410726', 9, '410726'],
  ['410727', 15, '410727'], ['410781', 8, '410781'], ['410782', 12, '410782'],
  [CHANGYUAN_HISTORICAL, 14, '410783'], // 长垣县: everyone born up to 2006 was issued 410728
  ['410722', 2, '410781', true], // 汲县, now 卫辉市 (renamed 1988)
  ['410723', 2, '410782', true], // 辉县, now 辉县市 (renamed 1988)
].map(([area, weight, division, early]) => ({
  area: area as string, weight: weight as number, division: division as string, bornBefore1988: early === true,
}))

/** Birth years 1940–2006, weighted like a real population pyramid. */
const birthYearWeights = (lastYear: number): Array<{ year: number; weight: number }> => {
  const out: Array<{ year: number; weight: number }> = []
  for (let year = 1940; year <= lastYear; year++) {
    const weight = year < 1950 ? 2 : year < 1960 ? 5 : year < 1970 ? 8 : year < 1980 ? 8 : year < 1990 ? 9 : year < 2000 ? 8 : 6
    out.push({ year, weight })
  }
  return out
}

/** Sequence pairs per day: t in 1..499, sequence = 2t + (male ? 1 : 0), so 002–999. */
const PAIRS_PER_DAY = 499
const DAYS_PER_YEAR = 365 // day 366 of leap years is left out

class BirthSpace {
  readonly slots: WeightedSlots
  readonly years: number[]
  readonly size: number

  constructor(lastYear: number, seed: number) {
    const weights = birthYearWeights(lastYear)
    this.years = weights.map((w) => w.year)
    this.slots = new WeightedSlots(weights.map(({ weight }) => ({ weight, innerSize: DAYS_PER_YEAR * PAIRS_PER_DAY })), seed)
    this.size = this.slots.size
  }
}

export interface ResidentIdParts {
  area: string
  division: string
  birthDay: number
  /** YYYYMMDD. */
  birthDate: string
  /** 1..499; the ID's sequence is 2·pair + sex bit. */
  pair: number
}

export class ResidentIdSpace {
  private readonly areaSlots: WeightedSlots
  private readonly fullBirths: BirthSpace
  private readonly earlyBirths: BirthSpace
  readonly size: number

  constructor(seed: number) {
    this.fullBirths = new BirthSpace(2006, hashSeed(seed, 21))
    this.earlyBirths = new BirthSpace(1987, hashSeed(seed, 22))
    this.areaSlots = new WeightedSlots(
      residentAreas.map(({ weight, bornBefore1988 }) => ({
        weight,
        innerSize: bornBefore1988 ? this.earlyBirths.size : this.fullBirths.size,
      })),
      hashSeed(seed, 23),
    )
    this.size = this.areaSlots.size
  }

  decode(key: number): ResidentIdParts {
    const a = residentAreas[this.areaSlots.choiceOf(key)] as (typeof residentAreas)[number]
    const births = a.bornBefore1988 ? this.earlyBirths : this.fullBirths
    const inner = this.areaSlots.innerOf(key)
    const year = births.years[births.slots.choiceOf(inner)] as number
    const rest = births.slots.innerOf(inner)
    const birthDay = dayNumber(year, 1, 1) + (rest % DAYS_PER_YEAR)
    return {
      area: a.area,
      division: a.division,
      birthDay,
      birthDate: compactDay(birthDay),
      pair: 1 + Math.floor(rest / DAYS_PER_YEAR),
    }
  }
}
