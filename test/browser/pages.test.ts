/**
 * The rest of the site and console in Chromium, page by page: list pages with their filters, public
 * commitments, a repair application (eligibility first, then the form, then the receipt), and the
 * office's console pages — the repair queue asking once for missing materials (which the applicant
 * sends from the status page), lists, measures, departments, users, an API key shown once, the audit
 * and query logs, and the notice editor whose article appears on the public site.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeUscc } from '../../src/identifiers/index.ts'
import { penaltyRow } from '../../src/profiles/testing.ts'
import type { Actor } from '../../src/security/actor.ts'
import { commitmentRow, listRow } from '../../src/sanctions/testing.ts'
import { DEMO_PASSWORD, startJourney, type Journey } from './browser-fixture.ts'

const LISTED = '新乡市金穗面业有限公司'
const PENALISED = '新乡市青禾饮品有限公司'
const code = (n: string) => makeUscc({ authority: '9', category: '1', division: '410702', orgCodeBody8: `MQ00${n}` })
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10)

describe('the other pages of the site and the console', { timeout: 90_000 }, () => {
  let journey: Journey
  const repair = { receipt: '', code: '' }

  beforeAll(async () => {
    journey = await startJourney('pages')
    const { platform } = journey
    const u = (await platform.access.listUsers({ type: 'system', name: 'test' })).find((x) => x.username === 'scjg.clerk')!
    const clerk: Actor = { type: 'user', id: u.id, username: u.username, displayName: u.displayName, departmentId: u.departmentId, departmentCode: u.departmentCode, roles: u.roles }
    const scjg = await platform.departments.get('SCJG')
    const submit = async (category: string, rows: Array<Record<string, string>>) => {
      const s = await platform.collection.submitRecords(clerk, { category, records: rows })
      expect(s.rejected, JSON.stringify(s.errors)).toBe(0)
    }
    await submit('YZSXZT', [listRow('listed', { SUBJECT_NAME: LISTED, USCC: code('1001'), DECISION_NUMBER: '新市监严列〔2026〕21号', DECISION_DATE: day(-30), VALID_TO: day(900) })])
    await platform.lists.recordPreNotice(clerk, { subject: code('1001'), category: 'YZSXZT', noticeNumber: '新市监告〔2026〕21号', servedOn: day(-40), delivery: '邮寄送达', basis: '《河南省社会信用条例》第二十八条', reasons: '提供虚假材料骗取许可', measures: '限制参加政府采购活动等' })
    await submit('XYCN', [commitmentRow('clean', 'CN-2026-021', { SUBJECT_NAME: '新乡市承诺示范有限公司', USCC: code('1002'), COMMITMENT_DATE: day(-10), COMMITMENT_TERM: day(170) })])
    // Two penalties of one firm: one whose minimum publicity period has passed (repairable now), one too recent.
    const penalty = (n: string, decided: string) => penaltyRow(`新市监罚〔2026〕${n}号`, { CF_XDR_MC: PENALISED, CF_XDR_SHXYM: code('1003'), CF_JDRQ: decided, CF_YXQ: day(300), CF_GSJZQ: day(300), CF_CFJG: scjg.name, CF_CFJGDM: scjg.uscc!, CF_SJLY: scjg.name, CF_SJLYDM: scjg.uscc! })
    await submit('XZCF', [penalty('77', day(-150)), penalty('78', day(-10))])
    await platform.search.indexPending()
  })
  afterAll(async () => journey?.close())

  it('shows the list pages with filters, and the public commitments', async () => {
    const { page, shot, context } = await journey.newPage()
    await page.goto('/')
    await page.locator('.latest-black').getByText(LISTED).waitFor()
    await page.getByRole('link', { name: '红黑名单' }).click()
    await page.getByRole('heading', { level: 1, name: '严重失信主体名单' }).waitFor()
    await page.getByRole('row').filter({ hasText: LISTED }).waitFor()
    await shot('black-list')
    await page.getByLabel('主体名称').fill('不存在的名字')
    await page.getByLabel('主体名称').press('Enter')
    await page.getByText('暂无名单记录').waitFor()
    expect(page.url()).toContain('q=')
    await page.getByText('近 90 天移出').click()
    await page.waitForURL(/status=exits/)
    await page.getByRole('link', { name: '红名单', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: '红名单' }).waitFor()
    await page.getByRole('link', { name: '信用承诺' }).click()
    await page.getByRole('row').filter({ hasText: '新乡市承诺示范有限公司' }).filter({ hasText: '履行中' }).waitFor()
    await shot('commitments')
    await context.close()
  })

  it('takes a repair application: eligibility first, then the form with materials, then the receipt', async () => {
    const { page, shot, context } = await journey.newPage()
    await page.goto(`/subjects/${code('1003')}`)
    // Too recent: the conditions say when, and there is no form.
    await page.locator('.record-card').filter({ hasText: '78号' }).getByRole('link', { name: /申请信用修复/ }).click()
    await page.locator('.repair-eligibility').getByText('暂不能申请').waitFor()
    await expect(page.locator('.repair-eligibility').innerText()).resolves.toContain('最短公示期未满')
    expect(await page.getByRole('button', { name: '提交申请' }).count()).toBe(0)
    await shot('repair-not-yet')
    await page.goBack()
    await page.locator('.record-card').filter({ hasText: '77号' }).getByRole('link', { name: /申请信用修复/ }).click()
    const conditions = page.locator('.repair-eligibility')
    await conditions.waitFor()
    await expect(conditions.innerText()).resolves.toContain('新乡市市场监督管理局')
    await expect(conditions.innerText()).resolves.toContain('可以申请')
    await shot('repair-eligibility')
    await page.getByLabel('申请人姓名或名称').fill(PENALISED)
    await page.getByLabel('联系方式').fill('0373-5550999')
    await page.getByLabel('履行义务情况').fill('罚款已于上月全额缴纳，整改已完成。')
    await page.getByRole('checkbox', { name: /已履行/ }).check()
    await page.getByRole('checkbox', { name: /已阅读并作出上述承诺/ }).check()
    await page.getByLabel('证明材料（缴款凭证、整改报告等）').setInputFiles({ name: '罚款缴纳凭证.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') })
    await page.getByRole('button', { name: '提交申请' }).click()
    await page.locator('.receipt').waitFor()
    await expect(page.locator('.receipt').innerText()).resolves.toContain('新乡市市场监督管理局')
    repair.receipt = (await page.locator('.receipt-number').innerText()).trim()
    repair.code = (await page.locator('.status-code').innerText()).trim()
    await shot('repair-receipt')
    await context.close()
  })

  it('opens the office’s console pages, asks for repair materials, issues an API key shown once and publishes a notice', async () => {
    const { page, shot, context } = await journey.newPage()
    await page.goto('/console')
    await page.getByLabel('用户名').fill('admin')
    await page.getByLabel('密码').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: /登\s*录/ }).click()
    await page.locator('.deadlines-repairs tbody tr').first().waitFor()

    // The department asks once for what is missing; the applicant sends it from the status page.
    await page.getByRole('link', { name: '信用修复' }).click()
    await page.getByRole('row').filter({ hasText: repair.receipt }).getByRole('button', { name: repair.receipt }).click()
    await page.locator('.ant-drawer-content-wrapper').getByRole('button', { name: '一次性告知补正材料' }).click()
    const ask = page.locator('.ant-modal').filter({ hasText: '所缺材料' })
    await ask.getByLabel('所缺材料（每行一项）').fill('整改完成报告')
    await ask.getByRole('button', { name: /确\s*定/ }).click()
    await page.locator('.ant-drawer-content-wrapper .ant-tag').filter({ hasText: '待补正材料' }).waitFor()
    await page.locator('.ant-drawer-close').click()
    const applicant = await journey.newPage()
    await applicant.page.goto('/status?type=repair')
    await applicant.page.getByLabel('受理编号').fill(repair.receipt)
    await applicant.page.getByLabel('查询码').fill(repair.code)
    await applicant.page.getByRole('button', { name: /^查\s*询$/ }).click()
    await applicant.page.locator('.status-result').getByText('整改完成报告').waitFor()
    await applicant.page.getByLabel('补正材料').setInputFiles({ name: '整改完成报告.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') })
    await applicant.page.getByRole('button', { name: '提交补正材料' }).click()
    await applicant.page.locator('.status-result [data-state="resubmitted"]').waitFor()
    await applicant.shot('repair-resubmitted')
    await applicant.context.close()
    await page.getByRole('link', { name: '名单管理' }).click()
    await page.getByRole('row').filter({ hasText: LISTED }).waitFor()
    await page.getByRole('tab', { name: '事先告知' }).click()
    await page.getByRole('row').filter({ hasText: '新市监告〔2026〕21号' }).waitFor()
    await page.getByRole('link', { name: '事项与奖惩措施' }).click()
    await page.getByRole('row').filter({ hasText: 'LC01' }).getByRole('button', { name: /编\s*辑/ }).waitFor()
    await page.getByRole('link', { name: '部门', exact: true }).click()
    await page.getByRole('row').filter({ hasText: 'SCJG' }).waitFor()
    await page.getByRole('link', { name: '用户', exact: true }).click()
    const checkerRow = page.getByRole('row').filter({ hasText: 'ggzy.checker' })
    await checkerRow.waitFor()
    await shot('console-users')
    // The office disables an account (its sign-in ends at once) and enables it again.
    await checkerRow.getByRole('button', { name: /停\s*用/ }).click()
    await page.locator('.ant-modal').filter({ hasText: '停用用户 ggzy.checker' }).getByRole('button', { name: /确\s*定/ }).click()
    await checkerRow.getByRole('button', { name: /启\s*用/ }).waitFor()
    await expect(checkerRow.innerText()).resolves.toContain('停用')
    await shot('console-user-disabled')
    await checkerRow.getByRole('button', { name: /启\s*用/ }).click()
    await page.locator('.ant-modal').filter({ hasText: '启用用户 ggzy.checker' }).getByRole('button', { name: /确\s*定/ }).click()
    await checkerRow.getByRole('button', { name: /停\s*用/ }).waitFor()

    await page.getByRole('link', { name: 'API 密钥' }).click()
    await page.getByRole('button', { name: '签发密钥' }).click()
    const modal = page.locator('.ant-modal').filter({ hasText: '签发 API 密钥' })
    await modal.getByLabel('用途名称').fill('市监局业务系统')
    const department = modal.getByLabel('部门')
    await department.click()
    await department.fill('SCJG')
    await page.locator('.ant-select-item-option').filter({ hasText: 'SCJG' }).first().waitFor()
    await department.press('Enter')
    await modal.getByLabel('角色').click()
    await page.locator('.ant-select-item-option').filter({ hasText: '部门报送员' }).click()
    await modal.locator('.ant-modal-title').click() // closes the multiple select's open list
    await modal.getByRole('button', { name: /签\s*发/ }).click()
    const secret = (await page.locator('.api-key-secret').innerText()).trim()
    expect(secret).toMatch(/^xy_/)
    await page.getByRole('row').filter({ hasText: '市监局业务系统' }).waitFor()
    await shot('api-key-issued')
    // Shown once: after a reload the list has the key's prefix, never the secret.
    await page.reload()
    await page.getByRole('row').filter({ hasText: '市监局业务系统' }).waitFor()
    expect(await page.content()).not.toContain(secret)

    await page.getByRole('link', { name: '审计日志' }).click()
    await page.getByRole('row').filter({ hasText: 'api_key' }).first().waitFor()
    await page.getByRole('button', { name: '校验审计链' }).click()
    await page.getByText(/审计链完整/).waitFor()
    await page.getByRole('link', { name: '查询记录' }).click()
    await page.getByLabel('信用主体代码').fill(code('1001'))
    await page.getByLabel('信用主体代码').press('Enter')
    await page.locator('.ant-table').waitFor()

    await page.getByRole('link', { name: '政策与动态' }).click()
    await page.getByRole('button', { name: '发布文章' }).click()
    const editor = page.locator('.ant-modal').filter({ hasText: '正文' })
    await editor.getByLabel('栏目').click()
    await page.locator('.ant-select-item-option').filter({ hasText: '信用政策' }).click()
    await editor.getByLabel('标题').fill('新乡市公共信用信息管理办法')
    await editor.getByLabel('正文（纯文本，每行一段）').fill('第一条 为规范公共信用信息管理，制定本办法。\n第二条 本办法适用于本市行政区域。')
    await editor.getByRole('button', { name: '保存并发布' }).click()
    await page.getByRole('row').filter({ hasText: '新乡市公共信用信息管理办法' }).filter({ hasText: '已发布' }).waitFor()
    await shot('notices-editor')

    const visitor = await journey.newPage()
    await visitor.page.goto('/policy')
    await visitor.page.getByRole('link', { name: '新乡市公共信用信息管理办法' }).click()
    await visitor.page.locator('.notice-body p').nth(1).waitFor()
    expect(await visitor.page.locator('.notice-body p').allInnerTexts()).toEqual(['第一条 为规范公共信用信息管理，制定本办法。', '第二条 本办法适用于本市行政区域。'])
    await visitor.shot('policy-article')
    await visitor.context.close()
    await context.close()
  })
})
