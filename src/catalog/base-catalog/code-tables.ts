/**
 * The built-in code tables (代码表) the base catalog's items refer to. Codes are what the platform
 * stores; labels and aliases are what providers send (a value may come as its code, its label or
 * any alias, matched after header-style normalisation).
 *
 * Tables marked "unconfirmed" in their `source` follow the domain notes where no authoritative
 * text was at hand: they are configuration, edited through catalog versions, never constants.
 */
import type { CodeTable } from '../catalog.ts'

/** 4.1 许可类别 (XK_XKLB); older feeds call it 审批类别 (XK_SPLB). */
export const licenceCategory: CodeTable = {
  key: 'licence_category',
  name: '许可类别',
  nameEn: 'Licence category',
  source: '全国双公示行政许可信息数据标准 代码表 4.1',
  entries: [
    { code: '01', label: '普通', labelEn: 'Ordinary', aliases: ['普通许可', '1'] },
    { code: '02', label: '特许', labelEn: 'Franchise / concession', aliases: ['特许许可', '2'] },
    { code: '03', label: '认可', labelEn: 'Recognition', aliases: ['3'] },
    { code: '04', label: '核准', labelEn: 'Approval', aliases: ['4'] },
    { code: '05', label: '登记', labelEn: 'Registration', aliases: ['5'] },
    { code: '06', label: '其他', labelEn: 'Other', aliases: ['其它', '6', '99'] },
  ],
}

/** 4.2 证件类型 (*_XDR_ZJLX, *_FR_ZJLX). */
export const idType: CodeTable = {
  key: 'id_type',
  name: '证件类型',
  nameEn: 'Identity document type',
  source: '全国双公示数据标准 代码表 4.2',
  entries: [
    {
      code: '01',
      label: '身份证',
      labelEn: 'Resident identity card',
      aliases: ['居民身份证', '中华人民共和国居民身份证', '身份证号', '1'],
    },
    { code: '02', label: '护照', labelEn: 'Passport', aliases: ['2'] },
    {
      code: '03',
      label: '港澳居民来往内地通行证',
      labelEn: 'Mainland travel permit for Hong Kong and Macao residents',
      aliases: ['港澳通行证', '回乡证', '3'],
    },
    {
      code: '04',
      label: '台湾居民来往大陆通行证',
      labelEn: 'Mainland travel permit for Taiwan residents',
      aliases: ['台胞证', '台湾通行证', '4'],
    },
    {
      code: '05',
      label: '外国人永久居留身份证',
      labelEn: "Foreigner's permanent residence ID card",
      aliases: ['外国人永久居留证', '5'],
    },
  ],
}

/**
 * 4.3 行政相对人类别 (*_XDR_LB). National data comes as text (法人及非法人组织 / 自然人 / 个体工商户)
 * or as codes (XK_XDR_TYPE: 01 自然人, 02 法人, 03 非法人组织, 04 个体工商户). Both map to one
 * three-value enum: the text form does not tell 法人 from 非法人组织, so code 03 is read as 02. The
 * exact kind of an organisation comes from its USCC (positions 1–2), not from this column.
 */
export const counterpartyCategory: CodeTable = {
  key: 'counterparty_category',
  name: '行政相对人类别',
  nameEn: 'Counterparty category',
  source: '全国双公示数据标准 代码表 4.3（文字值与 01–04 代码并存，03 非法人组织并入 02）',
  entries: [
    { code: '01', label: '自然人', labelEn: 'Natural person', aliases: ['个人', '公民', '1'] },
    {
      code: '02',
      label: '法人及非法人组织',
      labelEn: 'Legal person or unincorporated organisation',
      aliases: [
        '法人',
        '非法人组织',
        '法人和非法人组织',
        '法人及其他组织',
        '法人或其他组织',
        '法人和其他组织',
        '其他组织',
        '单位',
        '2',
        '03',
        '3',
      ],
    },
    { code: '04', label: '个体工商户', labelEn: 'Individual business', aliases: ['个体户', '个体', '4'] },
  ],
}

/**
 * 4.4 处罚类别 (CF_CFLB), multi-valued, 《行政处罚法》(2021) 第九条. The first twelve carry the public
 * [0101xx] numbering; 行政拘留 and 其他 have no published number, so 010113 and 010199 are local.
 */
export const penaltyCategory: CodeTable = {
  key: 'penalty_category',
  name: '处罚类别',
  nameEn: 'Penalty category',
  source: '《中华人民共和国行政处罚法》（2021年修订）第九条；010101–010112 编号未经确认，010113、010199 为本地编号，可配置',
  entries: [
    { code: '010101', label: '警告', labelEn: 'Warning' },
    { code: '010102', label: '通报批评', labelEn: 'Public criticism' },
    { code: '010103', label: '罚款', labelEn: 'Fine' },
    { code: '010104', label: '没收违法所得', labelEn: 'Confiscation of illegal gains' },
    { code: '010105', label: '没收非法财物', labelEn: 'Confiscation of illegal property' },
    {
      code: '010106',
      label: '暂扣许可证件',
      labelEn: 'Licence suspension',
      aliases: ['暂扣许可证', '暂扣执照', '暂扣营业执照', '暂扣证照'],
    },
    { code: '010107', label: '降低资质等级', labelEn: 'Qualification downgrade' },
    {
      code: '010108',
      label: '吊销许可证件',
      labelEn: 'Licence revocation',
      aliases: ['吊销许可证', '吊销执照', '吊销营业执照', '吊销证照'],
    },
    { code: '010109', label: '限制开展生产经营活动', labelEn: 'Restriction of business activities' },
    { code: '010110', label: '责令停产停业', labelEn: 'Order to suspend production or business' },
    { code: '010111', label: '责令关闭', labelEn: 'Closure order' },
    { code: '010112', label: '限制从业', labelEn: 'Practice restriction' },
    { code: '010113', label: '行政拘留', labelEn: 'Administrative detention' },
    {
      code: '010199',
      label: '其他',
      labelEn: 'Other penalty set by law',
      aliases: ['其它', '其他行政处罚', '法律、行政法规规定的其他行政处罚'],
    },
  ],
}

/**
 * 处罚程序 (CF_CFCX, platform field): 《行政处罚法》（2021）第五章第二节简易程序、第三节普通程序
 * (听证程序 is part of the ordinary procedure). Needed for the ingestion filter of 河南条例第十三条第三款:
 * simple-procedure penalties on natural persons are not collected.
 */
export const penaltyProcedure: CodeTable = {
  key: 'penalty_procedure',
  name: '处罚程序',
  nameEn: 'Penalty procedure',
  source: '《中华人民共和国行政处罚法》（2021年修订）第五章第二节（简易程序）、第三节（普通程序）；编号为本平台约定',
  entries: [
    { code: '01', label: '简易程序', labelEn: 'Simple procedure', aliases: ['简易', '当场处罚', '当场处罚程序', '1'] },
    { code: '02', label: '普通程序', labelEn: 'Ordinary procedure', aliases: ['普通', '一般程序', '听证程序', '2'] },
  ],
}

/** 当前状态 (XK_ZT, CF_ZT, honours): sample data carries "1"; 3 撤销 is the platform's own. */
export const recordStatus: CodeTable = {
  key: 'record_status',
  name: '状态',
  nameEn: 'Status',
  source: '双公示样例数据 XK_ZT（1 有效、2 无效，未经确认，可配置）；3 撤销为本平台补充',
  entries: [
    { code: '1', label: '有效', labelEn: 'Valid', aliases: ['01', '正常', '存续', '在用'] },
    { code: '2', label: '无效', labelEn: 'Invalid', aliases: ['02', '失效', '过期', '注销', '已注销', '已失效'] },
    { code: '3', label: '撤销', labelEn: 'Revoked', aliases: ['03', '已撤销', '撤回', '已撤回', '吊销'] },
  ],
}

/** 列入 / 移出: the provider's statement on a list entry (being listed is still derived from dates). */
export const listAction: CodeTable = {
  key: 'list_action',
  name: '名单状态',
  nameEn: 'List status',
  entries: [
    { code: '1', label: '列入', labelEn: 'Listed', aliases: ['01', '纳入', '在列', '公布中', '已列入'] },
    {
      code: '2',
      label: '移出',
      labelEn: 'Removed',
      aliases: ['02', '已移出', '移除', '退出', '删除', '屏蔽', '撤出', '停止公布', '提前停止公布'],
    },
  ],
}

/** 纳税信用等级 (税务总局公告2014年第40号, 2018年第8号 adds M). */
export const taxCreditGrade: CodeTable = {
  key: 'tax_credit_grade',
  name: '纳税信用等级',
  nameEn: 'Tax credit grade',
  source: '《纳税信用管理办法（试行）》（国家税务总局公告2014年第40号）；国家税务总局公告2018年第8号（增设M级）',
  entries: [
    { code: 'A', label: 'A级', labelEn: 'Grade A (score ≥ 90)', aliases: ['A级纳税人'] },
    { code: 'B', label: 'B级', labelEn: 'Grade B (70–90)' },
    { code: 'M', label: 'M级', labelEn: 'Grade M (new or no income, ≥ 70)' },
    { code: 'C', label: 'C级', labelEn: 'Grade C (40–70)' },
    { code: 'D', label: 'D级', labelEn: 'Grade D (< 40 or directly D)', aliases: ['D级纳税人'] },
  ],
}

/**
 * 企业环境信用等级. The national method (环发〔2013〕150号) has four grades shown as green, blue,
 * yellow and red cards, which Henan's ratings follow; several provinces (e.g. 江苏) rate in five
 * colours with a black card for serious violators. One table carries both: a province on four
 * grades simply never sends 05.
 */
export const environmentalCreditGrade: CodeTable = {
  key: 'environmental_credit_grade',
  name: '企业环境信用等级',
  nameEn: 'Enterprise environmental credit grade',
  source:
    '《企业环境信用评价办法（试行）》（环发〔2013〕150号）四级（绿、蓝、黄、红牌）；黑牌为部分省份五色评价的第五级；河南省现行评价等级未经确认，可配置',
  entries: [
    {
      code: '01',
      label: '环保诚信企业',
      labelEn: 'Environmentally trustworthy (green card)',
      aliases: ['绿牌', '绿色', '绿牌企业', '诚信', '环保诚信'],
    },
    {
      code: '02',
      label: '环保良好企业',
      labelEn: 'Environmentally good (blue card)',
      aliases: ['蓝牌', '蓝色', '蓝牌企业', '良好', '环保良好'],
    },
    {
      code: '03',
      label: '环保警示企业',
      labelEn: 'Environmental warning (yellow card)',
      aliases: ['黄牌', '黄色', '黄牌企业', '警示', '环保警示'],
    },
    {
      code: '04',
      label: '环保不良企业',
      labelEn: 'Environmentally poor (red card)',
      aliases: ['红牌', '红色', '红牌企业', '不良', '环保不良'],
    },
    {
      code: '05',
      label: '环保严重失信企业',
      labelEn: 'Serious environmental dishonesty (black card)',
      aliases: ['黑牌', '黑色', '黑牌企业', '严重失信', '环保严重失信'],
    },
  ],
}

/** 信用承诺类型 (国办发〔2019〕35号 and local commitment rules). */
export const commitmentType: CodeTable = {
  key: 'commitment_type',
  name: '承诺类型',
  nameEn: 'Commitment type',
  source: '《国务院办公厅关于加快推进社会信用体系建设构建以信用为基础的新型监管机制的指导意见》（国办发〔2019〕35号）；分类编号为本平台约定',
  entries: [
    {
      code: '01',
      label: '审批替代型',
      labelEn: 'In place of approval documents (notify-and-commit)',
      aliases: ['审批替代型承诺', '告知承诺', '告知承诺型', '证明事项告知承诺', '涉企经营许可事项告知承诺', '容缺受理型'],
    },
    {
      code: '02',
      label: '主动型',
      labelEn: 'Voluntary public commitment',
      aliases: ['主动型承诺', '主动公示型', '主动承诺', '主动公示'],
    },
    {
      code: '03',
      label: '行业自律型',
      labelEn: 'Industry self-discipline',
      aliases: ['行业自律型承诺', '行业自律'],
    },
    {
      code: '04',
      label: '信用修复型',
      labelEn: 'For credit repair',
      aliases: ['信用修复型承诺', '信用修复', '修复型'],
    },
  ],
}

/** 履约状态 of a credit commitment. */
export const commitmentFulfilment: CodeTable = {
  key: 'commitment_fulfilment',
  name: '履约状态',
  nameEn: 'Fulfilment status',
  entries: [
    { code: '01', label: '履约中', labelEn: 'In force', aliases: ['正常', '承诺期内', '履行中'] },
    { code: '02', label: '已履约', labelEn: 'Fulfilled', aliases: ['履约', '守诺', '已践诺', '践诺'] },
    { code: '03', label: '未履约', labelEn: 'Broken', aliases: ['违约', '失信', '违诺', '未践诺'] },
    { code: '04', label: '已终止', labelEn: 'Ended without assessment', aliases: ['终止', '撤回', '已撤回'] },
  ],
}

/** 列入经营异常名录原因 (企业信息公示暂行条例 第十七条; 工商总局令第68号 第四条). */
export const abnormalListingReason: CodeTable = {
  key: 'abnormal_listing_reason',
  name: '列入经营异常名录原因',
  nameEn: 'Reason for listing as abnormal',
  source: '《企业经营异常名录管理暂行办法》（国家工商行政管理总局令第68号）第四条；文字按常见公示用语，可配置',
  entries: [
    {
      code: '01',
      label: '未按照规定的期限公示年度报告',
      labelEn: 'Annual report not published in time',
      aliases: ['未按规定期限公示年度报告', '未按照《企业信息公示暂行条例》第八条规定的期限公示年度报告', '未报年报'],
    },
    {
      code: '02',
      label: '未在责令的期限内公示有关企业信息',
      labelEn: 'Information not published within the ordered time',
      aliases: ['未在工商行政管理部门依照《企业信息公示暂行条例》第十条规定责令的期限内公示有关企业信息'],
    },
    {
      code: '03',
      label: '公示企业信息隐瞒真实情况、弄虚作假',
      labelEn: 'Published information concealed the truth or was falsified',
      aliases: ['公示企业信息隐瞒真实情况弄虚作假'],
    },
    {
      code: '04',
      label: '通过登记的住所或者经营场所无法联系',
      labelEn: 'Cannot be contacted at the registered domicile or premises',
      aliases: ['通过登记的住所（经营场所）无法联系', '通过登记的住所无法联系', '住所无法联系'],
    },
    { code: '99', label: '其他', labelEn: 'Other', aliases: ['其它'] },
  ],
}

/** 移出经营异常名录原因. */
export const abnormalRemovalReason: CodeTable = {
  key: 'abnormal_removal_reason',
  name: '移出经营异常名录原因',
  nameEn: 'Reason for removal from the abnormal list',
  source: '《企业经营异常名录管理暂行办法》（国家工商行政管理总局令第68号）移出条款；文字按常见公示用语，可配置',
  entries: [
    {
      code: '01',
      label: '补报未报年份的年度报告并公示',
      labelEn: 'Missing annual reports filed and published',
      aliases: ['补报年度报告', '补报未报年份年度报告并公示'],
    },
    {
      code: '02',
      label: '履行公示义务，公示有关企业信息',
      labelEn: 'Required information published',
      aliases: ['已履行公示义务'],
    },
    { code: '03', label: '更正其公示的信息', labelEn: 'Published information corrected', aliases: ['更正公示信息'] },
    {
      code: '04',
      label: '通过登记的住所或者经营场所可以重新取得联系',
      labelEn: 'Reachable again at the registered domicile or premises',
      aliases: ['依法办理住所或者经营场所变更登记', '住所可以取得联系'],
    },
    {
      code: '05',
      label: '列入经营异常名录满三年，列入严重违法失信名单',
      labelEn: 'Three years on the list; moved to the serious list',
      aliases: ['列入严重违法失信名单', '满三年转入严重违法失信企业名单'],
    },
    { code: '06', label: '列入决定被依法撤销', labelEn: 'Listing decision revoked', aliases: ['撤销列入决定'] },
    { code: '99', label: '其他', labelEn: 'Other', aliases: ['其它'] },
  ],
}

/** 失信被执行人具体情形: the six cases of 法释〔2017〕7号 第一条. */
export const defaulterSituation: CodeTable = {
  key: 'defaulter_situation',
  name: '失信被执行人具体情形',
  nameEn: 'Kind of judgment-default conduct',
  source: '《最高人民法院关于公布失信被执行人名单信息的若干规定》（法释〔2017〕7号）第一条',
  entries: [
    {
      code: '1',
      label: '有履行能力而拒不履行生效法律文书确定义务',
      labelEn: 'Able to perform but refuses to perform obligations set by an effective legal document',
      aliases: ['有履行能力而拒不履行生效法律文书确定义务的', '其他有履行能力而拒不履行生效法律文书确定义务'],
    },
    {
      code: '2',
      label: '以伪造证据、暴力、威胁等方法妨碍、抗拒执行',
      labelEn: 'Obstructs or resists enforcement by forged evidence, violence or threats',
      aliases: ['以伪造证据、暴力、威胁等方法妨碍、抗拒执行的', '妨碍、抗拒执行'],
    },
    {
      code: '3',
      label: '以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行',
      labelEn: 'Evades enforcement by sham litigation or arbitration, or by hiding or moving assets',
      aliases: ['以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行的', '规避执行'],
    },
    {
      code: '4',
      label: '违反财产报告制度',
      labelEn: 'Breaches the property-reporting duty',
      aliases: ['违反财产报告制度的'],
    },
    {
      code: '5',
      label: '违反限制消费令',
      labelEn: 'Breaches a consumption-restriction order',
      aliases: ['违反限制消费令的', '违反限制高消费令'],
    },
    {
      code: '6',
      label: '无正当理由拒不履行执行和解协议',
      labelEn: 'Refuses without good reason to perform an enforcement settlement',
      aliases: ['无正当理由拒不履行执行和解协议的'],
    },
  ],
}

/** 被执行人的履行情况 as courts publish it. */
export const defaulterPerformance: CodeTable = {
  key: 'defaulter_performance',
  name: '被执行人的履行情况',
  nameEn: "Debtor's performance",
  source: '中国执行信息公开网 失信被执行人公布用语',
  entries: [
    { code: '1', label: '全部未履行', labelEn: 'Nothing performed', aliases: ['未履行'] },
    { code: '2', label: '部分未履行', labelEn: 'Partly performed', aliases: ['部分履行', '部分已履行'] },
    { code: '3', label: '全部履行', labelEn: 'Fully performed', aliases: ['已履行', '全部已履行', '履行完毕'] },
  ],
}

/** 重大税收违法失信案件性质: the cases of 税务总局令第54号 第六条, by their usual short names. */
export const taxCaseNature: CodeTable = {
  key: 'tax_case_nature',
  name: '案件性质',
  nameEn: 'Nature of the tax case',
  source: '《重大税收违法失信主体信息公布管理办法》（国家税务总局令第54号）第六条；简称为公布常用语，可配置',
  entries: [
    { code: '01', label: '偷税', labelEn: 'Tax evasion', aliases: ['逃税', '偷逃税款'] },
    { code: '02', label: '逃避追缴欠税', labelEn: 'Evading recovery of tax arrears', aliases: ['逃避追缴欠缴税款'] },
    { code: '03', label: '骗取出口退税', labelEn: 'Export tax refund fraud', aliases: ['骗取国家出口退税款'] },
    { code: '04', label: '抗税', labelEn: 'Resisting tax by violence or threats' },
    {
      code: '05',
      label: '虚开增值税专用发票',
      labelEn: 'Issuing false special VAT invoices',
      aliases: ['虚开增值税专用发票或者虚开用于骗取出口退税、抵扣税款的其他发票', '虚开专用发票'],
    },
    { code: '06', label: '虚开普通发票', labelEn: 'Issuing false ordinary invoices', aliases: ['虚开增值税普通发票'] },
    {
      code: '07',
      label: '非法印制、伪造、变造发票',
      labelEn: 'Illegal printing or forging of invoices',
      aliases: ['私自印制、伪造、变造发票', '伪造发票'],
    },
    { code: '08', label: '走逃（失联）', labelEn: 'Absconded (unreachable)', aliases: ['走逃', '失联', '走逃失联'] },
    {
      code: '09',
      label: '非法提供便利',
      labelEn: 'Illegally providing accounts, invoices or other facilities',
      aliases: ['为纳税人、扣缴义务人非法提供银行账户、发票、证明或者其他方便'],
    },
    {
      code: '10',
      label: '税务代理人违法',
      labelEn: 'Tax agent causing unpaid tax',
      aliases: ['税务代理人违反税收法律、行政法规造成纳税人未缴或者少缴税款'],
    },
    {
      code: '99',
      label: '其他',
      labelEn: 'Other serious tax violations',
      aliases: ['其它', '其他性质恶劣、情节严重、社会危害性较大的税收违法行为'],
    },
  ],
}

/** 拖欠农民工工资失信联合惩戒 列入情形 (人社部令第45号 第五条). */
export const wageArrearsSituation: CodeTable = {
  key: 'wage_arrears_situation',
  name: '列入情形',
  nameEn: 'Ground for listing',
  source: '《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》（人力资源社会保障部令第45号）第五条',
  entries: [
    {
      code: '01',
      label: '克扣、无故拖欠农民工工资达到认定拒不支付劳动报酬罪数额标准',
      labelEn: 'Withheld or delayed wages reaching the threshold of the crime of refusing to pay wages',
      aliases: ['克扣、无故拖欠农民工工资达到认定拒不支付劳动报酬罪数额标准的'],
    },
    {
      code: '02',
      label: '因拖欠农民工工资违法行为引发群体性事件、极端事件造成严重不良社会影响',
      labelEn: 'Wage arrears caused mass or extreme incidents with serious social impact',
      aliases: ['因拖欠农民工工资违法行为引发群体性事件、极端事件造成严重不良社会影响的'],
    },
  ],
}

/** 荣誉 / 公示 级别 (honours, 守合同重信用). */
export const honourLevel: CodeTable = {
  key: 'honour_level',
  name: '级别',
  nameEn: 'Level',
  entries: [
    { code: '01', label: '国家级', labelEn: 'National', aliases: ['国家', '全国', '部级'] },
    { code: '02', label: '省级', labelEn: 'Provincial', aliases: ['省部级', '省', '河南省'] },
    { code: '03', label: '市级', labelEn: 'City', aliases: ['地市级', '市', '设区的市级'] },
    { code: '04', label: '县级', labelEn: 'County', aliases: ['县区级', '县（市、区）级', '区县级'] },
    { code: '99', label: '其他', labelEn: 'Other (associations, industry bodies)', aliases: ['其它', '行业协会'] },
  ],
}

/** 检查类型 of a spot check (双随机、一公开). */
export const inspectionType: CodeTable = {
  key: 'inspection_type',
  name: '检查类型',
  nameEn: 'Inspection type',
  source: '《国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见》（国发〔2019〕5号）',
  entries: [
    { code: '01', label: '不定向抽查', labelEn: 'Random (untargeted) spot check', aliases: ['双随机抽查', '随机抽查'] },
    { code: '02', label: '定向抽查', labelEn: 'Targeted spot check' },
    { code: '03', label: '部门联合抽查', labelEn: 'Joint inter-departmental spot check', aliases: ['联合抽查'] },
    { code: '04', label: '重点检查', labelEn: 'Focused inspection', aliases: ['专项检查'] },
    { code: '99', label: '其他', labelEn: 'Other', aliases: ['其它'] },
  ],
}

/** 检查结果 of a spot check, as published on GSXT. */
export const inspectionResult: CodeTable = {
  key: 'inspection_result',
  name: '检查结果',
  nameEn: 'Inspection result',
  source: '国家企业信用信息公示系统抽查检查结果公示用语（可配置）',
  entries: [
    { code: '01', label: '未发现问题', labelEn: 'No problems found', aliases: ['正常', '合格', '未发现违法违规行为'] },
    { code: '02', label: '发现问题已责令改正', labelEn: 'Problems found, correction ordered', aliases: ['责令改正', '已责令整改'] },
    { code: '03', label: '发现问题待后续处理', labelEn: 'Problems found, further action pending', aliases: ['待后续处理'] },
    {
      code: '04',
      label: '发现问题已移交相关部门处理',
      labelEn: 'Problems found, referred to the competent authority',
      aliases: ['移交处理', '已移交'],
    },
    {
      code: '05',
      label: '未按规定公示应当公示的信息',
      labelEn: 'Required information not published',
      aliases: ['未按规定公示应公示信息'],
    },
    {
      code: '06',
      label: '公示信息隐瞒真实情况、弄虚作假',
      labelEn: 'Published information concealed the truth or was falsified',
    },
    {
      code: '07',
      label: '通过登记的住所（经营场所）无法联系',
      labelEn: 'Cannot be contacted at the registered premises',
      aliases: ['通过登记的住所或者经营场所无法联系', '无法联系'],
    },
    { code: '08', label: '不配合检查情节严重', labelEn: 'Seriously obstructed the inspection', aliases: ['不配合检查'] },
    {
      code: '09',
      label: '未发现开展本次抽查涉及的经营活动',
      labelEn: 'No business activity of the checked kind found',
    },
    {
      code: '10',
      label: '已关闭停业或正在组织清算',
      labelEn: 'Closed, suspended or in liquidation',
      aliases: ['已关闭停业', '正在组织清算'],
    },
    { code: '11', label: '已注销或被吊销营业执照', labelEn: 'Deregistered or licence revoked', aliases: ['已注销', '已吊销'] },
    { code: '99', label: '其他', labelEn: 'Other', aliases: ['其它'] },
  ],
}

/** 性别 (GB/T 2261.1-2003). */
export const gender: CodeTable = {
  key: 'gender',
  name: '性别',
  nameEn: 'Sex',
  source: 'GB/T 2261.1-2003 人的性别代码',
  entries: [
    { code: '1', label: '男', labelEn: 'Male', aliases: ['男性'] },
    { code: '2', label: '女', labelEn: 'Female', aliases: ['女性'] },
    { code: '0', label: '未知的性别', labelEn: 'Unknown', aliases: ['未知'] },
    { code: '9', label: '未说明的性别', labelEn: 'Not stated', aliases: ['未说明'] },
  ],
}

export const codeTables: CodeTable[] = [
  licenceCategory,
  idType,
  counterpartyCategory,
  penaltyCategory,
  penaltyProcedure,
  recordStatus,
  listAction,
  taxCreditGrade,
  environmentalCreditGrade,
  commitmentType,
  commitmentFulfilment,
  abnormalListingReason,
  abnormalRemovalReason,
  defaulterSituation,
  defaulterPerformance,
  taxCaseNature,
  wageArrearsSituation,
  honourLevel,
  inspectionType,
  inspectionResult,
  gender,
]
