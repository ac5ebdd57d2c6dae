/**
 * The built-in publicity rules, version 1: the national tiers of 国办发〔2025〕22号 and the NDRC
 * 《信用修复管理办法》 (in force 2026-04-01), penalty categories as SAMR令第45号 and 第107号 read them,
 * and the Henan ceiling (河南条例 Art. 19). Effective from long before any record, so every date
 * has a set in force; the platform office installs later versions as data.
 */
import type { PublicityRuleSet, TierRule } from './rule-set.ts'

/** Penalty category codes (code table penalty_category). */
const C = {
  warning: '010101', // 警告
  criticism: '010102', // 通报批评
  fine: '010103', // 罚款
  confiscateGains: '010104', // 没收违法所得
  confiscateProperty: '010105', // 没收非法财物
  suspendLicence: '010106', // 暂扣许可证件
  downgrade: '010107', // 降低资质等级
  revokeLicence: '010108', // 吊销许可证件（含吊销营业执照）
  restrictBusiness: '010109', // 限制开展生产经营活动
  suspendBusiness: '010110', // 责令停产停业
  closure: '010111', // 责令关闭
  restrictPractice: '010112', // 限制从业
  detention: '010113', // 行政拘留
  other: '010199', // 其他
} as const

export const nationalTierRules: TierRule[] = [
  {
    tier: 'serious',
    when: { anyOf: [C.revokeLicence, C.suspendBusiness, C.closure, C.restrictPractice, C.restrictBusiness, C.downgrade] },
    label: '吊销许可证件（营业执照）、责令停产停业、责令关闭、限制从业、限制开展生产经营活动、降低资质等级：严重失信',
    labelEn: 'Licence revocation, suspension or closure orders, practice or business restrictions, downgrades: serious',
  },
  {
    tier: 'general',
    when: { anyOf: [C.suspendLicence, C.fine, C.confiscateGains, C.confiscateProperty, C.detention, C.other] },
    label: '暂扣许可证件、罚款、没收违法所得或非法财物等：一般失信',
    labelEn: 'Licence suspension, fines, confiscation and the like: general',
  },
  {
    tier: 'minor',
    when: { allIn: [C.warning, C.criticism] },
    label: '仅警告、通报批评：轻微失信，不予公示',
    labelEn: 'Only a warning or public criticism: minor, not published',
  },
]

export const builtInRuleSet: PublicityRuleSet = {
  version: 1,
  name: '国家失信信息分级公示规则（2025）与河南省最长公开期限',
  effectiveFrom: '2000-01-01',
  legalBasis:
    '国办发〔2025〕22号《关于进一步完善信用修复制度的实施方案》；国家发展改革委《信用修复管理办法》（2026年4月1日起施行）；' +
    '《市场监督管理行政处罚信息公示规定》（国家市场监督管理总局令第45号）；《市场监督管理信用修复管理办法》（国家市场监督管理总局令第107号）；' +
    '《河南省社会信用条例》第十九条',
  tiers: {
    minor: { published: false, minimumMonths: 0, maximumMonths: 0, earlyEnd: true },
    general: { published: true, minimumMonths: 3, maximumMonths: 12, earlyEnd: true },
    serious: { published: true, minimumMonths: 12, maximumMonths: 36, earlyEnd: true },
  },
  tierRules: nationalTierRules,
  departmentTierRules: {},
  neverEarlyEnd: {
    categories: [C.suspendBusiness, C.restrictBusiness, C.restrictPractice, C.downgrade, C.revokeLicence],
    legalBasis: '《市场监督管理行政处罚信息公示规定》（国家市场监督管理总局令第45号）：责令停产停业、限制开展生产经营活动、限制从业、降低资质等级、吊销许可证件、吊销营业执照的处罚信息不得提前停止公示',
  },
  ceiling: { years: 5, legalBasis: '《河南省社会信用条例》第十九条：失信信息公开期限最长5年，期满转为档案保存；仍在联合惩戒名单内的，公开至移出之日' },
  honourProviderEnd: true,
  items: {},
  createdBy: 'system:built-in',
  createdAt: '2026-01-01T00:00:00.000Z',
}
