/**
 * The demo city's divisions (GB/T 2260, see shared/domain/identifiers.md §5) with the township
 * names used to build addresses and the names of rural bodies. The township lists are
 * illustrative demo data (close to, but not an authoritative copy of, the current 乡镇 lists).
 */

export const DEMO_CITY_DIVISION = '410700'
export const DEMO_CITY_NAME = '新乡市'
/** 长垣县 became 长垣市 in August 2019; older USCCs and ID numbers keep 410728. */
export const CHANGYUAN_HISTORICAL = '410728'
export const CHANGYUAN_CURRENT = '410783'
export const CHANGYUAN_RENAMED_ON = '2019-08-01'

export type DemoDivisionKind = 'district' | 'county' | 'county_city' | 'zone'

export interface DemoDivision {
  code: string
  /** Official name, e.g. 辉县市, 新乡高新技术产业开发区. */
  name: string
  /** How the division is written in front of names and addresses, e.g. 红旗区, 新乡高新区. */
  label: string
  kind: DemoDivisionKind
  /** Whether firms registered here usually carry the division's own name (counties) or the city's. */
  namesFirmsAfterItself: boolean
  /** Resident ID address code for people from here (zones have none; they use their county's). */
  residentArea: string | null
  townships: readonly string[]
  /** Main roads, for addresses in town. */
  roads: readonly string[]
}

const cityRoads = [
  '人民路', '平原路', '金穗大道', '胜利路', '劳动路', '新中大道', '东明大道', '和平路', '自由路',
  '健康路', '解放大道', '华兰大道', '宏力大道', '牧野大道', '荣校路', '向阳路', '新二街', '卫河路',
  '新飞大道', '道清路', '化工路', '北干道', '南干道', '建设路', '文化路', '人民东路', '饮马口街',
]

const countyRoads = ['人民路', '解放路', '建设路', '文化路', '中心大道', '新华路', '工业路', '北环路', '南环路', '迎宾大道', '振兴路', '光明路']

export const demoDivisions: readonly DemoDivision[] = [
  {
    code: '410702', name: '红旗区', label: '红旗区', kind: 'district', namesFirmsAfterItself: false, residentArea: '410702',
    townships: ['西街街道', '东街街道', '渠东街道', '文化街街道', '向阳街道', '洪门镇'], roads: cityRoads,
  },
  {
    code: '410703', name: '卫滨区', label: '卫滨区', kind: 'district', namesFirmsAfterItself: false, residentArea: '410703',
    townships: ['胜利路街道', '中同街街道', '健康路街道', '自由路街道', '南桥街道', '铁西街道', '平原镇'], roads: cityRoads,
  },
  {
    code: '410704', name: '凤泉区', label: '凤泉区', kind: 'district', namesFirmsAfterItself: false, residentArea: '410704',
    townships: ['宝西街道', '宝东街道', '大块镇', '耿黄镇', '潞王坟乡'], roads: cityRoads,
  },
  {
    code: '410711', name: '牧野区', label: '牧野区', kind: 'district', namesFirmsAfterItself: false, residentArea: '410711',
    townships: ['花园街道', '卫北街道', '荣校路街道', '东干道街道', '北干道街道', '新辉路街道', '和平路街道', '牧野乡', '王村镇'],
    roads: cityRoads,
  },
  {
    code: '410721', name: '新乡县', label: '新乡县', kind: 'county', namesFirmsAfterItself: true, residentArea: '410721',
    townships: ['七里营镇', '朗公庙镇', '古固寨镇', '翟坡镇', '大召营镇'], roads: countyRoads,
  },
  {
    code: '410724', name: '获嘉县', label: '获嘉县', kind: 'county', namesFirmsAfterItself: true, residentArea: '410724',
    townships: ['城关镇', '照镜镇', '黄堤镇', '中和镇', '徐营镇', '冯庄镇', '亢村镇', '史庄镇', '位庄乡', '大新庄乡', '太山乡'],
    roads: countyRoads,
  },
  {
    code: '410725', name: '原阳县', label: '原阳县', kind: 'county', namesFirmsAfterItself: true, residentArea: '410725',
    townships: ['城关镇', '原武镇', '齐街镇', '太平镇', '福宁集镇', '葛埠口乡', '蒋庄乡', '官厂乡', '大宾镇', '陡门乡', '路寨乡', '阳阿乡', '靳堂乡'],
    roads: countyRoads,
  },
  {
    code: '410726', name: '延津县', label: '延津县', kind: 'county', namesFirmsAfterItself: true, residentArea: '410726',
    townships: ['城关镇', '东屯镇', '丰庄镇', '小潭乡', '石婆固乡', '王楼乡', '马庄乡', '僧固乡', '位邱乡', '司寨乡', '胙城乡', '榆林乡'],
    roads: countyRoads,
  },
  {
    code: '410727', name: '封丘县', label: '封丘县', kind: 'county', namesFirmsAfterItself: true, residentArea: '410727',
    townships: ['城关镇', '黄陵镇', '黄德镇', '应举镇', '陈固镇', '鲁岗镇', '潘店镇', '赵岗镇', '留光镇', '居厢镇', '尹岗镇', '荆隆宫乡', '王村乡', '曹岗乡', '冯村乡', '陈桥镇'],
    roads: countyRoads,
  },
  {
    code: '410781', name: '卫辉市', label: '卫辉市', kind: 'county_city', namesFirmsAfterItself: true, residentArea: '410781',
    townships: ['汲水镇', '太公镇', '孙杏村镇', '后河镇', '李源屯镇', '唐庄镇', '上乐村镇', '狮豹头乡', '安都乡', '顿坊店乡', '柳庄乡', '庞寨乡', '城郊乡'],
    roads: countyRoads,
  },
  {
    code: '410782', name: '辉县市', label: '辉县市', kind: 'county_city', namesFirmsAfterItself: true, residentArea: '410782',
    townships: [
      '城关街道', '百泉镇', '孟庄镇', '常村镇', '吴村镇', '南村镇', '南寨镇', '上八里镇', '北云门镇', '占城镇', '冀屯镇',
      '峪河镇', '薄壁镇', '黄水乡', '洪洲乡', '西平罗乡', '高庄乡', '张村乡', '拍石头乡', '赵固乡', '沙窑乡',
    ],
    roads: countyRoads,
  },
  {
    code: '410783', name: '长垣市', label: '长垣市', kind: 'county_city', namesFirmsAfterItself: true,
    residentArea: CHANGYUAN_HISTORICAL, // everyone born 1940–2006 was issued a 长垣县 number
    townships: [
      '蒲东街道', '蒲西街道', '南蒲街道', '蒲北街道', '魏庄街道', '丁栾镇', '樊相镇', '恼里镇', '常村镇', '赵堤镇',
      '孟岗镇', '满村镇', '苗寨镇', '张三寨镇', '佘家镇', '方里镇', '芦岗乡', '武丘乡',
    ],
    roads: ['蒲东大道', '宏力大道', '山海大道', '人民路', '卫华大道', '德邻大道', '文明路', '长城路', '城市路', '井园路'],
  },
  {
    code: '410771', name: '新乡高新技术产业开发区', label: '新乡高新区', kind: 'zone', namesFirmsAfterItself: false, residentArea: null,
    townships: ['关堤乡'], roads: ['新二街', '新一街', '华兰大道', '新飞大道', '科隆大道', '锦园路'],
  },
  {
    code: '410772', name: '新乡经济技术开发区', label: '新乡经开区', kind: 'zone', namesFirmsAfterItself: false, residentArea: null,
    townships: ['小冀镇'], roads: ['经八路', '经九路', '纬七路', '纬八路', '新长路', '和平大道'],
  },
  {
    code: '410773', name: '新乡市平原城乡一体化示范区', label: '平原示范区', kind: 'zone', namesFirmsAfterItself: false, residentArea: null,
    townships: ['桥北乡', '韩董庄镇', '师寨镇', '祝楼乡'], roads: ['黄河大道', '文昌路', '龙源路', '滨湖大道', '博学路', '太行大道'],
  },
]

const byCode = new Map(demoDivisions.map((d) => [d.code, d]))

export function demoDivision(code: string): DemoDivision {
  const found = byCode.get(code === CHANGYUAN_HISTORICAL ? CHANGYUAN_CURRENT : code)
  if (!found) throw new RangeError(`not a demo division: ${code}`)
  return found
}

/** Every code a generated subject may carry (current, historical, city level). */
export const demoDivisionCodes: ReadonlySet<string> = new Set([
  DEMO_CITY_DIVISION,
  CHANGYUAN_HISTORICAL,
  ...demoDivisions.map((d) => d.code),
])

/** Every (division, township) pair, in a fixed order. */
export const demoTownships: ReadonlyArray<{ division: DemoDivision; township: string }> = demoDivisions.flatMap((division) =>
  division.townships.map((township) => ({ division, township })),
)
