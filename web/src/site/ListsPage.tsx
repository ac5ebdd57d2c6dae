/** 红名单 / 重点关注名单 / 严重失信主体名单: entries in force (or recent exits), filtered by name, 20 a page. */
import { useId } from 'react'
import { Card, Empty, Input, Pagination, Segmented, Skeleton, Table, Tag, Typography } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { useApi } from '../shared/useApi.ts'
import { Link } from '../shared/router.tsx'
import { ErrorNotice } from '../shared/ErrorNotice.tsx'
import { navigate, query } from './nav.ts'
import { listKinds, type ListEntryView, type ListKind, type ListPage } from './public-types.ts'

const kinds = Object.keys(listKinds) as ListKind[]
const kindColour = { red: 'red', focus: 'orange', black: 'default' } as const

export default function ListsPage({ kind, params }: { kind: ListKind; params: URLSearchParams }) {
  const { label } = useI18n()
  const status = params.get('status') === 'exits' ? 'exits' : 'active'
  const q = params.get('q') ?? ''
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1)
  const nameId = useId()
  const go = (change: Record<string, string | number | undefined>) => navigate(`/lists/${kind}${query({ status: status === 'active' ? undefined : status, q, ...change })}`)
  const path = status === 'exits' ? `/api/v1/lists/${kind}/exits${query({ page })}` : `/api/v1/lists/${kind}${query({ q, page })}`
  const list = useApi<ListPage>(path)
  const pageSize = status === 'exits' ? 50 : 20

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {label(listKinds[kind])}
      </Typography.Title>
      <nav aria-label={label(['名单类型', 'List kind'])} className="list-kinds">
        {kinds.map((k) => (
          <Link key={k} to={`/lists/${k}`} aria-current={k === kind ? 'page' : undefined} className={k === kind ? 'list-kind current' : 'list-kind'}>
            {label(listKinds[k])}
          </Link>
        ))}
      </nav>
      <div className="filters" role="group" aria-label={label(['筛选条件', 'Filters'])}>
        <label>
          {label(['状态', 'Status'])}
          <Segmented
            value={status}
            onChange={(v) => go({ status: v === 'active' ? undefined : String(v), page: undefined })}
            options={[
              { value: 'active', label: label(['在列', 'In force']) },
              { value: 'exits', label: label(['近 90 天移出', 'Left in the last 90 days']) },
            ]}
          />
        </label>
        {status === 'active' ? (
          <label htmlFor={nameId}>
            {label(['主体名称', 'Name'])}
            <Input.Search id={nameId} key={q} defaultValue={q} maxLength={100} allowClear style={{ width: 280 }} onSearch={(v) => go({ q: v.trim() || undefined, page: undefined })} />
          </label>
        ) : null}
      </div>
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data ? <Skeleton active /> : null}
      {list.data ? (
        <Card>
          <Typography.Text type="secondary" role="status">
            {label([`共 ${list.data.total} 条`, `${list.data.total} entries`])}
          </Typography.Text>
          {list.data.items.length === 0 ? (
            <Empty description={label(['暂无名单记录', 'No entries'])} />
          ) : (
            <Table<ListEntryView>
              size="small"
              rowKey="recordId"
              pagination={false}
              dataSource={list.data.items}
              scroll={{ x: 900 }}
              className="list-table"
              columns={[
                { title: label(['主体名称', 'Subject']), key: 'subject', render: (_, e) => (e.subject.identifier && !e.subject.identifier.includes('*') ? <Link to={`/subjects/${encodeURIComponent(e.subject.identifier)}`}>{e.subject.name}</Link> : e.subject.name) },
                { title: label(['统一社会信用代码', 'USCC']), key: 'identifier', render: (_, e) => e.subject.identifier ?? '' },
                { title: label(['名单', 'List']), key: 'list', render: (_, e) => <Tag color={kindColour[e.listKind]}>{e.listName}</Tag> },
                { title: label(['认定部门', 'Authority']), dataIndex: 'authority' },
                { title: label(['列入事由', 'Reason']), dataIndex: 'reason', render: (v: string | null) => <span className="cell-text">{v ?? ''}</span> },
                { title: label(['依据', 'Legal basis']), dataIndex: 'legalBasis', render: (v: string | null) => <span className="cell-text">{v ?? ''}</span> },
                { title: label(['决定文号', 'Decision']), dataIndex: 'decisionNumber' },
                { title: label(['列入日期', 'Listed on']), dataIndex: 'listingDate' },
                { title: status === 'exits' ? label(['移出日期', 'Left on']) : label(['有效期至', 'Until']), key: 'end', render: (_, e) => (status === 'exits' ? (e.removalDate ?? e.endDate) : e.endDate) ?? '' },
              ]}
            />
          )}
          {list.data.total > pageSize ? <Pagination style={{ marginTop: 12 }} current={page} pageSize={pageSize} total={list.data.total} showSizeChanger={false} onChange={(p) => go({ page: p })} /> : null}
        </Card>
      ) : null}
    </>
  )
}
