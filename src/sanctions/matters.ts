/**
 * Matters (事项): the occasions on which an office must check credit before it acts — 河南条例
 * Art. 61 (licensing, supervision, procurement, tendering, public-resource trading, land transfer,
 * project approval, fiscal funds, employment) and the national basic list's fields of application.
 * Data; the platform office edits it through the measure catalog's versions.
 */
export interface Matter {
  code: string
  name: string
  nameEn: string
  /** Where the duty to check comes from. */
  legalBasis: string
}

const art61 = '《河南省社会信用条例》第六十一条'

export const builtInMatters: readonly Matter[] = [
  { code: 'XZXK', name: '行政许可', nameEn: 'Administrative licensing', legalBasis: `${art61}；《中华人民共和国行政许可法》` },
  { code: 'GZCN', name: '告知承诺制审批', nameEn: 'Notify-and-commit approval', legalBasis: `${art61}；《国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见》（国办发〔2020〕42号）` },
  { code: 'JDJC', name: '日常监管与检查', nameEn: 'Supervision and inspections', legalBasis: `${art61}；《河南省社会信用条例》第三十条第四项、第三十二条第五项` },
  { code: 'ZFCG', name: '政府采购', nameEn: 'Government procurement', legalBasis: `${art61}；《中华人民共和国政府采购法》第二十二条` },
  { code: 'ZTB', name: '招标投标', nameEn: 'Tendering and bidding', legalBasis: `${art61}；《中华人民共和国招标投标法实施条例》` },
  { code: 'GGZY', name: '公共资源交易', nameEn: 'Public resource trading', legalBasis: art61 },
  { code: 'TDCR', name: '国有土地使用权出让', nameEn: 'State land use right transfer', legalBasis: `${art61}；《河南省社会信用条例》第三十四条` },
  { code: 'XMSP', name: '项目审批核准', nameEn: 'Project approval', legalBasis: art61 },
  { code: 'CZZJ', name: '财政资金与补贴', nameEn: 'Fiscal funds and subsidies', legalBasis: `${art61}；《河南省社会信用条例》第三十条第二项、第三十二条、第三十四条` },
  { code: 'TXJY', name: '特许经营', nameEn: 'Franchises and concessions', legalBasis: '《河南省社会信用条例》第三十四条' },
  { code: 'RYPX', name: '评优评先与荣誉', nameEn: 'Honours and awards', legalBasis: '《河南省社会信用条例》第三十条第六项、第三十二条、第三十四条' },
  { code: 'RZZG', name: '任职资格与公职招录', nameEn: 'Posts and public recruitment', legalBasis: `${art61}；《河南省社会信用条例》第三十四条` },
  { code: 'JRFW', name: '融资授信与金融服务', nameEn: 'Financing and financial services', legalBasis: '《河南省社会信用条例》第三十四条' },
  { code: 'GGFW', name: '公共服务', nameEn: 'Public services', legalBasis: '《河南省社会信用条例》第三十条第五项、第三十四条' },
]
