/**
 * 2027: only the statutory holiday days of 《全国年节及纪念日放假办法》(国务院令第798号) are certain
 * before the State Council's notice for the year; the platform office enters its 调休 days (and any
 * bridging days off) when it is published — office entries override these.
 */
import { daysOff } from './notice.ts'

const source = '《全国年节及纪念日放假办法》(国务院令第798号) 法定节假日；调休安排以国务院办公厅通知为准，由平台管理员录入'

export const holidays2027 = [
  ...daysOff(source, '元旦', '2027-01-01'),
  ...daysOff(source, '春节', '2027-02-05', '2027-02-08'),
  ...daysOff(source, '清明节', '2027-04-05'),
  ...daysOff(source, '劳动节', '2027-05-01', '2027-05-02'),
  ...daysOff(source, '端午节', '2027-06-09'),
  ...daysOff(source, '中秋节', '2027-09-15'),
  ...daysOff(source, '国庆节', '2027-10-01', '2027-10-03'),
]
