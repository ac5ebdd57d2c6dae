/** A working-day due date: red with a mark when it has passed, amber on the day. */
import { Tag } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { chinaToday } from '../shared/dates.ts'

export function DueDate({ dueOn, overdue }: { dueOn: string | null | undefined; overdue?: boolean | undefined }) {
  const { label } = useI18n()
  if (!dueOn) return <span>—</span>
  const today = chinaToday()
  const late = overdue ?? dueOn < today
  if (late)
    return (
      <span className="due overdue" style={{ color: '#c8161d', fontWeight: 600 }}>
        {dueOn} <Tag color="red">{label(['已超期', 'Overdue'])}</Tag>
      </span>
    )
  return <span className={dueOn === today ? 'due due-today' : 'due'} style={dueOn === today ? { color: '#d46b08' } : undefined}>{dueOn}</span>
}
