/**
 * A clerk's journey in the console in Chromium: sign in, upload a CSV with bad rows, read the
 * validation report, download the error file (its content checked), then find the batch on the
 * dashboard and in the batch history. Screenshots go to test-artifacts/browser/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { makeUscc } from '../../src/identifiers/index.ts'
import { penaltyRow } from '../../src/profiles/testing.ts'
import { artifacts, DEMO_PASSWORD, startJourney, type Journey } from './browser-fixture.ts'

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10)
const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)

describe('a clerk in the console', { timeout: 60_000 }, () => {
  let journey: Journey
  let csv: string

  beforeAll(async () => {
    journey = await startJourney('clerk')
    const { platform } = journey
    const scjg = await platform.departments.get('SCJG')
    const fields = (await platform.catalog.get('XZCF')).definition.fields
    const header = (key: string) => fields.find((f) => f.key === key)!.name
    const firm = (n: number) => makeUscc({ authority: '9', category: '1', division: '410702', orgCodeBody8: `MQ10000${n}` })
    const row = (n: number, o: Record<string, string> = {}) =>
      penaltyRow(`新市监罚〔2026〕10${n}号`, { CF_XDR_MC: `新乡市上传测试${n}号商贸有限公司`, CF_XDR_SHXYM: firm(n), CF_JDRQ: day(-5), CF_YXQ: day(360), CF_GSJZQ: day(360), CF_CFJG: scjg.name, CF_CFJGDM: scjg.uscc!, CF_SJLY: scjg.name, CF_SJLYDM: scjg.uscc!, ...o })
    const rows = [row(1), row(2, { CF_JDRQ: '2026-02-30' }), row(3, { CF_WSH: '' })]
    const keys = Object.keys(rows[0]!)
    csv = [keys.map(header), ...rows.map((r) => keys.map((k) => r[k] ?? ''))].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n'
  })
  afterAll(async () => journey?.close())

  it('signs in, uploads a CSV with bad rows, reads the report and downloads the error file', async () => {
    const { page, shot, context } = await journey.newPage()
    await page.goto('/console')
    await page.getByLabel('用户名').fill('scjg.clerk')
    await page.getByLabel('密码').fill(DEMO_PASSWORD)
    await shot('sign-in')
    await page.getByRole('button', { name: /登\s*录/ }).click()
    await page.getByRole('heading', { name: '工作台' }).waitFor()
    await shot('dashboard-before')

    // The catalog, and a submission template straight from it.
    await page.getByRole('link', { name: '信用信息目录' }).click()
    await page.getByRole('row').filter({ hasText: 'XZCF' }).first().waitFor()
    const [template] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '行政处罚 CSV' }).click()])
    const templatePath = join(artifacts, `clerk-${template.suggestedFilename()}`)
    await template.saveAs(templatePath)
    expect((await readFile(templatePath, 'utf8')).split(/\r?\n/)[0]).toContain('行政处罚决定书文号')
    await shot('catalog')

    await page.getByRole('link', { name: '上传报送' }).click()
    await page.getByRole('heading', { name: '上传报送' }).waitFor()
    const category = page.getByLabel('目录项')
    await category.click()
    await category.fill('XZCF')
    // antd keeps a hidden accessible option list beside the visible one; wait for the visible, choose with the keyboard.
    await page.locator('.ant-select-item-option[title="XZCF · 行政处罚"]').waitFor()
    await category.press('Enter')
    await page.locator('.ant-select-content, .ant-select-selection-item').filter({ hasText: 'XZCF · 行政处罚' }).first().waitFor()
    await page.getByLabel('报送文件（CSV 或 XLSX）').setInputFiles({ name: '行政处罚-三月.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') })
    await shot('upload-form')
    await page.getByRole('button', { name: '上传并校验' }).click()

    const report = page.locator('.batch-report')
    await report.waitFor()
    const stat = async (name: string) => (await report.locator(`[data-stat="${name}"] .ant-statistic-content-value`).innerText()).trim()
    expect([await stat('received'), await stat('accepted'), await stat('rejected')]).toEqual(['3', '1', '2'])
    const issues = report.locator('tbody tr')
    const issueText = (await issues.allInnerTexts()).join('\n')
    expect(issueText).toContain('2026-02-30')
    expect(issueText).toContain('行政处罚决定书文号')
    await shot('report')

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载退回数据（CSV）' }).click()])
    expect(download.suggestedFilename()).toMatch(/^退回数据-批次\d+\.csv$/)
    const saved = join(artifacts, `clerk-${download.suggestedFilename()}`)
    await download.saveAs(saved)
    const lines = (await readFile(saved, 'utf8')).replace(/^\uFEFF/, '').trim().split(/\r\n/)
    expect(lines).toHaveLength(3)
    expect(lines[0]).toContain('行政处罚决定书文号')
    expect(lines[0]).toMatch(/原行号,错误字段,错误代码,错误说明,Error \(English\)$/)
    expect(lines[1]).toContain('新乡市上传测试2号商贸有限公司')
    expect(lines[1]).toContain('2026-02-30')
    expect(lines[1]).toContain('处罚决定日期')
    expect(lines[2]).toContain('新乡市上传测试3号商贸有限公司')
    expect(lines.join('\n')).not.toContain('新乡市上传测试1号商贸有限公司')

    await page.getByRole('link', { name: '工作台' }).click()
    const rejectedToday = page.locator('.ant-statistic').filter({ hasText: '退回记录' }).locator('.ant-statistic-content-value')
    await expect.poll(() => rejectedToday.innerText()).toBe('2')
    await page.locator('[role="img"] svg').waitFor()
    await page.waitForTimeout(500) // the chart's entry animation, for the screenshot
    await shot('dashboard-after')

    await page.getByRole('link', { name: '报送批次' }).click()
    const batchLink = page.getByRole('row').filter({ hasText: '行政处罚-三月.csv' }).getByRole('link')
    await batchLink.click()
    await page.getByRole('heading', { name: /^批次 \d+$/ }).waitFor()
    await page.locator('.batch-report tbody tr').first().waitFor()
    expect(await page.locator('.batch-report tbody tr').count()).toBeGreaterThanOrEqual(2)
    await shot('batch-history')

    // Signed in or not, the public site asks the API as the public: its calls carry no session cookie.
    const publicCalls: Array<Promise<Record<string, string>>> = []
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/')) publicCalls.push(r.allHeaders())
    })
    await page.goto('/search?q=%E4%B8%8A%E4%BC%A0%E6%B5%8B%E8%AF%95')
    await page.getByRole('link', { name: '新乡市上传测试1号商贸有限公司' }).waitFor()
    const headers = await Promise.all(publicCalls)
    expect(headers.length).toBeGreaterThan(0)
    expect(headers.every((h) => !h.cookie?.includes('xinyong_session'))).toBe(true)
    // …while the console's calls do carry it.
    publicCalls.length = 0
    await page.goto('/console/batches')
    await page.getByRole('row').filter({ hasText: '行政处罚-三月.csv' }).waitFor()
    expect((await Promise.all(publicCalls)).some((h) => h.cookie?.includes('xinyong_session'))).toBe(true)

    // A session that ends (here: signed out elsewhere) brings the sign-in form back on the next call.
    expect((await page.request.delete('/api/v1/session')).status()).toBe(204)
    await page.getByRole('link', { name: '工作台' }).click()
    await page.getByLabel('用户名').waitFor()
    await context.close()
  })
})
