/**
 * One name space per subject kind: a key in [0, size) decodes into the parts of a name, and no
 * two keys of a space give the same name. Spaces of different kinds never meet either: firm names
 * end in 公司 (or 厂 / 公司 for former names), shops in their trade word, cooperatives in
 * 专业合作社, village collectives in 经济合作社, people's names have 2–3 characters, and so on.
 * The unit tests check all of it over a million generated subjects.
 */
import { demoDivisions, demoTownships, type DemoDivision } from './city-divisions.ts'
import { industries, tradeNames, type Industry } from './firm-names.ts'
import { WeightedSlots } from './key-space.ts'
import {
  associationTopics,
  chamberOrigins,
  countyGovernmentBodies,
  countyInstitutions,
  industryAssociationTypes,
  learnedSocietyTopics,
  privateNonEnterpriseTypes,
  townshipGovernmentBodies,
  townshipInstitutions,
  villageInstitutions,
  zoneGovernmentBodies,
} from './organisation-names.ts'
import { femaleGivenNames, maleGivenNames, surnames } from './person-names.ts'
import { cooperativeTrades, villageCount, villageName } from './rural-names.ts'
import { ownerTradeNamePatterns, shopTrades } from './shop-names.ts'

/** How a division is written at the start of an official name: 新乡市红旗区, 辉县市, 新乡高新技术产业开发区. */
export const formalName = (d: DemoDivision) => (d.kind === 'district' ? `新乡市${d.name}` : d.name)

/** 孟庄镇 → 孟庄, 胜利路街道 → 胜利路 (for the 所 of a county bureau). */
export const townshipShortName = (t: string) => t.replace(/(街道|镇|乡)$/, '')

const ruralTownships = demoTownships.filter(({ township }) => !township.endsWith('街道'))

// ---------------------------------------------------------------------------------------------
// Enterprises: 行政区划 + 字号 + 行业 + 组织形式, e.g. 新乡市华泰食品有限公司, 华泰（新乡）食品有限公司.

export interface EnterprisePrefix {
  text: string
  weight: number
  /** front: 新乡市华泰食品有限公司; middle: 华泰（新乡）食品有限公司. */
  placement: 'front' | 'middle'
  /** The division the prefix names, or null for city/province-wide prefixes (any urban division). */
  division: string | null
  /** 长垣县: only firms registered before the 2019 rename carry it. */
  historical: boolean
}

const prefix = (text: string, weight: number, division: string | null, placement: 'front' | 'middle' = 'front', historical = false): EnterprisePrefix => ({
  text, weight, placement, division, historical,
})

export const enterprisePrefixes: readonly EnterprisePrefix[] = [
  prefix('新乡市', 24, null),
  prefix('新乡', 10, null),
  prefix('河南', 10, null),
  prefix('新乡', 3, null, 'middle'),
  prefix('新乡县', 4, '410721'),
  prefix('获嘉县', 4, '410724'),
  prefix('原阳县', 5, '410725'),
  prefix('延津县', 4, '410726'),
  prefix('封丘县', 4, '410727'),
  prefix('卫辉市', 5, '410781'),
  prefix('辉县市', 7, '410782'),
  prefix('长垣市', 7, '410783'),
  prefix('长垣县', 1, '410783', 'front', true),
]

export interface EnterpriseNameParts {
  prefix: EnterprisePrefix
  tradeName: string
  industry: Industry
}

export function enterpriseName(parts: EnterpriseNameParts, ending: string): string {
  const { prefix: p, tradeName, industry } = parts
  return p.placement === 'front' ? `${p.text}${tradeName}${industry.word}${ending}` : `${tradeName}（${p.text}）${industry.word}${ending}`
}

export class EnterpriseNames {
  private readonly slots: WeightedSlots
  readonly size: number

  constructor(seed: number) {
    const inner = tradeNames.length * industries.length
    this.slots = new WeightedSlots(enterprisePrefixes.map(({ weight }) => ({ weight, innerSize: inner })), seed)
    this.size = this.slots.size
  }

  decode(key: number): EnterpriseNameParts {
    const inner = this.slots.innerOf(key)
    return {
      prefix: enterprisePrefixes[this.slots.choiceOf(key)] as EnterprisePrefix,
      tradeName: tradeNames[inner % tradeNames.length] as string,
      industry: industries[Math.floor(inner / tradeNames.length)] as Industry,
    }
  }
}

// ---------------------------------------------------------------------------------------------
// 个体工商户: division + 字号 + trade, e.g. 红旗区张记小吃店, 辉县市华泰五金店.

export interface ShopPrefix {
  label: string
  weight: number
  division: string
  historical: boolean
}

export const shopPrefixes: readonly ShopPrefix[] = [
  ['红旗区', 12, '410702'], ['卫滨区', 9, '410703'], ['牧野区', 10, '410711'], ['凤泉区', 4, '410704'],
  ['新乡县', 6, '410721'], ['获嘉县', 6, '410724'], ['原阳县', 7, '410725'], ['延津县', 6, '410726'],
  ['封丘县', 7, '410727'], ['卫辉市', 8, '410781'], ['辉县市', 11, '410782'], ['长垣市', 9, '410783'],
  ['长垣县', 2, '410783', true], ['新乡高新区', 2, '410771'], ['新乡经开区', 1, '410772'], ['平原示范区', 1, '410773'],
].map(([label, weight, division, historical]) => ({
  label: label as string, weight: weight as number, division: division as string, historical: historical === true,
}))

const ownerTradeNameCount = ownerTradeNamePatterns.length * surnames.length
const shopTradeNameCount = ownerTradeNameCount + tradeNames.length

export interface ShopNameParts {
  prefix: ShopPrefix
  name: string
  /** Set when the 字号 names the owner (张记 → 张). */
  ownerSurname: string | null
}

export class ShopNames {
  private readonly slots: WeightedSlots
  readonly size: number

  constructor(seed: number) {
    this.slots = new WeightedSlots(shopPrefixes.map(({ weight }) => ({ weight, innerSize: shopTradeNameCount * shopTrades.length })), seed)
    this.size = this.slots.size
  }

  decode(key: number): ShopNameParts {
    const p = shopPrefixes[this.slots.choiceOf(key)] as ShopPrefix
    const inner = this.slots.innerOf(key)
    const t = inner % shopTradeNameCount
    const trade = shopTrades[Math.floor(inner / shopTradeNameCount)] as string
    if (t < ownerTradeNameCount) {
      const surname = (surnames[Math.floor(t / ownerTradeNamePatterns.length)] as readonly [string, number])[0]
      const pattern = ownerTradeNamePatterns[t % ownerTradeNamePatterns.length] as (s: string) => string
      return { prefix: p, name: `${p.label}${pattern(surname)}${trade}`, ownerSurname: surname }
    }
    return { prefix: p, name: `${p.label}${tradeNames[t - ownerTradeNameCount] as string}${trade}`, ownerSurname: null }
  }
}

// ---------------------------------------------------------------------------------------------
// 农民专业合作社: county [+ township] + 字号 + trade + 专业合作社, e.g. 原阳县金穗种植专业合作社.

export interface CooperativePrefix {
  label: string
  weight: number
  division: string
  historical: boolean
}

export const cooperativePrefixes: readonly CooperativePrefix[] = [
  ['新乡县', 10, '410721'], ['获嘉县', 10, '410724'], ['原阳县', 14, '410725'], ['延津县', 12, '410726'],
  ['封丘县', 13, '410727'], ['卫辉市', 11, '410781'], ['辉县市', 14, '410782'], ['长垣市', 9, '410783'],
  ['长垣县', 2, '410783', true], ['新乡市凤泉区', 2, '410704'], ['新乡市牧野区', 1, '410711'], ['新乡市平原示范区', 2, '410773'],
].map(([label, weight, division, historical]) => ({
  label: label as string, weight: weight as number, division: division as string, historical: historical === true,
}))

export interface CooperativeNameParts {
  prefix: CooperativePrefix
  tradeName: string
  trade: string
}

export class CooperativeNames {
  private readonly slots: WeightedSlots
  readonly size: number

  constructor(seed: number) {
    this.slots = new WeightedSlots(
      cooperativePrefixes.map(({ weight }) => ({ weight, innerSize: tradeNames.length * cooperativeTrades.length })),
      seed,
    )
    this.size = this.slots.size
  }

  decode(key: number): CooperativeNameParts {
    const inner = this.slots.innerOf(key)
    return {
      prefix: cooperativePrefixes[this.slots.choiceOf(key)] as CooperativePrefix,
      tradeName: tradeNames[inner % tradeNames.length] as string,
      trade: cooperativeTrades[Math.floor(inner / tradeNames.length)] as string,
    }
  }
}

// ---------------------------------------------------------------------------------------------
// 事业单位: county-level (辉县市人民医院), township-level (辉县市孟庄镇卫生院), village schools.

export interface InstitutionNameParts {
  name: string
  /** null: a city-level institution (新乡市第一小学), placed in a city district by the caller. */
  division: DemoDivision | null
  township: string | null
}

const cityOrDivisions: ReadonlyArray<DemoDivision | null> = [null, ...demoDivisions]

export class InstitutionNames {
  private readonly slots: WeightedSlots
  readonly size: number

  constructor(seed: number) {
    this.slots = new WeightedSlots(
      [
        { weight: 6, innerSize: cityOrDivisions.length * countyInstitutions.length },
        { weight: 20, innerSize: demoTownships.length * townshipInstitutions.length },
        { weight: 74, innerSize: ruralTownships.length * villageCount * villageInstitutions.length },
      ],
      seed,
    )
    this.size = this.slots.size
  }

  decode(key: number): InstitutionNameParts {
    const level = this.slots.choiceOf(key)
    const inner = this.slots.innerOf(key)
    if (level === 0) {
      const d = cityOrDivisions[inner % cityOrDivisions.length] as DemoDivision | null
      const what = countyInstitutions[Math.floor(inner / cityOrDivisions.length)] as string
      return { name: `${d === null ? '新乡市' : formalName(d)}${what}`, division: d, township: null }
    }
    if (level === 1) {
      const t = demoTownships[inner % demoTownships.length] as (typeof demoTownships)[number]
      const [inTownship, inStreet] = townshipInstitutions[Math.floor(inner / demoTownships.length)] as readonly [string, string]
      const what = t.township.endsWith('街道') ? inStreet : inTownship
      return { name: `${formalName(t.division)}${t.township}${what}`, division: t.division, township: t.township }
    }
    const t = ruralTownships[inner % ruralTownships.length] as (typeof ruralTownships)[number]
    const rest = Math.floor(inner / ruralTownships.length)
    const village = villageName(rest % villageCount)
    const what = villageInstitutions[Math.floor(rest / villageCount)] as string
    return { name: `${formalName(t.division)}${t.township}${village}${what}`, division: t.division, township: t.township }
  }
}

// ---------------------------------------------------------------------------------------------
// 机关 below the city: county bureaus, zone bodies, township governments and bureaus' 所.

export interface GovernmentBodyName {
  name: string
  division: DemoDivision
}

export const governmentBodyNames: readonly GovernmentBodyName[] = (() => {
  const out: GovernmentBodyName[] = []
  for (const d of demoDivisions) {
    const bodies: readonly string[] = d.kind === 'zone' ? zoneGovernmentBodies : countyGovernmentBodies
    for (const body of bodies) out.push({ name: `${formalName(d)}${body}`, division: d })
  }
  for (const { division: d, township } of demoTownships) {
    for (const make of townshipGovernmentBodies) out.push({ name: make(formalName(d), township, townshipShortName(township)), division: d })
  }
  return out
})()

// ---------------------------------------------------------------------------------------------
// 社会组织: 社会团体 (51) such as 新乡市书法家协会, 民办非企业单位 (52) such as 红旗区华泰幼儿园.

const socialTopics: readonly string[] = [
  ...associationTopics.map((t) => `${t}协会`),
  ...learnedSocietyTopics.map((t) => `${t}学会`),
  ...chamberOrigins.map((t) => `${t}商会`),
  ...industryAssociationTypes.flatMap((type) => industries.map((i) => `${i.word}${type}`)),
]

export interface SocialOrganisationNameParts {
  name: string
  /** 1 社会团体, 2 民办非企业单位 (the USCC category under authority 5). */
  category: '1' | '2'
  division: DemoDivision | null
}

export class SocialOrganisationNames {
  private readonly slots: WeightedSlots
  readonly size: number

  constructor(seed: number) {
    this.slots = new WeightedSlots(
      [
        { weight: 3, innerSize: cityOrDivisions.length * socialTopics.length },
        { weight: 4, innerSize: cityOrDivisions.length * tradeNames.length * privateNonEnterpriseTypes.length },
      ],
      seed,
    )
    this.size = this.slots.size
  }

  decode(key: number): SocialOrganisationNameParts {
    const inner = this.slots.innerOf(key)
    const d = cityOrDivisions[inner % cityOrDivisions.length] as DemoDivision | null
    const where = d === null ? '新乡市' : formalName(d)
    const rest = Math.floor(inner / cityOrDivisions.length)
    if (this.slots.choiceOf(key) === 0) return { name: `${where}${socialTopics[rest] as string}`, category: '1', division: d }
    const tradeName = tradeNames[rest % tradeNames.length] as string
    const type = privateNonEnterpriseTypes[Math.floor(rest / tradeNames.length)] as string
    return { name: `${where}${tradeName}${type}`, category: '2', division: d }
  }
}

// ---------------------------------------------------------------------------------------------
// 农村集体经济组织 (N2): county + township + village + 村股份经济合作社.

export interface VillageCollectiveNameParts {
  /** Without the ending, which the caller picks (股份经济合作社 or 经济合作社). */
  stem: string
  division: DemoDivision
  township: string
  village: string
}

export class VillageCollectiveNames {
  readonly size = ruralTownships.length * villageCount

  decode(key: number): VillageCollectiveNameParts {
    const t = ruralTownships[key % ruralTownships.length] as (typeof ruralTownships)[number]
    const village = villageName(Math.floor(key / ruralTownships.length))
    // 李村 + 村股份经济合作社 would read 李村村…; real names do that, so keep it.
    return { stem: `${formalName(t.division)}${t.township}${village}`, division: t.division, township: t.township, village }
  }
}

// ---------------------------------------------------------------------------------------------
// 自然人: surname + given name; the given name tells the sex.

const givenNameCount = maleGivenNames.length + femaleGivenNames.length

export interface PersonNameParts {
  name: string
  surname: string
  male: boolean
}

export class PersonNames {
  private readonly slots: WeightedSlots
  readonly size: number

  constructor(seed: number) {
    this.slots = new WeightedSlots(surnames.map(([, weight]) => ({ weight, innerSize: givenNameCount })), seed)
    this.size = this.slots.size
  }

  decode(key: number): PersonNameParts {
    const surname = (surnames[this.slots.choiceOf(key)] as readonly [string, number])[0]
    const g = this.slots.innerOf(key)
    const male = g < maleGivenNames.length
    const given = male ? (maleGivenNames[g] as string) : (femaleGivenNames[g - maleGivenNames.length] as string)
    return { name: surname + given, surname, male }
  }
}
