/** 2026: 国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）. */
import { daysOff, workingWeekends } from './notice.ts'

const source = '国办发明电〔2025〕7号'

export const holidays2026 = [
  ...daysOff(source, '元旦', '2026-01-01', '2026-01-03'),
  ...daysOff(source, '春节', '2026-02-15', '2026-02-23'),
  ...daysOff(source, '清明节', '2026-04-04', '2026-04-06'),
  ...daysOff(source, '劳动节', '2026-05-01', '2026-05-05'),
  ...daysOff(source, '端午节', '2026-06-19', '2026-06-21'),
  ...daysOff(source, '中秋节', '2026-09-25', '2026-09-27'),
  ...daysOff(source, '国庆节', '2026-10-01', '2026-10-07'),
  ...workingWeekends(source, '元旦', '2026-01-04'),
  ...workingWeekends(source, '春节', '2026-02-14', '2026-02-28'),
  ...workingWeekends(source, '劳动节', '2026-05-09'),
  ...workingWeekends(source, '国庆节', '2026-09-20', '2026-10-10'),
]
