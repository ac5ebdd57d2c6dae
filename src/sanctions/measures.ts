/**
 * The measure catalog (奖惩措施清单): what an office does for a trustworthy subject or against a
 * dishonest one, on which matters, on what legal basis, triggered by which lists or records. The
 * built-in set follows 《河南省社会信用条例》 Arts. 30 (red-list incentives), 32 (measures for
 * dishonesty information) and 34 (joint punishment list), in the three parts of the national basic
 * list of punishment measures (imposed by law / management measures / market and social). Data;
 * the platform office edits it through versions.
 */
import type { Tier } from '../catalog/catalog.ts'

export type ListKind = 'red' | 'focus' | 'black'
export type MeasureEffect = 'incentive' | 'punishment'
/** The national basic list's three parts (失信惩戒措施基础清单). */
export type MeasurePart = 'legal' | 'management' | 'market'

/** What sets a measure off. Any one satisfied clause triggers it. */
export interface MeasureTrigger {
  /** An entry in force on a list of this kind (any catalog item with that listKind)… */
  lists?: ListKind[]
  /** …narrowed to these catalog items when given (e.g. high-consumption limits: court defaulters only). */
  items?: string[]
  /** A negative record of one of these tiers within its publicity period (Art. 32: 失信信息). */
  negativeTiers?: Tier[]
}

export interface Measure {
  code: string
  name: string
  nameEn: string
  effect: MeasureEffect
  part: MeasurePart
  legalBasis: string
  /** Department codes that implement it; empty = whichever department handles the matter. */
  implementers: string[]
  trigger: MeasureTrigger
  /** Matter codes (matters.ts) it applies to. */
  matters: string[]
}

const art30 = '《河南省社会信用条例》第三十条'
const art32 = '《河南省社会信用条例》第三十二条'
const art34 = '《河南省社会信用条例》第三十四条'
const red: MeasureTrigger = { lists: ['red'] }
const dishonesty: MeasureTrigger = { lists: ['focus'], negativeTiers: ['general', 'serious'] }
const jointPunishment: MeasureTrigger = { lists: ['black'] }

export const builtInMeasures: readonly Measure[] = [
  // Art. 30: incentives for subjects on a red list.
  { code: 'JL01', name: '行政许可优先办理、简化程序（容缺受理）', nameEn: 'Priority and simplified licensing', effect: 'incentive', part: 'management', legalBasis: `${art30}第一项`, implementers: [], trigger: red, matters: ['XZXK', 'GZCN', 'XMSP'] },
  { code: 'JL02', name: '财政资金安排、项目支持同等条件下优先', nameEn: 'Priority for fiscal funds and projects', effect: 'incentive', part: 'management', legalBasis: `${art30}第二项`, implementers: [], trigger: red, matters: ['CZZJ', 'XMSP'] },
  { code: 'JL03', name: '公共资源交易中予以信用加分', nameEn: 'Credit points added in public resource trading', effect: 'incentive', part: 'management', legalBasis: `${art30}第三项`, implementers: [], trigger: red, matters: ['GGZY', 'ZTB', 'ZFCG'] },
  { code: 'JL04', name: '降低抽查比例和频次', nameEn: 'Fewer spot checks and inspections', effect: 'incentive', part: 'management', legalBasis: `${art30}第四项`, implementers: [], trigger: red, matters: ['JDJC'] },
  { code: 'JL05', name: '公共服务中提供便利', nameEn: 'Facilitation in public services', effect: 'incentive', part: 'management', legalBasis: `${art30}第五项`, implementers: [], trigger: red, matters: ['GGFW'] },
  { code: 'JL06', name: '评优评先、表彰奖励中优先推荐', nameEn: 'Priority in honours and awards', effect: 'incentive', part: 'management', legalBasis: `${art30}第六项`, implementers: [], trigger: red, matters: ['RYPX'] },

  // Art. 32: measures for dishonesty information (negative records in force, focus lists).
  { code: 'SX01', name: '行政许可中列为重点审查对象', nameEn: 'Key review in licensing', effect: 'punishment', part: 'management', legalBasis: `${art32}第一项`, implementers: [], trigger: dishonesty, matters: ['XZXK', 'XMSP'] },
  { code: 'SX02', name: '不适用告知承诺制', nameEn: 'Notify-and-commit approval not available', effect: 'punishment', part: 'management', legalBasis: `${art32}第一项`, implementers: [], trigger: dishonesty, matters: ['GZCN'] },
  { code: 'SX03', name: '限制或者取消财政资金支持', nameEn: 'Limits on fiscal funding', effect: 'punishment', part: 'management', legalBasis: `${art32}第二项`, implementers: [], trigger: dishonesty, matters: ['CZZJ'] },
  { code: 'SX04', name: '不适用便利措施（容缺受理等）', nameEn: 'No facilitation measures', effect: 'punishment', part: 'management', legalBasis: `${art32}第三项`, implementers: [], trigger: dishonesty, matters: ['XZXK', 'GGFW'] },
  { code: 'SX05', name: '公共资源交易中予以信用减分', nameEn: 'Credit points deducted in public resource trading', effect: 'punishment', part: 'management', legalBasis: `${art32}第四项`, implementers: [], trigger: dishonesty, matters: ['GGZY', 'ZTB', 'ZFCG'] },
  { code: 'SX06', name: '列为重点监管对象，提高抽查比例和频次', nameEn: 'Focus supervision, more inspections', effect: 'punishment', part: 'management', legalBasis: `${art32}第五项`, implementers: [], trigger: dishonesty, matters: ['JDJC'] },
  { code: 'SX07', name: '限制参加评优评先、表彰奖励', nameEn: 'No honours or awards', effect: 'punishment', part: 'management', legalBasis: `${art32}第六项`, implementers: [], trigger: dishonesty, matters: ['RYPX'] },

  // Art. 34: joint punishment of subjects on a serious-dishonesty list.
  { code: 'LC01', name: '限制参加政府采购活动', nameEn: 'Barred from government procurement', effect: 'punishment', part: 'legal', legalBasis: `${art34}；《中华人民共和国政府采购法》第二十二条`, implementers: ['CZJ'], trigger: jointPunishment, matters: ['ZFCG'] },
  { code: 'LC02', name: '限制参与招标投标', nameEn: 'Barred from tendering', effect: 'punishment', part: 'legal', legalBasis: `${art34}；《中华人民共和国招标投标法实施条例》`, implementers: [], trigger: jointPunishment, matters: ['ZTB', 'GGZY'] },
  { code: 'LC03', name: '限制参与国有土地使用权招标拍卖挂牌', nameEn: 'Barred from state land auctions', effect: 'punishment', part: 'legal', legalBasis: art34, implementers: ['ZRZY'], trigger: jointPunishment, matters: ['TDCR'] },
  { code: 'LC04', name: '限制进入相关市场和行业（市场准入、行业准入）', nameEn: 'Market and industry entry bans', effect: 'punishment', part: 'legal', legalBasis: art34, implementers: [], trigger: jointPunishment, matters: ['XZXK', 'XMSP'] },
  { code: 'LC05', name: '限制参与特许经营', nameEn: 'Barred from franchises and concessions', effect: 'punishment', part: 'legal', legalBasis: art34, implementers: [], trigger: jointPunishment, matters: ['TXJY'] },
  { code: 'LC06', name: '限制高消费', nameEn: 'High-consumption limits', effect: 'punishment', part: 'legal', legalBasis: `${art34}；《最高人民法院关于限制被执行人高消费及有关消费的若干规定》`, implementers: [], trigger: { lists: ['black'], items: ['SXBZXR'] }, matters: ['GGFW', 'JRFW'] },
  { code: 'LC07', name: '限制融资授信及金融服务', nameEn: 'Financial limits', effect: 'punishment', part: 'market', legalBasis: art34, implementers: [], trigger: jointPunishment, matters: ['JRFW'] },
  { code: 'LC08', name: '限制担任相关职务、限制录用为公职人员', nameEn: 'Limits on holding posts', effect: 'punishment', part: 'legal', legalBasis: art34, implementers: [], trigger: jointPunishment, matters: ['RZZG'] },
  { code: 'LC09', name: '限制享受公共服务、财政补贴等政策', nameEn: 'Limits on public services and subsidies', effect: 'punishment', part: 'management', legalBasis: art34, implementers: [], trigger: jointPunishment, matters: ['CZZJ', 'GGFW'] },
  { code: 'LC10', name: '撤销相关荣誉称号，取消参加评优评先资格', nameEn: 'Honours revoked, barred from awards', effect: 'punishment', part: 'management', legalBasis: art34, implementers: [], trigger: jointPunishment, matters: ['RYPX'] },
]
