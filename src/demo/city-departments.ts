/**
 * The demo city's departments (新乡市), as data. Each gets a valid USCC built from its own
 * organisation code body: registration authority 1 (机构编制) for all of them — courts, the
 * people's bank branch and the tax bureau are 机关 (category 1) like the bureaus; the public
 * resource trading centre is a 事业单位 (category 2). Bodies start with 00, a range the generated
 * demo subjects never use, so department and subject codes cannot collide.
 */
import { makeUscc } from '../identifiers/index.ts'
import { DEMO_CITY_DIVISION } from './city-divisions.ts'

export type DemoDepartmentKind = 'platform_office' | 'provider' | 'checker' | 'bank'

export interface DemoDepartment {
  code: string
  name: string
  nameEn: string
  shortName: string
  division: string
  parentCode: string | null
  kind: DemoDepartmentKind
  /** USCC organisation category under authority 1: '1' 机关, '2' 事业单位. */
  usccCategory: '1' | '2'
  /** The 8 body characters of the organisation code. */
  orgCodeBody: string
  uscc: string
}

type DepartmentRow = [code: string, name: string, nameEn: string, shortName: string, kind: DemoDepartmentKind, category?: '1' | '2']

const rows: DepartmentRow[] = [
  ['FGW', '新乡市发展和改革委员会', 'Xinxiang Municipal Development and Reform Commission', '市发展改革委', 'platform_office'],
  ['SCJG', '新乡市市场监督管理局', 'Xinxiang Municipal Administration for Market Regulation', '市市场监管局', 'provider'],
  ['SW', '国家税务总局新乡市税务局', 'Xinxiang Municipal Tax Service, State Taxation Administration', '市税务局', 'provider'],
  ['STHJ', '新乡市生态环境局', 'Xinxiang Municipal Bureau of Ecology and Environment', '市生态环境局', 'provider'],
  ['RSJ', '新乡市人力资源和社会保障局', 'Xinxiang Municipal Bureau of Human Resources and Social Security', '市人社局', 'provider'],
  ['ZJJ', '新乡市住房和城乡建设局', 'Xinxiang Municipal Bureau of Housing and Urban-Rural Development', '市住建局', 'provider'],
  ['ZYFY', '新乡市中级人民法院', 'Xinxiang Intermediate People’s Court', '新乡中院', 'provider'],
  ['JTYS', '新乡市交通运输局', 'Xinxiang Municipal Transport Bureau', '市交通运输局', 'provider'],
  ['YJGL', '新乡市应急管理局', 'Xinxiang Municipal Emergency Management Bureau', '市应急管理局', 'provider'],
  ['NYNC', '新乡市农业农村局', 'Xinxiang Municipal Bureau of Agriculture and Rural Affairs', '市农业农村局', 'provider'],
  ['GGZY', '新乡市公共资源交易中心', 'Xinxiang Public Resources Trading Center', '市公共资源交易中心', 'checker', '2'],
  ['CZJ', '新乡市财政局', 'Xinxiang Municipal Finance Bureau', '市财政局', 'provider'],
  ['SFJ', '新乡市司法局', 'Xinxiang Municipal Justice Bureau', '市司法局', 'provider'],
  ['GAJ', '新乡市公安局', 'Xinxiang Municipal Public Security Bureau', '市公安局', 'provider'],
  ['WJW', '新乡市卫生健康委员会', 'Xinxiang Municipal Health Commission', '市卫生健康委', 'provider'],
  ['JYJ', '新乡市教育局', 'Xinxiang Municipal Education Bureau', '市教育局', 'provider'],
  ['ZRZY', '新乡市自然资源和规划局', 'Xinxiang Municipal Bureau of Natural Resources and Planning', '市自然资源规划局', 'provider'],
  ['MZJ', '新乡市民政局', 'Xinxiang Municipal Civil Affairs Bureau', '市民政局', 'provider'],
  ['WGLJ', '新乡市文化广电和旅游局', 'Xinxiang Municipal Bureau of Culture, Radio, Television and Tourism', '市文化广电旅游局', 'provider'],
  ['SLJ', '新乡市水利局', 'Xinxiang Municipal Water Resources Bureau', '市水利局', 'provider'],
  ['GXJ', '新乡市工业和信息化局', 'Xinxiang Municipal Bureau of Industry and Information Technology', '市工业和信息化局', 'provider'],
  ['RMYH', '中国人民银行新乡市分行', 'People’s Bank of China Xinxiang Branch', '人民银行新乡市分行', 'bank'],
]

/** Body 0051 + a 4-digit serial: fixed, so a department's USCC never changes between releases. */
const orgCodeBodyFor = (serial: number) => `0051${String(serial).padStart(4, '0')}`

export const cityDepartments: readonly DemoDepartment[] = Object.freeze(
  rows.map(([code, name, nameEn, shortName, kind, category = '1'], i): DemoDepartment => {
    const orgCodeBody = orgCodeBodyFor(8001 + i)
    return Object.freeze({
      code,
      name,
      nameEn,
      shortName,
      division: DEMO_CITY_DIVISION,
      parentCode: null,
      kind,
      usccCategory: category,
      orgCodeBody,
      uscc: makeUscc({ authority: '1', category, division: DEMO_CITY_DIVISION, orgCodeBody8: orgCodeBody }),
    })
  }),
)

export const platformOffice: DemoDepartment = cityDepartments.find((d) => d.kind === 'platform_office') as DemoDepartment

export function findCityDepartment(code: string): DemoDepartment | undefined {
  return cityDepartments.find((d) => d.code === code)
}
