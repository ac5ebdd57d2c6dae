/**
 * An approval officer's journey in Chromium: a credit checker signs in, checks a firm on the
 * serious-dishonesty list for 政府采购 (ZFCG), sees the procurement ban with its legal basis and the
 * entry that triggered it, and records feedback. Screenshots go to test-artifacts/browser/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeUscc } from '../../src/identifiers/index.ts'
import type { Actor } from '../../src/security/actor.ts'
import { listRow } from '../../src/sanctions/testing.ts'
import { DEMO_PASSWORD, startJourney, type Journey } from './browser-fixture.ts'

const FIRM = '新乡市恒通建材有限公司'
const uscc = makeUscc({ authority: '9', category: '1', division: '410702', orgCodeBody8: 'MQ000999' })
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10)

describe('an officer runs a credit check', { timeout: 60_000 }, () => {
  let journey: Journey

  beforeAll(async () => {
    journey = await startJourney('officer')
    const { platform } = journey
    const clerkUser = (await platform.access.listUsers({ type: 'system', name: 'test' })).find((u) => u.username === 'scjg.clerk')!
    const clerk: Actor = { type: 'user', id: clerkUser.id, username: clerkUser.username, displayName: clerkUser.displayName, departmentId: clerkUser.departmentId, departmentCode: clerkUser.departmentCode, roles: clerkUser.roles }
    // The firm is listed, with the written pre-notice served before the listing took effect (河南条例 Art. 28).
    const summary = await platform.collection.submitRecords(clerk, { category: 'YZSXZT', records: [listRow('listed', { SUBJECT_NAME: FIRM, USCC: uscc, DECISION_NUMBER: '新市监严列〔2026〕9号', DECISION_DATE: day(-30), VALID_TO: day(1000) })] })
    expect(summary.rejected, JSON.stringify(summary.errors)).toBe(0)
    await platform.lists.recordPreNotice(clerk, { subject: uscc, category: 'YZSXZT', noticeNumber: '新市监告〔2026〕9号', servedOn: day(-40), delivery: '直接送达', basis: '《河南省社会信用条例》第二十八条', reasons: '提供虚假材料骗取许可', measures: '限制参加政府采购活动等' })
  })
  afterAll(async () => journey?.close())

  it('checks a black-listed firm for government procurement, sees the ban and its basis, and records feedback', async () => {
    const { page, shot, context } = await journey.newPage()
    await page.goto('/console')
    await page.getByLabel('用户名').fill('ggzy.checker')
    await page.getByLabel('密码').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: /登\s*录/ }).click()
    await page.getByRole('heading', { name: '工作台' }).waitFor()
    await page.getByRole('link', { name: '信用核查' }).click()
    await page.getByRole('heading', { name: '信用核查' }).waitFor()

    const matter = page.getByLabel('办理事项')
    await matter.click()
    await matter.fill('ZFCG')
    await page.locator('.ant-select-item-option[title="ZFCG · 政府采购"]').waitFor()
    await matter.press('Enter')
    await page.getByLabel('核查用途（所办业务）').fill('新乡市2026年办公家具采购项目投标资格审查')
    await page.getByLabel('统一社会信用代码等（每行一个）').fill(uscc)
    await shot('check-form')
    await page.getByRole('button', { name: /^核\s*查$/ }).click()

    await page.waitForURL(/\/console\/checks\/\d+$/)
    const result = page.locator(`.check-result[data-code="${uscc}"]`)
    await result.waitFor()
    await expect(result.innerText()).resolves.toContain(FIRM)
    await result.getByText('命中惩戒措施').waitFor()
    const ban = result.locator('[data-measure="LC01"]')
    await ban.waitFor()
    const banText = await ban.innerText()
    expect(banText).toContain('限制参加政府采购活动')
    expect(banText).toContain('《河南省社会信用条例》第三十四条；《中华人民共和国政府采购法》第二十二条')
    expect(banText).toMatch(/列入「[^」]+」（记录 \d+）/)
    await shot('check-result')

    // Feedback: the ban was applied (it is preselected as the measure).
    await result.getByRole('button', { name: '提交反馈' }).click()
    await result.getByText('反馈已记录').first().waitFor()
    await shot('feedback-recorded')
    const checks = await journey.platform.creditChecks.list({ type: 'system', name: 'test' }, { limit: 1 })
    expect(checks[0]).toMatchObject({ matter: { code: 'ZFCG' }, hits: 1, feedbackCount: 1, overdue: false })

    // The check history shows it with its feedback counted.
    await page.getByRole('link', { name: '信用核查' }).click()
    await page.getByRole('row').filter({ hasText: '办公家具采购项目' }).waitFor()
    await shot('check-history')

    // A batch from a CSV of codes: the listed firm is a hit, an unknown code is reported as not found.
    await matter.click()
    await matter.fill('ZTB')
    await page.locator('.ant-select-item-option[title="ZTB · 招标投标"]').waitFor()
    await matter.press('Enter')
    await page.getByLabel('核查用途（所办业务）').fill('道路维修工程招标资格审查')
    await page.getByRole('tab', { name: '上传 CSV（批量）' }).click()
    await page.getByLabel(/CSV 文件/).setInputFiles({ name: '投标人.csv', mimeType: 'text/csv', buffer: Buffer.from(`统一社会信用代码\r\n${uscc}\r\n91410700MA00000000\r\n`, 'utf8') })
    await page.getByRole('button', { name: /^核\s*查$/ }).click()
    await page.getByRole('heading', { name: /核查结果 #2/ }).waitFor()
    await page.locator(`.check-result[data-code="${uscc}"] [data-measure="LC02"]`).waitFor()
    expect(await page.locator('.check-result').count()).toBe(2)
    await page.locator('.check-result').filter({ hasText: '未找到' }).waitFor()
    await shot('csv-check')
    await context.close()
  })
})
