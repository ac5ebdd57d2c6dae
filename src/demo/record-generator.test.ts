/**
 * The demo records, without a store: every row passes the catalog's own row validator (no error,
 * no warning), names and codes are the generated subjects', dates fall in the four years before
 * the day given, penalties come in every tier, each department provides what it submits, the
 * output is the same on every run and per subject, and the featured cast plays each part once.
 */
import { describe, expect, it } from 'vitest'
import { baseCatalog, codeTables, findBaseItem } from '../catalog/base-catalog/index.ts'
import { createRowValidator } from '../collection/validate-row.ts'
import { addDays, addYears, type DemoBatch } from './demo-rows.ts'
import { castDemoSubjects, castIndexes } from './featured-cast.ts'
import { featuredRecords } from './featured-records.ts'
import { generateDemoRecords } from './record-generator.ts'
import { generateSubjects, type DemoSubject } from './subject-generator.ts'

const SEED = 20260101
const TODAY = '2026-03-02'
const subjects = [...generateSubjects({ seed: SEED, count: 1000 })]
const cast = castDemoSubjects(SEED, subjects, TODAY)
const generated = generateDemoRecords({ seed: SEED, subjects, today: TODAY, withoutPenalties: castIndexes(cast) })
const featured = featuredRecords(SEED, cast, TODAY)
const all: DemoBatch[] = [...generated, ...featured.batches]
const rowsOf = (category: string) => all.filter((b) => b.category === category).flatMap((b) => b.rows)

describe('demo records', () => {
  it('pass the catalog row validator with neither errors nor warnings', () => {
    const problems: string[] = []
    for (const b of all) {
      const definition = findBaseItem(b.category)!
      const headers = [...new Set(b.rows.flatMap((r) => Object.keys(r)))]
      const validator = createRowValidator({ definition, codeTables, headers, today: TODAY })
      expect(validator.headerIssues.filter((i) => i.severity === 'error')).toEqual([])
      b.rows.forEach((row, i) => {
        const outcome = validator.validate({ rowNumber: i + 1, values: headers.map((h) => row[h] ?? '') })
        const issues = outcome.ok ? [] : outcome.issues
        const warnings = outcome.ok ? outcome.record.warnings : outcome.warnings
        for (const issue of [...issues, ...warnings]) problems.push(`${b.category}/${b.department} row ${i + 1}: ${issue.code} ${issue.column} ${issue.message}`)
      })
    }
    expect(problems).toEqual([])
  })

  it('are submitted only by departments that provide the item', () => {
    for (const b of all) expect(findBaseItem(b.category)!.providers, `${b.category} by ${b.department}`).toContain(b.department)
  })

  it('name each subject as the subject generator does, under its own code', () => {
    const byCode = new Map<string, DemoSubject>()
    for (const s of subjects) byCode.set(s.uscc ?? s.residentId!, s)
    const nameAndCode: Array<[string, string, string?]> = [
      ['XZXK', 'XK_XDR_MC', 'XK_XDR_SHXYM'],
      ['XZCF', 'CF_XDR_MC', 'CF_XDR_SHXYM'],
      ['NSXYAJ', 'TAXPAYER_NAME', 'USCC'],
    ]
    let checked = 0
    for (const b of all) {
      const [, nameKey, usccKey] = nameAndCode.find(([c]) => c === b.category) ?? [b.category, 'SUBJECT_NAME', 'USCC']
      for (const row of b.rows) {
        const code = row[usccKey!] || row['XK_XDR_ZJHM'] || row['CF_XDR_ZJHM'] || row['ID_NUMBER']!
        expect(byCode.get(code)?.name, `${b.category} ${code}`).toBe(row[nameKey])
        checked++
      }
    }
    expect(checked).toBe(all.reduce((n, b) => n + b.rows.length, 0))
  })

  it('date licences and penalties in the four years before today, some ended and some in force', () => {
    const from = addYears(TODAY, -4)
    const licences = rowsOf('XZXK')
    const penalties = rowsOf('XZCF')
    for (const r of licences) expect(r['XK_JDRQ']! >= from && r['XK_JDRQ']! <= TODAY).toBe(true)
    for (const r of penalties) expect(r['CF_JDRQ']! >= from && r['CF_JDRQ']! <= TODAY).toBe(true)
    expect(licences.some((r) => r['XK_YXQZI']! < TODAY)).toBe(true)
    expect(licences.some((r) => r['XK_YXQZI']! >= TODAY)).toBe(true)
    expect(penalties.some((r) => r['CF_GSJZQ']! < TODAY)).toBe(true)
    expect(penalties.some((r) => r['CF_GSJZQ']! >= TODAY)).toBe(true)
  })

  it('penalise in every tier, across departments, and people too', () => {
    const penalties = rowsOf('XZCF')
    expect(penalties.some((r) => r['CF_CFLB'] === '警告')).toBe(true)
    expect(penalties.some((r) => r['CF_CFLB']!.startsWith('罚款'))).toBe(true)
    expect(penalties.some((r) => /吊销|停产停业/.test(r['CF_CFLB']!))).toBe(true)
    expect(penalties.some((r) => r['CF_XDR_LB'] === '自然人')).toBe(true)
    expect(new Set(generated.filter((b) => b.category === 'XZCF').map((b) => b.department)).size).toBeGreaterThanOrEqual(8)
    expect(new Set(generated.filter((b) => b.category === 'XZXK').map((b) => b.department)).size).toBeGreaterThanOrEqual(10)
  })

  it('are the same on every run, and a subject’s records do not depend on which others are generated with it', () => {
    expect(generateDemoRecords({ seed: SEED, subjects, today: TODAY })).toEqual(generateDemoRecords({ seed: SEED, subjects, today: TODAY }))
    const whole = generateDemoRecords({ seed: SEED, subjects: subjects.slice(0, 300), today: TODAY })
    const parts = [...generateDemoRecords({ seed: SEED, subjects: subjects.slice(0, 120), today: TODAY }), ...generateDemoRecords({ seed: SEED, subjects: subjects.slice(120, 300), today: TODAY })]
    const rows = (bs: DemoBatch[]) => bs.flatMap((b) => b.rows.map((r) => JSON.stringify([b.category, b.department, r]))).sort()
    expect(rows(parts)).toEqual(rows(whole))
    expect(featuredRecords(SEED, castDemoSubjects(SEED, subjects, TODAY), TODAY)).toEqual(featured)
  })

  it('gives the featured subjects no random penalties, so each plays one part', () => {
    const indexes = castIndexes(cast)
    const parts = Object.values(cast).reduce((n, ss: DemoSubject[]) => n + ss.length, 0)
    expect(indexes.size).toBe(parts)
    const penalised = new Set(generated.filter((b) => b.category === 'XZCF').flatMap((b) => b.rows.map((r) => r['CF_XDR_SHXYM'] || r['CF_XDR_ZJHM'])))
    for (const s of subjects.filter((x) => indexes.has(x.index))) {
      expect(penalised.has(s.uscc ?? s.residentId)).toBe(false)
      expect(s.status).toBe('active')
      // Existed before its oldest featured fact (a listing two years back).
      if (s.establishedOn) expect(s.establishedOn <= addDays(TODAY, -800)).toBe(true)
    }
  })

  it('serves each listed firm its pre-notice before the listing, and keeps the entries in force', () => {
    const listings = rowsOf('YZSXZT')
    for (const p of featured.preNotices) {
      const entry = listings.find((r) => r['USCC'] === p.subject)!
      expect(p.servedOn < entry['DECISION_DATE']!).toBe(true)
    }
    const inForce = listings.filter((r) => r['LIST_STATUS'] === '列入' && r['VALID_TO']! > TODAY)
    expect(inForce.length).toBe(cast.listed.length + cast.awaitingNotice.length)
    expect(featured.preNotices.map((p) => p.subject)).toEqual([...cast.listed, ...cast.delisted].map((s) => s.uscc))
  })

  it('covers every catalog item it names', () => {
    const categories = new Set(all.map((b) => b.category))
    expect([...categories].sort()).toEqual(['BZRY', 'JYYCML', 'NSXYAJ', 'SHTZXY', 'SXBZXR', 'XYCN', 'XZCF', 'XZXK', 'YZSXZT'])
    for (const c of categories) expect(baseCatalog.map((i) => i.code)).toContain(c)
  })
})
