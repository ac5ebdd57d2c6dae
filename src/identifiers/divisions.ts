/**
 * GB/T 2260 administrative division codes: all current province, prefecture and county level
 * codes of the country (incl. statistical functional zones such as 410771–410773), the changes
 * since, and every code used in 河南省 since 1984 with the current codes that succeeded it.
 * The data is parsed into a Map once, on first use.
 */
import { DIVISION_CHANGES, DIVISION_HISTORY } from './data/division-history.data.ts'
import { NATIONAL_DIVISIONS } from './data/national-divisions.data.ts'

export type DivisionLevel = 'province' | 'prefecture' | 'county'

export interface Division {
  readonly code: string
  readonly name: string
  readonly level: DivisionLevel
  readonly provinceName: string
  readonly prefectureName?: string
  /** In the current code list. False for abolished codes, which stay valid in old numbers. */
  readonly current: boolean
  /** For an abolished code: the current code that took its territory over (the main one). */
  readonly successor?: string
  /** For an abolished code split among several: all of them, main one first. */
  readonly successors?: readonly string[]
  /** A statistical functional zone (开发区、示范区…, county part 71–79), not a formal division. */
  readonly functionalZone?: true
  /** The statistical "市辖区" code (county part 01) standing for all districts of a city. */
  readonly cityDistricts?: true
}

/** A division as reported in identifier details. */
export type DivisionInfo = (Division & { readonly known: true }) | { readonly code: string; readonly known: false }

interface Entry {
  division: Division
  info: DivisionInfo
}

/** Province-level codes: what positions 1–2 of a resident ID number can be. */
export const PROVINCE_CODES: readonly string[] = [
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]

const provinceFlags = new Uint8Array(100)
for (const p of PROVINCE_CODES) provinceFlags[Number(p)] = 1

/** Whether a 2-digit number (0–99) is a province-level code; 83 = Taiwan residence permits. */
export const isProvinceNumber = (n: number): boolean => provinceFlags[n] === 1

const EXTRA_PROVINCES = '710000 台湾省\n810000 香港特别行政区\n820000 澳门特别行政区'

let table: Map<number, Entry> | undefined

function load(): Map<number, Entry> {
  if (table !== undefined) return table
  interface Raw {
    name: string
    current: boolean
    successors?: string[]
    functionalZone?: boolean
    cityDistricts?: boolean
  }
  const raw = new Map<number, Raw>()
  const parse = (text: string, mode: 'national' | 'changes' | 'history') => {
    for (const line of text.split('\n')) {
      if (line.length < 8) continue
      const parts = line.split(' ')
      const code = Number(parts[0])
      const name = parts[1] ?? ''
      const flag = parts[2]
      if (mode === 'history' && raw.has(code)) continue // a code renamed but kept: current wins
      if (flag === undefined || flag === 'z') {
        raw.set(code, { name, current: true, functionalZone: flag === 'z' })
      } else {
        const successors = flag.startsWith('>') ? flag.slice(1).split(',') : undefined
        raw.set(code, { name, current: false, successors })
      }
    }
  }
  parse(NATIONAL_DIVISIONS, 'national')
  parse(EXTRA_PROVINCES, 'national')
  parse(DIVISION_CHANGES, 'changes')
  parse(DIVISION_HISTORY, 'history')

  // The statistical 市辖区 code (xx01) of every city that is a prefecture.
  for (const [code, r] of [...raw]) {
    if (code % 100 === 0 && code % 10000 !== 0 && r.name.endsWith('市') && !raw.has(code + 1)) {
      raw.set(code + 1, { name: '市辖区', current: r.current, cityDistricts: true })
    }
  }

  const entries = new Map<number, Entry>()
  for (const [code, r] of raw) {
    const level: DivisionLevel = code % 10000 === 0 ? 'province' : code % 100 === 0 ? 'prefecture' : 'county'
    const province = raw.get(code - (code % 10000))
    if (province === undefined) continue // not under a known province: drop rather than guess
    const prefecture = level === 'county' ? raw.get(code - (code % 100)) : undefined
    const division: Division = Object.freeze({
      code: String(code),
      name: r.name,
      level,
      provinceName: province.name,
      ...(prefecture === undefined ? {} : { prefectureName: prefecture.name }),
      current: r.current,
      ...(r.successors === undefined || r.successors[0] === undefined ? {} : { successor: r.successors[0] }),
      ...(r.successors !== undefined && r.successors.length > 1 ? { successors: Object.freeze(r.successors) } : {}),
      ...(r.functionalZone ? { functionalZone: true as const } : {}),
      ...(r.cityDistricts ? { cityDistricts: true as const } : {}),
    })
    entries.set(code, { division, info: Object.freeze({ ...division, known: true as const }) })
  }
  table = entries
  return table
}

/** Parses exactly six ASCII digits starting at `start`; −1 if they are not. */
export function sixDigits(s: string, start: number): number {
  let n = 0
  for (let i = start; i < start + 6; i++) {
    const d = s.charCodeAt(i) - 48
    if (!(d >= 0 && d <= 9)) return -1
    n = n * 10 + d
  }
  return n
}

/** The division with this 6-digit GB/T 2260 code (current or historical), if known. */
export function findDivision(code: string): Division | undefined {
  if (typeof code !== 'string' || code.length !== 6) return undefined
  const n = sixDigits(code, 0)
  return n < 0 ? undefined : load().get(n)?.division
}

/** Division details for a parsed code: the known division, or just the code. */
export function divisionInfo(n: number): DivisionInfo {
  return load().get(n)?.info ?? { code: String(n).padStart(6, '0'), known: false }
}

/**
 * 100000 in a USCC or registration number: registered by a national (central) authority.
 * Not a GB/T 2260 division of its own, so findDivision does not return it.
 */
export const NATIONAL_DIVISION = Object.freeze({
  code: '100000',
  known: true as const,
  name: '国家级',
  nameEn: 'National (central authority)',
  national: true as const,
  current: true,
})

/** Whether the parsed code is a known division. */
export function isKnownDivision(n: number): boolean {
  return load().has(n)
}

/** All known divisions (current and historical), in code order. */
export function listDivisions(): Division[] {
  return [...load().values()].map((e) => e.division).sort((a, b) => (a.code < b.code ? -1 : 1))
}
