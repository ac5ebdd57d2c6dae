import { Table, Tag } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { Link } from '../shared/router.tsx'
import { shanghaiTime, type Batch } from './batches.ts'

const statusColour = { validating: 'blue', committed: 'green', failed: 'red', interrupted: 'orange' } as const

export function BatchTable({ batches, loading }: { batches: Batch[]; loading?: boolean }) {
  const { t } = useI18n()
  return (
    <Table
      size="small"
      rowKey="id"
      loading={loading ?? false}
      dataSource={batches}
      pagination={false}
      scroll={{ x: 900 }}
      columns={[
        { title: t('batches.id'), dataIndex: 'id', render: (id: number) => <Link to={`/console/batches/${id}`}>{id}</Link> },
        { title: t('batches.time'), dataIndex: 'createdAt', render: (v: string) => shanghaiTime(v) },
        { title: t('batches.department'), dataIndex: 'departmentCode' },
        { title: t('batches.category'), dataIndex: 'category' },
        { title: t('batches.file'), dataIndex: 'fileName', render: (v: string | null) => <span className="cell-text">{v ?? '—'}</span> },
        { title: t('batches.status'), dataIndex: 'status', render: (s: Batch['status']) => <Tag color={statusColour[s]}>{t(`batches.status.${s}`)}</Tag> },
        { title: t('report.received'), dataIndex: 'received', align: 'right' },
        { title: t('report.accepted'), key: 'written', align: 'right', render: (_: unknown, b: Batch) => b.accepted + b.updated },
        { title: t('report.rejected'), dataIndex: 'rejected', align: 'right', render: (n: number) => (n > 0 ? <span style={{ color: '#c8161d' }}>{n}</span> : n) },
      ]}
    />
  )
}
