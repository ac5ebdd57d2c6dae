/**
 * Words for firm names (企业名称 = 行政区划 + 字号 + 行业 + 组织形式). Data only, plus the
 * deterministic list of 字号 built from it.
 *
 * 字号 are two characters. None of their characters is a division or form word (市 县 区 省 乡
 * 镇 村 第 有 限 公 司 股 份), so a name splits back into its parts one way only. Famous real
 * brands of the city (新飞, 华兰, 心连心, 白鹭, 金龙…) are left out on purpose.
 */

/** Hand-picked 字号 with a local flavour. */
export const curatedTradeNames = [
  '豫北', '牧野', '太行', '卫河', '百泉', '共城', '中原', '黄河', '金穗', '华泰', '宏达', '鑫源', '万和', '恒通', '瑞丰',
  '盛隆', '天正', '德润', '嘉禾', '丰源', '绿源', '惠农', '兴农', '富民', '源丰', '鼎盛', '宏图', '博远', '恒瑞', '永安',
  '金诺', '银河', '星光', '晨光', '旭日', '朝阳', '东方', '四通', '八方', '九州', '同心', '协力', '众诚', '信达', '诚信',
  '和顺', '福临', '康达', '安泰', '利民', '润泽', '益民', '中和', '振华', '兴华', '腾飞', '远航', '凯旋', '锦程', '鹏程',
  '卫源', '比干', '苏门', '潞王', '淇河', '孟姜', '新中', '嘉和', '蒲城', '宁固', '汲城', '太昊', '胙城', '同创',
]

/** First and second characters; every pair is a plausible 字号 (华达, 金瑞, 豫隆…). */
export const tradeNameFirst = [
  '华', '金', '宏', '鑫', '恒', '泰', '瑞', '盛', '兴', '永', '天', '中', '新', '国', '大', '东', '南', '北', '豫', '卫',
  '牧', '百', '太', '宝', '博', '昌', '诚', '创', '鼎', '丰', '福', '富', '高', '广', '海', '汇', '佳', '嘉', '锦', '巨',
  '凯', '康', '利', '隆', '美', '明', '鹏', '平', '祺', '庆', '荣', '润', '顺', '硕', '腾', '通', '万', '旺', '伟', '文',
  '祥', '欣', '信', '星', '亚', '怡', '益', '银', '英', '优', '宇', '元', '远', '跃', '正', '志', '智', '众', '卓', '安',
  '邦', '辰', '晨', '德', '方', '飞', '冠', '光', '航', '和', '弘', '洪', '辉', '吉', '建', '君', '坤', '力', '联', '龙',
]

export const tradeNameSecond = [
  '达', '泰', '源', '丰', '盛', '隆', '兴', '昌', '祥', '瑞', '通', '利', '安', '和', '华', '宇', '峰', '晟', '鑫', '诚',
  '信', '德', '远', '恒', '辉', '明', '康', '成', '洋', '进', '亿', '鼎', '嘉', '润', '旺', '茂', '强', '腾', '海', '邦',
  '豪', '凯', '科', '耀', '胜', '威', '星', '阳', '业', '益', '越', '泽', '正', '众', '卓', '博', '川', '佳', '建', '捷',
  '锦', '聚', '力', '联', '龙', '美', '纳', '鹏', '平', '祺', '庆', '荣', '升', '顺', '天', '拓', '伟', '新', '欣', '旭',
  '雅', '扬', '英', '友', '元', '悦', '云', '展', '智', '坤', '方', '航', '弘', '宏', '林', '原', '光', '禾', '运', '铭',
]

/** Pairs a registrar would not accept (中华, 中国 need State Council approval). */
const refusedTradeNames = new Set(['中华', '中国', '国家'])

/** All 字号: the curated ones first, then every first × second pair with two different characters. */
export const tradeNames: readonly string[] = (() => {
  const seen = new Set<string>()
  const out: string[] = []
  const add = (n: string) => {
    if (!seen.has(n) && !refusedTradeNames.has(n)) {
      seen.add(n)
      out.push(n)
    }
  }
  curatedTradeNames.forEach(add)
  for (const a of tradeNameFirst) for (const b of tradeNameSecond) if (a !== b) add(a + b)
  return out
})()

export interface Industry {
  /** The 行业 words in the name, e.g. 食品, 起重机械, 建筑工程. */
  word: string
  /** Makes things: an old firm of this trade was often a 厂 before it became a company. */
  manufacturing: boolean
}

const m = (word: string): Industry => ({ word, manufacturing: true })
const s = (word: string): Industry => ({ word, manufacturing: false })

/** 行业: what the firm does, as written in its name. Local strengths (起重机械, 卫生材料, 电池, 振动机械, 过滤设备, 面粉) included. */
export const industries: readonly Industry[] = [
  m('食品'), m('机械'), s('建筑工程'), s('物流'), s('农业科技'), m('化工'), m('纺织'), m('电子'), m('医药'), s('商贸'),
  s('餐饮管理'), s('环保科技'), s('新能源'), m('电气'), m('起重机械'), m('防腐'), m('卫生材料'), m('医疗器械'), s('汽车销售'), m('汽车零部件'),
  m('电池'), m('电源'), m('新材料'), m('建材'), m('钢结构'), s('装饰工程'), s('园林绿化'), s('房地产开发'), s('置业'), s('物业服务'),
  s('劳务'), s('人力资源'), s('信息技术'), s('网络科技'), s('软件'), s('教育咨询'), s('文化传媒'), s('广告'), m('印务'), m('包装'),
  m('塑业'), m('纸业'), m('面粉'), m('粮油'), m('饲料'), s('养殖'), s('种业'), s('农资'), m('制药'), s('生物科技'),
  s('医疗科技'), m('仪器仪表'), m('阀门'), m('管业'), m('振动机械'), m('过滤设备'), s('环境工程'), s('节能科技'), s('光伏'), s('电力工程'),
  s('水利工程'), s('市政工程'), s('运输'), s('供应链管理'), s('贸易'), s('酒店管理'), s('旅游开发'), s('健康管理'), s('家政服务'), s('机电设备'),
  s('五金'), m('轴承'), m('铸造'), m('锻造'), m('服饰'), m('家具'), m('陶瓷'), m('门业'), m('食品机械'), m('矿山机械'),
]

/** 组织形式 with how often each is chosen. */
export const companyForms: ReadonlyArray<readonly [string, number]> = [
  ['有限公司', 70],
  ['有限责任公司', 24],
  ['股份有限公司', 6],
]
