/** Postal addresses for generated subjects: a road and number in town, or a village in the country. */
import { CHANGYUAN_CURRENT, type DemoDivision } from './city-divisions.ts'
import type { Rng } from './prng.ts'
import { villageCount, villageName } from './rural-names.ts'

/** 河南省新乡市红旗区, 河南省新乡市高新区, 河南省长垣市 (长垣 is administered by the province). */
export function addressStart(d: DemoDivision): string {
  if (d.code === CHANGYUAN_CURRENT) return `河南省${d.name}`
  if (d.kind === 'zone') return `河南省新乡市${d.label.replace(/^新乡/, '')}`
  return `河南省新乡市${d.name}`
}

const ruralTownshipsOf = new Map<string, readonly string[]>()
function ruralTownships(d: DemoDivision): readonly string[] {
  let found = ruralTownshipsOf.get(d.code)
  if (!found) {
    found = d.townships.filter((t) => !t.endsWith('街道'))
    ruralTownshipsOf.set(d.code, found)
  }
  return found
}

/** A village address in a township of the division (the township given, or one picked). */
export function villageAddress(rng: Rng, d: DemoDivision, township?: string): string {
  const candidates = ruralTownships(d)
  const t = township ?? (candidates.length > 0 ? rng.pick(candidates) : rng.pick(d.townships))
  const village = villageName(rng.int(0, villageCount - 1))
  return `${addressStart(d)}${t}${village}${village.endsWith('村') ? '' : '村'}${rng.int(1, 300)}号`
}

/** A street address in town. */
export function streetAddress(rng: Rng, d: DemoDivision): string {
  return `${addressStart(d)}${rng.pick(d.roads)}${rng.int(1, 999)}号`
}

/** Where an organisation sits: mostly in town, in the country for county firms now and then. */
export function organisationAddress(rng: Rng, d: DemoDivision, ruralShare: number, township?: string | null): string {
  if (township) return township.endsWith('街道') ? streetAddress(rng, d) : villageAddress(rng, d, township)
  const rural = d.kind === 'county' || d.kind === 'county_city' ? ruralShare : 0
  return rural > 0 && rng.chance(rural) ? villageAddress(rng, d) : streetAddress(rng, d)
}

/** A home address: a flat in town or a house in a village. */
export function homeAddress(rng: Rng, d: DemoDivision): string {
  const rural = d.kind === 'county' || d.kind === 'county_city' ? 0.55 : d.kind === 'zone' ? 0.3 : 0.1
  if (rng.chance(rural)) return villageAddress(rng, d)
  return `${streetAddress(rng, d)}院${rng.int(1, 24)}号楼${rng.int(1, 4)}单元${rng.int(1, 18)}0${rng.int(1, 4)}室`
}
