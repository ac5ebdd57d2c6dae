/**
 * A visitor's journey on 信用新乡 in Chromium: the home page with its figures, a 2-character search,
 * the subject's page with the 信用中国 tabs and their counts, a penalty whose text holds `<script>`
 * shown as text, and the English switch. Screenshots go to test-artifacts/browser/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeUscc } from '../../src/identifiers/index.ts'
import { penaltyRow } from '../../src/profiles/testing.ts'
import type { Actor } from '../../src/security/actor.ts'
import { startJourney, type Journey } from './browser-fixture.ts'

const FIRM = '新乡市鹤鸣瓷业有限公司'
const uscc = makeUscc({ authority: '9', category: '1', division: '410702', orgCodeBody8: 'MQ000777' })
const SCRIPT_TEXT = '经查，当事人<script>window.__xss = 1</script>销售不合格瓷器。'

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10)

describe('a visitor on the public site', { timeout: 60_000 }, () => {
  let journey: Journey

  beforeAll(async () => {
    journey = await startJourney('visitor')
    const { platform } = journey
    const clerkUser = (await platform.access.listUsers({ type: 'system', name: 'test' })).find((u) => u.username === 'scjg.clerk')!
    const clerk: Actor = { type: 'user', id: clerkUser.id, username: clerkUser.username, displayName: clerkUser.displayName, departmentId: clerkUser.departmentId, departmentCode: clerkUser.departmentCode, roles: clerkUser.roles }
    const scjg = await platform.departments.get('SCJG')
    // Dates around today: the public sees records inside their publicity window, on the real clock the browser shares.
    const penalty = (n: number, o: Record<string, string> = {}) =>
      penaltyRow(`新市监罚〔2026〕${n}号`, { CF_XDR_MC: FIRM, CF_XDR_SHXYM: uscc, CF_JDRQ: day(-30), CF_YXQ: day(300), CF_GSJZQ: day(300), CF_CFJG: scjg.name, CF_CFJGDM: scjg.uscc!, CF_SJLY: scjg.name, CF_SJLYDM: scjg.uscc!, ...o })
    const penalties = await platform.collection.submitRecords(clerk, { category: 'XZCF', records: [penalty(1, { CF_SY: SCRIPT_TEXT }), penalty(2)] })
    expect(penalties.rejected, JSON.stringify(penalties.errors)).toBe(0)
    const licence = await platform.collection.submitRecords(clerk, {
      category: 'XZXK',
      records: [
        {
          XK_XDR_MC: FIRM, XK_XDR_LB: '法人及非法人组织', XK_XDR_SHXYM: uscc, XK_FRDB: '赵敏', XK_FR_ZJLX: '01', XK_FR_ZJHM: '11010519491231002X', XK_ZT: '有效', XK_XKWS: '食品经营许可决定书', XK_WSH: '新市监许〔2026〕8号',
          XK_XKLB: '普通', XK_NR: '准予食品经营许可', XK_JDRQ: day(-10), XK_YXQZ: day(-10), XK_YXQZI: day(1000), XK_XKJG: scjg.name, XK_XKJGDM: scjg.uscc!, XK_LYDW: scjg.name, XK_LYDWDM: scjg.uscc!,
        },
      ],
    })
    expect(licence.rejected, JSON.stringify(licence.errors)).toBe(0)
    platform.statistics.forgetCollection()
  })
  afterAll(async () => journey?.close())

  it('searches a 2-character name, opens the subject and sees the tabs with their counts', async () => {
    const { page, shot, context } = await journey.newPage()
    await page.goto('/')
    await expect(page.getByRole('heading', { level: 1, name: '信用新乡' }).isVisible()).resolves.toBe(true)
    // The figures and the lazily loaded charts (SVG) of what has been collected.
    await page.getByText('在库公开信用记录').waitFor()
    await page.locator('[role="img"] svg').first().waitFor()
    expect(await page.locator('.ant-statistic-content-value').first().innerText()).toBe('3')
    await page.waitForTimeout(500) // the charts' entry animation, for the screenshot
    await shot('home')

    const box = page.getByRole('searchbox', { name: '搜索信用主体' }).or(page.getByLabel('搜索信用主体'))
    await box.first().fill('鹤鸣')
    await box.first().press('Enter')
    await page.waitForURL(/\/search\?q=/)
    const result = page.getByRole('link', { name: FIRM })
    await result.waitFor()
    expect(await page.getByText(`统一社会信用代码：${uscc}`).isVisible()).toBe(true)
    await shot('search-results')

    await result.click()
    await page.waitForURL(`**/subjects/${uscc}`)
    await page.getByRole('heading', { level: 1, name: FIRM }).waitFor()
    const tabs = page.getByRole('tab')
    await tabs.first().waitFor()
    const labels = (await tabs.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())
    expect(labels).toEqual(['行政许可 1', '行政处罚 2', '守信激励 0', '失信惩戒 0', '重点关注 0', '资质资格 0', '风险提示 0', '其他 0'])
    // The first tab with records is open: the licence, with its source department and dates.
    const licence = page.locator('.record-card').first()
    await expect(licence.innerText()).resolves.toContain('准予食品经营许可')
    await expect(licence.innerText()).resolves.toContain('数据来源：新乡市市场监督管理局')
    await expect(licence.innerText()).resolves.toContain(`决定日期：${day(-10)}`)
    await shot('subject-licensing')

    await page.getByRole('tab', { name: /行政处罚/ }).click()
    const penaltyPanel = page.getByRole('tabpanel').filter({ hasText: '新市监罚〔2026〕1号' })
    await penaltyPanel.waitFor()
    // The record's text arrives as text: the <script> is visible characters, never an element, and never ran.
    await page.getByText(SCRIPT_TEXT).waitFor()
    expect(await penaltyPanel.locator('script').count()).toBe(0)
    expect(await page.evaluate('window.__xss')).toBeUndefined()
    // Fields in catalog order with their Chinese headers; coded values by their labels (010103 is 罚款).
    await expect.poll(() => penaltyPanel.locator('dt:has-text("处罚类别") + dd').first().innerText()).toBe('罚款')
    await shot('subject-penalties')

    await page.getByRole('button', { name: /Switch to English/ }).click()
    await page.getByRole('tab', { name: /Penalties/ }).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    await shot('subject-english')
    await context.close()
  })

  it('fits a phone screen and works from the keyboard', async () => {
    const { page, shot, context } = await journey.newPage({ viewport: { width: 390, height: 844 } })
    await page.goto('/')
    const box = page.getByLabel('搜索信用主体').first()
    await box.waitFor()
    // The search box has the focus on arrival; typing and Enter search.
    await page.keyboard.type('瓷业')
    expect(await box.inputValue()).toBe('瓷业')
    await page.keyboard.press('Enter')
    await page.getByRole('link', { name: FIRM }).waitFor()
    const width = Number(await page.evaluate('document.documentElement.scrollWidth'))
    expect(width).toBeLessThanOrEqual(390)
    await shot('phone-search')
    await context.close()
  })
})
