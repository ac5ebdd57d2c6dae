/**
 * An objection from both sides, in Chromium: a visitor finds a firm by a 2-character name, opens its
 * page, sees the 信用中国 tabs, files an objection with an evidence file, keeps the receipt and code,
 * and checks the status with them; the office (platform_admin) decides it in the console queue and
 * the public page loses the 异议处理中 mark. Also: a notice whose body holds <script> reads as text.
 * Screenshots go to test-artifacts/browser/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makeUscc } from '../../src/identifiers/index.ts'
import { penaltyRow } from '../../src/profiles/testing.ts'
import type { Actor } from '../../src/security/actor.ts'
import { fixedClock } from '../../src/clock.ts'
import { openPlatform } from '../../src/platform.ts'
import { DEMO_PASSWORD, startJourney, type Journey } from './browser-fixture.ts'

const FIRM = '新乡市瑞丰粮油有限公司'
const uscc = makeUscc({ authority: '9', category: '1', division: '410702', orgCodeBody8: 'MQ000888' })
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10)
const NOTICE_BODY = '为推进社会信用体系建设，现将有关事项通知如下。\n<script>window.__xss = 1</script>请各单位遵照执行。'

describe('an objection, filed on the site and decided in the console', { timeout: 60_000 }, () => {
  let journey: Journey
  let dir: string
  let evidencePath: string
  let noticeId: number
  const filed = { receipt: '', code: '' }
  let overdueReceipt: string

  beforeAll(async () => {
    journey = await startJourney('objection')
    const { platform } = journey
    const clerkUser = (await platform.access.listUsers({ type: 'system', name: 'test' })).find((u) => u.username === 'scjg.clerk')!
    const clerk: Actor = { type: 'user', id: clerkUser.id, username: clerkUser.username, displayName: clerkUser.displayName, departmentId: clerkUser.departmentId, departmentCode: clerkUser.departmentCode, roles: clerkUser.roles }
    const scjg = await platform.departments.get('SCJG')
    const penalty = penaltyRow('新市监罚〔2026〕31号', { CF_XDR_MC: FIRM, CF_XDR_SHXYM: uscc, CF_JDRQ: day(-20), CF_YXQ: day(300), CF_GSJZQ: day(300), CF_CFJG: scjg.name, CF_CFJGDM: scjg.uscc!, CF_SJLY: scjg.name, CF_SJLYDM: scjg.uscc! })
    const summary = await platform.collection.submitRecords(clerk, { category: 'XZCF', records: [penalty, { ...penalty, CF_WSH: '新市监罚〔2026〕32号' }] })
    expect(summary.rejected, JSON.stringify(summary.errors)).toBe(0)
    // An older objection about the other penalty, filed in January at the service counter through the same
    // services on a clock set back then: its working-day deadlines have long passed, so the office sees it
    // overdue. (On that clock the record was not yet public, which only the counter may object to.)
    const older = await platform.database.db.selectFrom('records').select('id').where('category', '=', 'XZCF').orderBy('id', 'desc').executeTakeFirstOrThrow()
    const january = await openPlatform(platform.config, { clock: fixedClock('2026-01-05T02:00:00.000Z') })
    try {
      overdueReceipt = (await january.objections.file({ type: 'system', name: 'service-counter' }, { subject: uscc, recordId: Number(older.id), applicant: { name: '瑞丰粮油', contact: '0373-5550100', relation: 'subject' }, grounds: '处罚金额有误' })).receiptNumber
    } finally {
      await january.close()
    }
    noticeId = (await platform.notices.create({ type: 'system', name: 'test' }, { category: 'news', title: '关于信用承诺工作的通知 <b>', source: '新乡市发展和改革委员会', body: NOTICE_BODY })).id
    dir = await mkdtemp(join(tmpdir(), 'xinyong-evidence-'))
    evidencePath = join(dir, '缴款凭证.pdf')
    await writeFile(evidencePath, '%PDF-1.4\n% evidence for the browser journey\n%%EOF\n')
  })
  afterAll(async () => {
    await journey?.close()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('lets a visitor find the firm, file an objection with evidence and check its status with the receipt', async () => {
    const { page, shot, context } = await journey.newPage()
    await page.goto('/')
    const box = page.getByLabel('搜索信用主体').first()
    await box.fill('瑞丰')
    await box.press('Enter')
    await page.getByRole('link', { name: FIRM }).click()
    await page.getByRole('heading', { level: 1, name: FIRM }).waitFor()
    const tabs = (await page.getByRole('tab').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())
    expect(tabs).toEqual(['行政许可 0', '行政处罚 2', '守信激励 0', '失信惩戒 0', '重点关注 0', '资质资格 0', '风险提示 0', '其他 0'])
    const card = page.locator('.record-card').filter({ hasText: '新市监罚〔2026〕31号' })
    await card.waitFor()
    await shot('subject')

    await card.getByRole('link', { name: /提出异议/ }).click()
    await page.getByRole('heading', { level: 1, name: '提出异议' }).waitFor()
    // The limits the API enforces are shown before any file is chosen.
    await page.getByText('单个不超过 10 MB，最多 10 个，合计不超过 30 MB').first().waitFor()
    await page.getByText(FIRM).first().waitFor()
    // A file of the wrong kind is named at once, before anything is sent.
    await page.getByLabel('证明材料').setInputFiles({ name: '说明.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ\x90\x00') })
    await page.getByRole('alert').filter({ hasText: '“说明.exe”不是 PDF、JPEG、PNG、OFD 文件' }).waitFor()
    await page.getByLabel('证明材料').setInputFiles(evidencePath)
    await expect.poll(() => page.getByRole('alert').count()).toBe(0)
    await page.getByLabel('申请人姓名或名称').fill('新乡市瑞丰粮油有限公司（法务部）')
    await page.getByLabel('联系方式').fill('0373-5550123')
    await page.getByLabel('异议理由').fill('该处罚已被复议机关撤销，见附件。')
    await shot('objection-form')
    await page.getByRole('button', { name: '提交异议' }).click()

    await page.locator('.receipt').waitFor()
    filed.receipt = (await page.locator('.receipt-number').innerText()).trim()
    filed.code = (await page.locator('.status-code').innerText()).trim()
    expect(filed.receipt).toMatch(/\S{6,}/)
    expect(filed.code.length).toBeGreaterThanOrEqual(16)
    await page.getByText('查询码只显示这一次').waitFor()
    await shot('receipt')

    // The subject's page now marks the record.
    await page.goto(`/subjects/${uscc}`)
    await page.locator('.record-card').filter({ hasText: '新市监罚〔2026〕31号' }).filter({ hasText: '异议处理中' }).waitFor()

    // Coming back with the receipt: the code travels in a POST body, never in the address.
    const statusCalls: string[] = []
    page.on('request', (r) => {
      if (r.url().includes('/objections/status')) statusCalls.push(`${r.method()} ${r.url()}`)
    })
    await page.getByRole('link', { name: '办理进度' }).click()
    await page.getByLabel('受理编号').fill(filed.receipt)
    await page.getByLabel('查询码').fill(filed.code)
    await page.getByRole('button', { name: /^查\s*询$/ }).click()
    await page.locator('.status-result [data-state="received"]').waitFor()
    await expect(page.locator('.status-result').innerText()).resolves.toContain('已受理，异议处理中')
    expect(statusCalls).toHaveLength(1)
    expect(statusCalls[0]).toMatch(/^POST .*\/api\/v1\/objections\/status$/)
    expect(page.url()).not.toContain(filed.code)
    await shot('status')
    await context.close()
  })

  it('lets the office decide the objection in the queue, after which the public page drops the mark', async () => {
    expect(filed.receipt, 'the visitor journey filed the objection').not.toBe('')
    const { page, shot, context } = await journey.newPage()
    await page.goto('/console')
    await page.getByLabel('用户名').fill('admin')
    await page.getByLabel('密码').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: /登\s*录/ }).click()
    // The dashboard lists the open objection with its working-day due date.
    const deadlines = page.locator('.deadlines-objections')
    await deadlines.getByText(filed.receipt).waitFor()
    // The January objection is overdue: red, marked, and counted.
    const late = deadlines.getByRole('row').filter({ hasText: overdueReceipt }).locator('.due.overdue')
    await expect(late.innerText()).resolves.toContain('已超期')
    expect(await late.evaluate((e) => (globalThis as unknown as { getComputedStyle(el: unknown): { color: string } }).getComputedStyle(e).color)).toBe('rgb(200, 22, 29)')
    expect(await deadlines.locator('.ant-statistic').filter({ hasText: '已超期' }).locator('.ant-statistic-content-value').innerText()).toBe('1')
    expect(await deadlines.getByRole('row').filter({ hasText: filed.receipt }).locator('.due.overdue').count()).toBe(0)
    await shot('office-dashboard')

    await page.getByRole('link', { name: '异议办理' }).click()
    const row = page.getByRole('row').filter({ hasText: filed.receipt })
    await row.waitFor()
    await page.getByRole('row').filter({ hasText: overdueReceipt }).locator('.due.overdue').waitFor()
    await row.getByRole('button', { name: filed.receipt }).click()
    const drawer = page.locator('.ant-drawer-content-wrapper')
    await drawer.getByText('该处罚已被复议机关撤销，见附件。').waitFor()
    await drawer.getByRole('link', { name: '缴款凭证.pdf' }).waitFor()
    await shot('office-objection')

    await drawer.getByRole('button', { name: '作出处理结果' }).click()
    const dialog = page.locator('.ant-modal').filter({ hasText: '处理意见' })
    await dialog.getByLabel('处理结果').click()
    await page.locator('.ant-select-item-option').filter({ hasText: '信息无误，撤销异议标注' }).click()
    await dialog.getByLabel('处理意见').fill('经核实，处罚决定有效，信息无误。')
    await shot('office-decide')
    await dialog.getByRole('button', { name: /确\s*定/ }).click()
    await drawer.locator('.ant-tag').filter({ hasText: '已办结' }).waitFor()
    await shot('office-decided')

    const visitor = await journey.newPage()
    await visitor.page.goto(`/subjects/${uscc}`)
    await visitor.page.getByRole('tab', { name: /行政处罚/ }).click()
    const card = visitor.page.locator('.record-card').filter({ hasText: '新市监罚〔2026〕31号' })
    await card.waitFor()
    expect(await card.innerText()).not.toContain('异议处理中')
    await visitor.shot('public-after-decision')
    await visitor.context.close()
    await context.close()
  })

  it('shows a notice whose body holds <script> as plain text', async () => {
    const { page, shot, context } = await journey.newPage()
    await page.goto('/')
    await page.locator('.latest-notices').getByRole('link', { name: '关于信用承诺工作的通知 <b>' }).click()
    await page.waitForURL(`**/notices/${noticeId}`)
    const body = page.locator('.notice-body')
    await body.getByText('<script>window.__xss = 1</script>请各单位遵照执行。').waitFor()
    expect(await body.locator('p').count()).toBe(2)
    expect(await page.locator('article script, article b').count()).toBe(0)
    expect(await page.evaluate('window.__xss')).toBeUndefined()
    await shot('notice')
    await context.close()
  })
})
