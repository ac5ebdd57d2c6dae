/**
 * Words for rural bodies: 农民专业合作社 (county + 字号 + what it grows or raises + 专业合作社)
 * and village names (方位 + surname + settlement word, e.g. 南李庄, 大王营, 后寨…), used for
 * 村股份经济合作社 and village schools.
 */

/** What a cooperative does; local specialities (原阳大米, 封丘金银花, 延津小麦) included. */
export const cooperativeTrades = [
  '种植', '养殖', '蔬菜种植', '小麦种植', '花生种植', '大蒜种植', '食用菌种植', '中药材种植', '林果种植', '葡萄种植',
  '苗木种植', '生猪养殖', '肉牛养殖', '奶牛养殖', '肉羊养殖', '蛋鸡养殖', '水产养殖', '农机', '农机服务', '植保',
  '粮食种植', '果蔬', '土地股份', '畜牧', '养蜂', '花卉种植', '红薯种植', '金银花种植', '石榴种植', '西瓜种植',
  '水稻种植', '优质小麦', '玉米种植', '桃种植', '草莓种植', '山楂种植', '怀药种植', '肉鸭养殖', '肉鸡养殖', '农产品购销',
] as const

export const cooperativeSuffixes: ReadonlyArray<readonly [string, number]> = [
  ['专业合作社', 80],
  ['农民专业合作社', 20],
]

export const villagePrefixes = ['', '东', '西', '南', '北', '前', '后', '大', '小', '上', '下', '中', '新', '高'] as const
export const villageSurnames = [
  '王', '李', '张', '刘', '陈', '杨', '赵', '郭', '孙', '马', '周', '吴', '徐', '朱', '胡', '高', '宋', '郑', '何', '许',
  '韩', '冯', '贾', '田', '梁', '范', '孟', '董', '曹', '袁', '程', '杜', '魏', '崔', '吕', '任', '秦', '史', '牛', '常',
  '苏', '侯', '付', '申', '司', '段', '石', '谢', '姚', '邵', '薛', '卢', '潘', '彭', '岳', '尹', '丁', '孔', '樊', '闫',
] as const
export const villageSuffixes = ['庄', '村', '营', '屯', '寨', '集', '店', '岗', '楼', '湾', '堤', '固', '桥', '坡', '窑', '园'] as const

export const villageCount = villagePrefixes.length * villageSurnames.length * villageSuffixes.length

/** The i-th village name, i in [0, villageCount). Injective. */
export function villageName(i: number): string {
  const suffix = villageSuffixes[i % villageSuffixes.length] as string
  i = Math.floor(i / villageSuffixes.length)
  const surname = villageSurnames[i % villageSurnames.length] as string
  const prefix = villagePrefixes[Math.floor(i / villageSurnames.length)] as string
  return prefix + surname + suffix
}

/** 村级集体经济组织 name endings (N2), key-free decoration. */
export const villageCollectiveSuffixes: ReadonlyArray<readonly [string, number]> = [
  ['村股份经济合作社', 85],
  ['村经济合作社', 15],
]
