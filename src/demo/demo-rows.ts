/**
 * Building blocks of demo collection rows: who a record is about (the generated subject's own name
 * and codes, in the catalog's column keys), its legal representative's ID number, the submitting
 * department's name and USCC, and date arithmetic on YYYY-MM-DD. Pure.
 */
import { makeResidentId } from '../identifiers/index.ts'
import { addDays, addMonths } from '../publicity/dates.ts'
import { findCityDepartment, type DemoDepartment } from './city-departments.ts'
import { formatDay, parseDay } from './dates.ts'
import { hashSeed, Rng } from './prng.ts'
import type { DemoSubject } from './subject-generator.ts'

export type DemoRow = Record<string, string>

/** Rows one department submits for one catalog item, in one batch. */
export interface DemoBatch {
  category: string
  department: string
  rows: DemoRow[]
}

export const LONG_TERM = '2099-12-31'

export { addDays, addMonths }
export const addYears = (date: string, years: number) => addMonths(date, years * 12)
export const yearOf = (date: string) => date.slice(0, 4)

/** A day in [from, to] (both YYYY-MM-DD), uniformly. */
export function dayBetween(rng: Rng, from: string, to: string): string {
  const a = parseDay(from)
  const b = parseDay(to)
  return formatDay(a + Math.floor(rng.next() * Math.max(1, b - a + 1)))
}

export const department = (code: string): DemoDepartment => {
  const d = findCityDepartment(code)
  if (!d) throw new Error(`no demo department ${code}`)
  return d
}

/** 行政相对人类别 as a clerk writes it (code table counterparty_category). */
export function counterpartyCategory(s: DemoSubject): string {
  if (s.kind === 'natural_person') return '自然人'
  if (s.kind === 'individual_business') return '个体工商户'
  return '法人及非法人组织'
}

// Counties whose codes have been stable since the 1980s, so an older ID's area code stays valid.
const idAreas = ['410702', '410703', '410704', '410711', '410721', '410724', '410725', '410726', '410727', '410781', '410782']

/** The legal representative's resident ID: a pure function of (seed, subject index). */
export function legalRepresentativeId(seed: number, s: DemoSubject): string {
  const rng = new Rng().reseed(hashSeed(seed ^ 0x5eed1d, s.index))
  const area = idAreas[Math.floor(rng.next() * idAreas.length)]!
  const birth = formatDay(parseDay('1958-01-01') + Math.floor(rng.next() * 13_500)).replaceAll('-', '')
  return makeResidentId({ area, birthDate: birth, sequence: rng.int(0, 999) })
}

/** The 双公示 counterparty block (XK_/CF_ prefix) of a subject. */
export function counterpartyColumns(p: 'XK' | 'CF', s: DemoSubject, seed: number): DemoRow {
  const person = s.kind === 'natural_person'
  return {
    [`${p}_XDR_MC`]: s.name,
    [`${p}_XDR_LB`]: counterpartyCategory(s),
    [`${p}_XDR_SHXYM`]: person ? '' : (s.uscc ?? ''),
    [`${p}_FRDB`]: person ? '' : (s.legalRepresentative ?? ''),
    [`${p}_FR_ZJLX`]: person ? '' : '身份证',
    [`${p}_FR_ZJHM`]: person ? '' : legalRepresentativeId(seed, s),
    [`${p}_XDR_ZJLX`]: person ? '身份证' : '',
    [`${p}_XDR_ZJHM`]: person ? (s.residentId ?? '') : '',
  }
}

/** The subject block of items outside 双公示 (SUBJECT_NAME, SUBJECT_CATEGORY, USCC, ID_TYPE, ID_NUMBER, LEGAL_REP). */
export function subjectColumns(s: DemoSubject, o: { category?: boolean; persons?: boolean; legalRep?: boolean; seed?: number } = {}): DemoRow {
  const person = s.kind === 'natural_person'
  return {
    SUBJECT_NAME: s.name,
    ...(o.category ? { SUBJECT_CATEGORY: counterpartyCategory(s) } : {}),
    USCC: person ? '' : (s.uscc ?? ''),
    ...(o.persons ? { ID_TYPE: person ? '身份证' : '', ID_NUMBER: person ? (s.residentId ?? '') : '' } : {}),
    ...(o.legalRep ? { LEGAL_REP: person ? '' : (s.legalRepresentative ?? '') } : {}),
  }
}

/** Fine in 万元 as the catalog wants it (2000 yuan → '0.2'). */
export const yuanToWan = (yuan: number): string => String(yuan / 10_000)

export const yuanText = (yuan: number): string => yuan.toLocaleString('en-US')
