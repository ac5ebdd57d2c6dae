/** Today in China (the API's dates are China dates), and whether a due date has passed. */
export const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
export const isOverdue = (dueOn: string | null | undefined, today = chinaToday()) => !!dueOn && dueOn < today
export const shanghaiTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })
/** The day before a YYYY-MM-DD date: the API's publicity end is exclusive, people read the last day shown. */
export const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
