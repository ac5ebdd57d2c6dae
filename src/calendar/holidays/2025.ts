/** 2025: 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）. */
import { daysOff, workingWeekends } from './notice.ts'

const source = '国办发明电〔2024〕12号'

export const holidays2025 = [
  ...daysOff(source, '元旦', '2025-01-01'),
  ...daysOff(source, '春节', '2025-01-28', '2025-02-04'),
  ...daysOff(source, '清明节', '2025-04-04', '2025-04-06'),
  ...daysOff(source, '劳动节', '2025-05-01', '2025-05-05'),
  ...daysOff(source, '端午节', '2025-05-31', '2025-06-02'),
  ...daysOff(source, '国庆节、中秋节', '2025-10-01', '2025-10-08'),
  ...workingWeekends(source, '春节', '2025-01-26', '2025-02-08'),
  ...workingWeekends(source, '劳动节', '2025-04-27'),
  ...workingWeekends(source, '国庆节、中秋节', '2025-09-28', '2025-10-11'),
]
