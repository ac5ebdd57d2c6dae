/** The dashboard's open objections and repairs, nearest working-day deadline first; overdue in red. */
import { Card, Col, Empty, Row, Statistic, Table, Tag } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { useApi } from '../shared/useApi.ts'
import { Link } from '../shared/router.tsx'
import { ErrorNotice } from '../shared/ErrorNotice.tsx'
import { chinaToday } from '../shared/dates.ts'
import { DueDate } from './DueDate.tsx'
import { objectionStates, repairStates, type Objection, type Repair } from './cases.ts'

const SHOWN = 8

interface Row {
  id: number
  receiptNumber: string
  state: readonly [string, string]
  dueOn: string
  overdue: boolean
}

function Deadlines({ title, to, rows, error, loading }: { title: readonly [string, string]; to: string; rows: Row[]; error?: Error | undefined; loading: boolean }) {
  const { label } = useI18n()
  const overdue = rows.filter((r) => r.overdue).length
  return (
    <Card title={label(title)} extra={<Link to={to}>{label(['全部', 'All'])}</Link>} className={`deadlines deadlines-${to.split('/').pop()}`}>
      {error ? <ErrorNotice error={error} /> : null}
      <Row gutter={16} style={{ marginBottom: 12 }}>
        <Col span={12}><Statistic title={label(['办理中', 'Open'])} value={rows.length} loading={loading} /></Col>
        <Col span={12}><Statistic title={label(['已超期', 'Overdue'])} value={overdue} loading={loading} valueStyle={overdue ? { color: '#c8161d' } : undefined} /></Col>
      </Row>
      {rows.length === 0 && !loading ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={label(['没有办理中的案件', 'Nothing open'])} /> : (
        <Table<Row> size="small" rowKey="id" pagination={false} dataSource={rows.slice(0, SHOWN)} columns={[
          { title: label(['受理编号', 'Receipt']), dataIndex: 'receiptNumber' },
          { title: label(['状态', 'State']), dataIndex: 'state', render: (s: readonly [string, string]) => <Tag>{label(s)}</Tag> },
          { title: label(['期限（工作日）', 'Due (working days)']), key: 'due', render: (_, r) => <DueDate dueOn={r.dueOn} overdue={r.overdue} /> },
        ]} />
      )}
    </Card>
  )
}

export default function CaseDeadlines() {
  const objections = useApi<{ items: Objection[] }>('/api/v1/objections?limit=200')
  const repairs = useApi<{ items: Repair[] }>('/api/v1/repairs?limit=200')
  const today = chinaToday()
  const byDue = (a: Row, b: Row) => a.dueOn.localeCompare(b.dueOn)
  const objectionRows = (objections.data?.items ?? []).filter((o) => o.dueOn).map((o) => ({ id: o.id, receiptNumber: o.receiptNumber, state: objectionStates[o.state], dueOn: o.dueOn!, overdue: o.overdue ?? o.dueOn! < today })).sort(byDue)
  const repairRows = (repairs.data?.items ?? []).filter((r) => r.dueOn).map((r) => ({ id: r.id, receiptNumber: r.receiptNumber, state: repairStates[r.state], dueOn: r.dueOn!, overdue: r.dueOn! < today })).sort(byDue)
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} lg={12}><Deadlines title={['异议办理', 'Objections']} to="/console/objections" rows={objectionRows} error={objections.error} loading={objections.loading} /></Col>
      <Col xs={24} lg={12}><Deadlines title={['信用修复', 'Credit repair']} to="/console/repairs" rows={repairRows} error={repairs.error} loading={repairs.loading} /></Col>
    </Row>
  )
}
