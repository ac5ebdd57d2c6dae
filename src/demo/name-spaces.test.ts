import { describe, expect, it } from 'vitest'
import { curatedTradeNames, industries, tradeNames } from './firm-names.ts'
import {
  cooperativePrefixes,
  enterprisePrefixes,
  governmentBodyNames,
  InstitutionNames,
  PersonNames,
  shopPrefixes,
  ShopNames,
  SocialOrganisationNames,
  VillageCollectiveNames,
} from './name-spaces.ts'
import { chineseNumeral, countyInstitutions, townshipInstitutions } from './organisation-names.ts'
import { femaleGivenNames, maleGivenNames, surnames } from './person-names.ts'
import { villageCount, villageName } from './rural-names.ts'
import { shopTrades } from './shop-names.ts'

const allDistinct = (xs: readonly string[]) => new Set(xs).size === xs.length

describe('word lists', () => {
  it('has 字号 of two characters, none a division or form word, none twice', () => {
    expect(tradeNames.length).toBeGreaterThan(9000)
    expect(allDistinct(tradeNames)).toBe(true)
    for (const t of tradeNames) expect(t).toMatch(/^[^市县区省乡镇村第有限公司股份（）]{2}$/u)
    expect(tradeNames.slice(0, 3)).toEqual(curatedTradeNames.slice(0, 3))
  })

  it('has distinct industries, none ending in a form word, and includes 食品', () => {
    const words = industries.map((i) => i.word)
    expect(allDistinct(words)).toBe(true)
    for (const w of words) expect(w).not.toMatch(/(股份|有限|责任|公司|厂)$/u)
    expect(words).toContain('食品')
  })

  it('has shop trades that never end like a firm (公司, 厂)', () => {
    expect(allDistinct([...shopTrades])).toBe(true)
    for (const t of shopTrades) expect(t).not.toMatch(/(公司|厂)$/u)
  })

  it('has single-character surnames and no given name for both sexes', () => {
    for (const [s] of surnames) expect(s).toHaveLength(1)
    expect(allDistinct(surnames.map(([s]) => s))).toBe(true)
    const male = new Set(maleGivenNames)
    for (const g of femaleGivenNames) expect(male.has(g)).toBe(false)
    expect(allDistinct([...maleGivenNames, ...femaleGivenNames])).toBe(true)
  })

  it('has no institution twice in a list, and 街道 variants for every township institution', () => {
    expect(allDistinct(countyInstitutions)).toBe(true)
    expect(allDistinct(townshipInstitutions.map(([t]) => t))).toBe(true)
    expect(allDistinct(townshipInstitutions.map(([, street]) => street))).toBe(true)
  })

  it('writes Chinese numerals', () => {
    expect([1, 10, 12, 20, 99].map(chineseNumeral)).toEqual(['一', '十', '十二', '二十', '九十九'])
  })

  it('builds distinct village names', () => {
    const names = Array.from({ length: villageCount }, (_, i) => villageName(i))
    expect(allDistinct(names)).toBe(true)
    expect(names).toContain('南李庄')
  })

  it('has prefixes that point at demo divisions, and 长垣县 only as a historical prefix', () => {
    for (const p of [...enterprisePrefixes, ...shopPrefixes, ...cooperativePrefixes]) {
      const label = 'text' in p ? p.text : p.label
      if (label.includes('长垣县')) expect(p.historical).toBe(true)
      else expect(p.historical).toBe(false)
    }
  })
})

describe('name spaces', () => {
  it('decodes every key of the smaller spaces into a distinct name', () => {
    const institutions = new InstitutionNames(1)
    const social = new SocialOrganisationNames(1)
    const persons = new PersonNames(1)
    for (const space of [institutions, social, persons]) {
      const names = Array.from({ length: space.size }, (_, k) => space.decode(k).name)
      expect(allDistinct(names)).toBe(true)
    }
    expect(allDistinct(governmentBodyNames.map((g) => g.name))).toBe(true)
  })

  it('decodes sampled keys of the large spaces into distinct names', () => {
    const shops = new ShopNames(2)
    const collectives = new VillageCollectiveNames()
    const step = (size: number) => Math.max(1, Math.floor(size / 300_000))
    const shopNames: string[] = []
    for (let k = 0; k < shops.size; k += step(shops.size)) shopNames.push(shops.decode(k).name)
    expect(allDistinct(shopNames)).toBe(true)
    const stems: string[] = []
    for (let k = 0; k < collectives.size; k += step(collectives.size)) stems.push(collectives.decode(k).stem)
    expect(allDistinct(stems)).toBe(true)
  })

  it('names government bodies below the city only (the city’s own are departments)', () => {
    expect(governmentBodyNames.length).toBeGreaterThan(1000)
    for (const { name } of governmentBodyNames) expect(name).not.toMatch(/^新乡市(?!红旗区|卫滨区|凤泉区|牧野区|平原)/u)
    expect(governmentBodyNames.map((g) => g.name)).toContain('辉县市公安局孟庄派出所')
  })
})
