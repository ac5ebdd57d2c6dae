/**
 * Words for the names of 事业单位, 社会组织 and county/township 机关. City-level 机关 (新乡市…局)
 * are the platform's own departments (city-departments.ts) and are never generated here.
 */

/** County-level 机关, after the county's name (辉县市财政局). */
export const countyGovernmentBodies = [
  '人民政府', '发展和改革委员会', '教育局', '科学技术局', '工业和信息化局', '公安局', '民政局', '司法局', '财政局',
  '人力资源和社会保障局', '自然资源局', '住房和城乡建设局', '交通运输局', '水利局', '农业农村局', '商务局',
  '文化广电和旅游局', '卫生健康委员会', '退役军人事务局', '应急管理局', '审计局', '市场监督管理局', '统计局',
  '医疗保障局', '城市管理局', '信访局', '人民法院', '人民检察院', '机关事务管理局', '行政审批和政务信息管理局',
] as const

/** Functional zones' own bodies, after the zone's name. */
export const zoneGovernmentBodies = ['管理委员会', '经济发展局', '财政局', '规划建设局', '社会事业局', '综合执法局'] as const

/**
 * Township-level 机关: [how to write it, whether it names the township by its short form].
 * 人民政府 / 办事处 follow the full township name; the others are a county bureau's 所 named after
 * the township's short name (辉县市公安局孟庄派出所).
 */
export const townshipGovernmentBodies: ReadonlyArray<(county: string, township: string, short: string) => string> = [
  (county, township) => (township.endsWith('街道') ? `${county}${township}办事处` : `${county}${township}人民政府`),
  (county, _t, short) => `${county}公安局${short}派出所`,
  (county, _t, short) => `${county}司法局${short}司法所`,
  (county, _t, short) => `${county}市场监督管理局${short}市场监督管理所`,
  (county, _t, short) => `${county}自然资源局${short}自然资源所`,
]

/** County-level 事业单位 (辉县市人民医院), including numbered schools. */
export const countyInstitutions: readonly string[] = [
  '人民医院', '中医院', '疾病预防控制中心', '妇幼保健院', '实验学校', '职业教育中心', '图书馆', '文化馆', '博物馆',
  '融媒体中心', '档案馆', '公共就业服务中心', '社会保险中心', '不动产登记中心', '农业技术推广中心', '动物疫病预防控制中心',
  '水利工程管理站', '公路事业发展中心', '园林绿化中心', '环境卫生服务中心', '政务服务中心', '机关事务服务中心',
  '综合检验检测中心', '国有资产服务中心', '粮食和物资储备中心', '乡村振兴服务中心', '林业技术推广站', '特殊教育学校',
  '体育运动学校', '住房公积金管理中心', '老干部活动中心', '青少年校外活动中心', '城市管理服务中心', '土地储备中心',
  ...numbered('第', '高级中学', 6),
  ...numbered('第', '初级中学', 12),
  ...numbered('第', '小学', 20),
  ...numbered('第', '幼儿园', 8),
]

/**
 * Township-level 事业单位, after county + township: [in a 乡/镇, in a 街道] (辉县市孟庄镇卫生院,
 * 新乡市红旗区西街街道社区卫生服务中心). Each column has no repeats.
 */
export const townshipInstitutions: ReadonlyArray<readonly [township: string, street: string]> = [
  ['中心学校', '实验学校'],
  ['卫生院', '社区卫生服务中心'],
  ['中心幼儿园', '中心幼儿园'],
  ['农业服务中心', '城市管理服务中心'],
  ['综合文化站', '综合文化站'],
  ['便民服务中心', '便民服务中心'],
  ['财政所', '财政所'],
  ['退役军人服务站', '退役军人服务站'],
  ['社会保障服务中心', '社会保障服务中心'],
  ['初级中学', '初级中学'],
  ['中心小学', '中心小学'],
  ['畜牧兽医站', '社区服务中心'],
  ['农村经济服务中心', '经济发展服务中心'],
  ['水利站', '物业管理服务中心'],
  ['计划生育服务站', '计划生育服务站'],
  ['村镇规划建设服务中心', '规划建设服务中心'],
  ['敬老院', '养老服务中心'],
  ['党群服务中心', '党群服务中心'],
  ['综合执法服务中心', '综合执法服务中心'],
  ['农产品质量安全监管站', '网格化服务管理中心'],
  ...numbered('第', '小学', 6).map((n) => [n, n] as const),
]

/** Village-level 事业单位, after county + township + village (…南李庄小学). */
export const villageInstitutions = ['小学', '幼儿园'] as const

/** 社会团体 (51): [topic, type] pairs, after the city's or a county's name. */
export const associationTopics = [
  '书法家', '美术家', '摄影家', '作家', '音乐家', '老年人体育', '篮球', '足球', '乒乓球', '围棋', '象棋', '太极拳',
  '钓鱼', '登山', '自行车', '志愿者', '慈善', '青年企业家', '女企业家', '个体劳动者', '私营企业', '烹饪', '电子商务',
  '诗词', '收藏家', '民间文艺家', '曲艺家', '戏剧家', '舞蹈家', '楹联', '老区建设', '扶贫开发', '读书', '棋牌', '武术',
  '健身气功', '羽毛球', '游泳', '门球', '广场舞',
] as const
export const learnedSocietyTopics = [
  '医', '农', '会计', '法', '心理', '教育', '历史', '地理', '数', '物理', '化', '生物', '中医药', '护理', '药', '土木建筑',
  '水利', '林', '畜牧兽医', '金融', '统计', '档案', '图书馆', '气象', '计算机', '机械工程', '电机工程', '环境科学',
] as const
/** Where out-of-town entrepreneurs come from (新乡市浙江商会, 辉县市温州商会). */
export const chamberOrigins = [
  '浙江', '温州', '福建', '江苏', '山东', '河北', '山西', '安徽', '湖北', '湖南', '江西', '广东', '四川', '重庆', '陕西',
  '甘肃', '黑龙江', '吉林', '辽宁', '内蒙古', '台州', '宁波', '义乌', '莆田', '晋江', '泉州', '潮汕', '苏州', '无锡', '徐州',
  '郑州', '开封', '洛阳', '安阳', '鹤壁', '濮阳', '焦作', '商丘', '周口', '驻马店', '信阳', '南阳', '许昌', '漯河', '平顶山',
] as const
/** An industry word (from firm-names.ts) + one of these. */
export const industryAssociationTypes = ['行业协会', '商会', '产业促进会', '产业联合会'] as const

/** 民办非企业单位 (52): 字号 + type, after a division's name (红旗区华泰幼儿园). */
export const privateNonEnterpriseTypes = [
  '幼儿园', '培训学校', '职业培训学校', '艺术培训学校', '养老院', '养老服务中心', '康复中心', '社会工作服务中心',
  '书画院', '学校', '托育中心', '体育俱乐部', '调解中心', '研究院', '文化艺术中心', '助残服务中心',
] as const

function numbered(before: string, after: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${before}${chineseNumeral(i + 1)}${after}`)
}

/** 1 → 一, 12 → 十二, 20 → 二十 (for 1..99). */
export function chineseNumeral(n: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']
  if (n < 10) return digits[n] as string
  const tens = Math.floor(n / 10)
  const ones = n % 10
  return `${tens === 1 ? '' : digits[tens]}十${ones === 0 ? '' : digits[ones]}`
}
