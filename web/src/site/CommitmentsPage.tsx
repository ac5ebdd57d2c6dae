/** 信用承诺公示: organisations' public commitments, searchable by name, 20 a page. */
import { useId } from 'react'
import { Card, Empty, Input, Pagination, Skeleton, Table, Tag, Typography } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { useApi } from '../shared/useApi.ts'
import { ErrorNotice } from '../shared/ErrorNotice.tsx'
import { navigate, query } from './nav.ts'
import type { CommitmentView } from './public-types.ts'

const statusColour: Record<string, string> = { in_force: 'blue', fulfilled: 'green', breached: 'red', not_started: 'default' }
const statusEn: Record<string, string> = { in_force: 'In force', fulfilled: 'Fulfilled', breached: 'Breached', not_started: 'Not yet in force' }

export default function CommitmentsPage({ params }: { params: URLSearchParams }) {
  const { label, lang } = useI18n()
  const q = params.get('q') ?? ''
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1)
  const id = useId()
  const data = useApi<{ page: number; total: number; items: CommitmentView[] }>(`/api/v1/commitments${query({ q, page })}`)
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {label(['信用承诺公示', 'Credit commitments'])}
      </Typography.Title>
      <div className="filters">
        <label htmlFor={id}>
          {label(['主体名称', 'Name'])}
          <Input.Search id={id} key={q} defaultValue={q} allowClear maxLength={100} style={{ width: 280 }} onSearch={(v) => navigate(`/commitments${query({ q: v.trim() || undefined })}`)} />
        </label>
      </div>
      {data.error ? <ErrorNotice error={data.error} onRetry={data.reload} /> : null}
      {data.loading && !data.data ? <Skeleton active /> : null}
      {data.data ? (
        <Card>
          <Typography.Text type="secondary" role="status">
            {label([`共 ${data.data.total} 条`, `${data.data.total} commitments`])}
          </Typography.Text>
          {data.data.items.length === 0 ? (
            <Empty description={label(['暂无信用承诺', 'No commitments'])} />
          ) : (
            <Table<CommitmentView>
              size="small"
              rowKey="recordId"
              pagination={false}
              scroll={{ x: 900 }}
              dataSource={data.data.items}
              columns={[
                { title: label(['承诺主体', 'Subject']), key: 'subject', render: (_, c) => c.subject.name },
                { title: label(['承诺类型', 'Kind']), dataIndex: 'kindLabel' },
                { title: label(['承诺事项', 'Matter']), dataIndex: 'matter' },
                { title: label(['承诺内容', 'Content']), dataIndex: 'content', render: (v: string | null) => <span className="cell-text">{v ?? ''}</span> },
                { title: label(['受诺单位', 'Accepted by']), dataIndex: 'acceptingUnit' },
                { title: label(['承诺日期', 'Made on']), dataIndex: 'madeOn' },
                { title: label(['承诺期限', 'Term ends']), dataIndex: 'termEnd' },
                { title: label(['履约状态', 'Status']), key: 'status', render: (_, c) => <Tag color={statusColour[c.status] ?? 'default'}>{lang === 'zh' ? c.statusLabel : (statusEn[c.status] ?? c.status)}</Tag> },
              ]}
            />
          )}
          {data.data.total > 20 ? <Pagination style={{ marginTop: 12 }} current={page} pageSize={20} total={data.data.total} showSizeChanger={false} onChange={(p) => navigate(`/commitments${query({ q, page: p })}`)} /> : null}
        </Card>
      ) : null}
    </>
  )
}
