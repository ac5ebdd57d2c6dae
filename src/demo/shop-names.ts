/**
 * Words for 个体工商户 names (division + 字号 + trade + shop word, e.g. 红旗区张记小吃店). None
 * ends in 公司 or 厂, so a shop's name never equals a firm's current or former name.
 */

/** How a shop is named after its owner: 张记, 李氏, 王家, 老赵. */
export const ownerTradeNamePatterns: ReadonlyArray<(surname: string) => string> = [
  (s) => `${s}记`,
  (s) => `${s}氏`,
  (s) => `${s}家`,
  (s) => `老${s}`,
]

/** Trade + shop word, as one piece. */
export const shopTrades = [
  '小吃店', '烩面馆', '饺子馆', '面馆', '烧烤店', '饭店', '快餐店', '包子铺', '早餐店', '胡辣汤馆',
  '羊肉汤馆', '卤肉店', '蛋糕店', '水果店', '蔬菜店', '粮油店', '副食店', '烟酒店', '便利店', '超市',
  '百货商店', '五金店', '五金机电商行', '建材经营部', '装饰材料经营部', '家具店', '灯具店', '服装店', '鞋店', '童装店',
  '手机店', '手机维修部', '家电维修部', '电动车维修部', '汽车修理部', '汽车美容店', '洗车行', '理发店', '美发店', '美容店',
  '足浴店', '照相馆', '打印部', '文具店', '书店', '大药房', '眼镜店', '花店', '茶叶店', '茶馆',
  '农资店', '种子店', '化肥经营部', '兽药店', '养殖场', '豆腐坊', '馒头坊', '油坊', '干洗店', '家政服务部',
  '搬家服务部', '废品收购站', '调料店', '熟食店', '母婴用品店', '床上用品店', '日用品店', '窗帘店', '钢材经营部', '门窗经营部',
] as const
