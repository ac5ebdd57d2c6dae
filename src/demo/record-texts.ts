/**
 * What the demo city's departments license and penalise, as data: licence kinds with their
 * certificates and terms, violations with their facts and legal basis, and each department's
 * document-number prefix (新市监许〔2025〕123号). Kept plausible for 新乡, not exhaustive.
 */
import type { SubjectKind } from '../subjects/subject-kind.ts'

export interface LicenceKind {
  /** 行政许可决定文书名称. */
  title: string
  /** 许可类别 label (code table licence_category). */
  category: '普通' | '特许' | '认可' | '核准' | '登记' | '其他'
  certificate: string
  /** Licence-number prefix. */
  numberPrefix: string
  content: string
  /** Validity in years; 0: long-term (2099-12-31). */
  years: number
  kinds: readonly SubjectKind[]
}

export interface Violation {
  /** 违法行为类型. */
  type: string
  /** 违法事实, after the counterparty's name. */
  facts: string
  /** 处罚依据. */
  basis: string
  /** Whether natural persons commit it (else organisations and individual businesses). */
  persons?: boolean
}

export interface DepartmentTexts {
  /** Document-number prefix: licences `${prefix}许`, penalties `${prefix}罚`. */
  prefix: string
  licences: readonly LicenceKind[]
  violations: readonly Violation[]
}

const firms: readonly SubjectKind[] = ['enterprise', 'individual_business', 'farmer_cooperative']
const companies: readonly SubjectKind[] = ['enterprise']
const organisations: readonly SubjectKind[] = ['enterprise', 'public_institution', 'social_organisation', 'farmer_cooperative']
const persons: readonly SubjectKind[] = ['natural_person']

export const departmentTexts: Readonly<Record<string, DepartmentTexts>> = {
  SCJG: {
    prefix: '新市监',
    licences: [
      { title: '食品经营许可决定书', category: '普通', certificate: '食品经营许可证', numberPrefix: 'JY14107', content: '预包装食品销售（含冷藏冷冻食品）、散装食品销售、热食类食品制售', years: 5, kinds: firms },
      { title: '食品生产许可决定书', category: '普通', certificate: '食品生产许可证', numberPrefix: 'SC10641', content: '糕点、方便食品、粮食加工品的生产', years: 5, kinds: companies },
      { title: '特种设备使用登记', category: '登记', certificate: '特种设备使用登记证', numberPrefix: '梯11豫G', content: '乘客电梯、叉车使用登记', years: 0, kinds: organisations },
      { title: '工业产品生产许可决定书', category: '普通', certificate: '全国工业产品生产许可证', numberPrefix: '(豫)XK06-', content: '建筑用钢筋、电线电缆产品生产', years: 5, kinds: companies },
    ],
    violations: [
      { type: '虚假宣传', facts: '在其经营场所及网络店铺对商品的性能、功能作虚假的商业宣传，欺骗、误导消费者。', basis: '《中华人民共和国反不正当竞争法》第八条第一款、第二十条第一款' },
      { type: '经营超过保质期的食品', facts: '经营超过保质期的预包装食品，货值金额较小。', basis: '《中华人民共和国食品安全法》第三十四条第十项、第一百二十四条第一款' },
      { type: '未按规定明码标价', facts: '销售商品未按照规定明码标价，或在标价之外加价出售商品。', basis: '《中华人民共和国价格法》第十三条、第四十二条；《明码标价和禁止价格欺诈规定》' },
      { type: '销售不合格产品', facts: '销售经抽检不合格的产品，以不合格产品冒充合格产品。', basis: '《中华人民共和国产品质量法》第三十九条、第五十条' },
    ],
  },
  SW: {
    prefix: '新税',
    licences: [{ title: '增值税专用发票最高开票限额审批', category: '普通', certificate: '准予税务行政许可决定书', numberPrefix: 'XSXK', content: '增值税专用发票（增值税税控系统）最高开票限额十万元', years: 0, kinds: firms }],
    violations: [
      { type: '未按规定期限办理纳税申报', facts: '未按照规定的期限办理增值税纳税申报和报送纳税资料，经责令限期改正后仍未改正。', basis: '《中华人民共和国税收征收管理法》第二十五条、第六十二条' },
      { type: '未按规定开具发票', facts: '未按照规定开具发票，应开未开发票。', basis: '《中华人民共和国发票管理办法》第十九条、第三十五条' },
    ],
  },
  STHJ: {
    prefix: '新环',
    licences: [
      { title: '排污许可证核发', category: '普通', certificate: '排污许可证', numberPrefix: '914107', content: '废气、废水污染物排放，执行相应排放标准', years: 5, kinds: companies },
      { title: '建设项目环境影响报告表审批意见', category: '核准', certificate: '环境影响报告表批复', numberPrefix: '新环评审', content: '建设项目环境影响报告表审批', years: 0, kinds: companies },
    ],
    violations: [
      { type: '超标排放大气污染物', facts: '经监测，其废气排放口颗粒物排放浓度超过国家规定的排放标准。', basis: '《中华人民共和国大气污染防治法》第十八条、第九十九条第二项' },
      { type: '未批先建', facts: '建设项目环境影响报告表未经审批即开工建设。', basis: '《中华人民共和国环境影响评价法》第二十五条、第三十一条第一款' },
    ],
  },
  RSJ: {
    prefix: '新人社',
    licences: [
      { title: '劳务派遣经营许可决定书', category: '普通', certificate: '劳务派遣经营许可证', numberPrefix: '豫新劳派', content: '劳务派遣经营', years: 3, kinds: companies },
      { title: '人力资源服务许可决定书', category: '普通', certificate: '人力资源服务许可证', numberPrefix: '豫新人服', content: '职业中介、人力资源供求信息的收集和发布', years: 0, kinds: companies },
    ],
    violations: [{ type: '违反劳动保障法律法规', facts: '未按规定与劳动者订立书面劳动合同，经责令改正逾期不改正。', basis: '《劳动保障监察条例》第二十四条、第二十六条' }],
  },
  ZJJ: {
    prefix: '新建',
    licences: [
      { title: '建筑工程施工许可', category: '普通', certificate: '建筑工程施工许可证', numberPrefix: '410700', content: '房屋建筑工程施工', years: 3, kinds: companies },
      { title: '建筑业企业资质核准', category: '认可', certificate: '建筑业企业资质证书', numberPrefix: 'D341', content: '建筑工程施工总承包三级', years: 5, kinds: companies },
      { title: '商品房预售许可', category: '普通', certificate: '商品房预售许可证', numberPrefix: '新房预售', content: '住宅楼商品房预售', years: 0, kinds: companies },
    ],
    violations: [
      { type: '未取得施工许可证擅自施工', facts: '未取得施工许可证擅自开工建设。', basis: '《中华人民共和国建筑法》第七条、第六十四条；《建设工程质量管理条例》第五十七条' },
      { type: '违反工程质量标准施工', facts: '施工中偷工减料，使用不合格的建筑材料。', basis: '《建设工程质量管理条例》第二十八条、第六十四条' },
    ],
  },
  JTYS: {
    prefix: '新交运',
    licences: [
      { title: '道路运输经营许可决定书', category: '普通', certificate: '道路运输经营许可证', numberPrefix: '豫交运管许可新字', content: '道路普通货物运输', years: 4, kinds: firms },
      { title: '道路运输从业人员从业资格', category: '认可', certificate: '道路运输从业资格证', numberPrefix: '4107', content: '道路旅客运输驾驶员、道路货物运输驾驶员', years: 6, kinds: persons },
    ],
    violations: [
      { type: '未取得道路运输经营许可擅自从事道路运输经营', facts: '未取得道路运输经营许可，擅自从事道路货物运输经营。', basis: '《中华人民共和国道路运输条例》第二十四条、第六十三条', persons: true },
      { type: '车辆超限运输', facts: '驾驶车辆超限运输货物，经检测超过规定的载重标准。', basis: '《公路安全保护条例》第三十五条、第六十四条', persons: true },
    ],
  },
  YJGL: {
    prefix: '新应急',
    licences: [{ title: '危险化学品经营许可', category: '普通', certificate: '危险化学品经营许可证', numberPrefix: '豫新危化经字', content: '危险化学品经营（不带储存设施）', years: 3, kinds: companies }],
    violations: [
      { type: '未按规定对从业人员进行安全生产教育和培训', facts: '未按照规定对从业人员进行安全生产教育和培训，未如实记录培训情况。', basis: '《中华人民共和国安全生产法》第二十八条、第九十七条第三项' },
      { type: '未按规定排查治理事故隐患', facts: '未采取措施消除事故隐患，未如实记录隐患排查治理情况。', basis: '《中华人民共和国安全生产法》第四十一条、第一百零二条' },
    ],
  },
  NYNC: {
    prefix: '新农',
    licences: [
      { title: '农药经营许可决定书', category: '普通', certificate: '农药经营许可证', numberPrefix: '农药经许（豫）', content: '农药经营（限制使用农药除外）', years: 5, kinds: firms },
      { title: '种子生产经营许可决定书', category: '普通', certificate: '农作物种子生产经营许可证', numberPrefix: 'D(豫新)农种许字', content: '小麦、玉米种子生产经营', years: 5, kinds: firms },
    ],
    violations: [{ type: '经营劣质农药', facts: '经营的农药经抽检有效成分含量低于产品质量标准，属劣质农药。', basis: '《农药管理条例》第四十五条、第五十六条' }],
  },
  WJW: {
    prefix: '新卫',
    licences: [
      { title: '医疗机构执业许可', category: '普通', certificate: '医疗机构执业许可证', numberPrefix: 'PDY', content: '内科、外科、预防保健科诊疗科目', years: 5, kinds: organisations },
      { title: '公共场所卫生许可', category: '普通', certificate: '公共场所卫生许可证', numberPrefix: '新卫公证字', content: '住宿、沐浴、美容美发场所', years: 4, kinds: firms },
    ],
    violations: [
      { type: '公共场所卫生质量不符合标准', facts: '经卫生检测，其公共用品用具不符合国家卫生标准。', basis: '《公共场所卫生管理条例实施细则》第十四条、第三十六条' },
      { type: '未取得医疗机构执业许可证擅自执业', facts: '未取得医疗机构执业许可证擅自开展诊疗活动。', basis: '《医疗机构管理条例》第十四条、第四十三条', persons: true },
    ],
  },
  GAJ: {
    prefix: '新公',
    licences: [{ title: '旅馆业特种行业许可', category: '特许', certificate: '特种行业许可证', numberPrefix: '新公特旅字', content: '旅馆业', years: 0, kinds: firms }],
    violations: [{ type: '旅馆未按规定登记住宿旅客身份信息', facts: '未按规定对住宿旅客身份进行查验登记。', basis: '《中华人民共和国反恐怖主义法》第二十一条、第八十六条' }],
  },
  WGLJ: {
    prefix: '新文旅',
    licences: [
      { title: '网络文化经营许可决定书', category: '普通', certificate: '网络文化经营许可证', numberPrefix: '豫网文', content: '利用信息网络经营演出剧（节）目、表演', years: 3, kinds: companies },
      { title: '出版物经营许可决定书', category: '普通', certificate: '出版物经营许可证', numberPrefix: '新出字', content: '图书、报纸、期刊零售', years: 5, kinds: firms },
    ],
    violations: [{ type: '互联网上网服务营业场所接纳未成年人', facts: '经营的互联网上网服务营业场所接纳未成年人进入。', basis: '《互联网上网服务营业场所管理条例》第二十一条、第三十一条' }],
  },
  ZRZY: {
    prefix: '新自然资源',
    licences: [
      { title: '建设工程规划许可', category: '普通', certificate: '建设工程规划许可证', numberPrefix: '建字第410700', content: '厂房及配套设施建设', years: 0, kinds: companies },
      { title: '建设用地规划许可', category: '普通', certificate: '建设用地规划许可证', numberPrefix: '地字第410700', content: '工业用地规划', years: 0, kinds: companies },
    ],
    violations: [{ type: '非法占用土地', facts: '未经批准擅自占用集体土地建设建筑物和其他设施。', basis: '《中华人民共和国土地管理法》第四十四条、第七十七条', persons: true }],
  },
  SLJ: {
    prefix: '新水',
    licences: [{ title: '取水许可决定书', category: '普通', certificate: '取水许可证', numberPrefix: '取水(新)字', content: '地下水取水，用于生产', years: 5, kinds: companies }],
    violations: [{ type: '未经批准擅自取水', facts: '未依法取得取水许可擅自取用地下水。', basis: '《中华人民共和国水法》第四十八条、第六十九条' }],
  },
  JYJ: {
    prefix: '新教',
    licences: [{ title: '民办学校办学许可', category: '普通', certificate: '中华人民共和国民办学校办学许可证', numberPrefix: '教民141070', content: '非学历文化教育培训', years: 5, kinds: ['social_organisation', 'enterprise'] }],
    violations: [],
  },
  MZJ: {
    prefix: '新民',
    licences: [{ title: '社会团体登记', category: '登记', certificate: '社会团体法人登记证书', numberPrefix: '新社证字', content: '社会团体成立登记', years: 5, kinds: ['social_organisation'] }],
    violations: [],
  },
  CZJ: {
    prefix: '新财',
    licences: [{ title: '代理记账许可', category: '普通', certificate: '代理记账许可证书', numberPrefix: 'DLJZ41070', content: '代理记账业务', years: 0, kinds: companies }],
    violations: [],
  },
}

/** Departments with licence kinds, in a fixed order (the generator picks by position). */
export const licensingDepartments: readonly string[] = Object.keys(departmentTexts).filter((d) => departmentTexts[d]!.licences.length > 0)
export const penalisingDepartments: readonly string[] = Object.keys(departmentTexts).filter((d) => departmentTexts[d]!.violations.length > 0)
