/** 查询记录 for auditors and the office: who read a subject's non-public records, when, why, under which authorisation. */
import { useState } from 'react'
import { Card, Empty, Input, Table, Tag } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { useApi } from '../shared/useApi.ts'
import { ErrorNotice } from '../shared/ErrorNotice.tsx'
import { shanghaiTime } from '../shared/dates.ts'

interface Read {
  id: number
  at: string
  department: { code: string; name: string } | null
  actorType: string
  actorId: string
  recordIds: number[]
  purpose: string
  authorisationId: number | null
  channel: string
}

export default function QueryLogPage() {
  const { label } = useI18n()
  const [code, setCode] = useState('')
  const log = useApi<{ items: Read[] }>(code ? `/api/v1/subjects/${encodeURIComponent(code)}/query-log?limit=500` : null)
  return (
    <>
      <h1 style={{ fontSize: 22, marginTop: 0 }}>{label(['查询记录', 'Query log'])}</h1>
      <Input.Search style={{ maxWidth: 420, marginBottom: 12 }} aria-label={label(['信用主体代码', 'Subject code'])} placeholder={label(['统一社会信用代码、身份证号码或主体编号', 'USCC, identity number or subject id'])} enterButton={label(['查看', 'Show'])} onSearch={(v) => setCode(v.trim())} />
      {log.error ? <ErrorNotice error={log.error} onRetry={log.reload} /> : null}
      <Card>
        {!code ? <Empty description={label(['输入主体代码，查看谁在何时因何查询了其非公开信息', 'Enter a subject code to see who read its non-public records, when and why'])} /> : (
          <Table<Read> size="small" rowKey="id" loading={log.loading} dataSource={log.data?.items ?? []} pagination={{ pageSize: 50, hideOnSinglePage: true }} scroll={{ x: 900 }} columns={[
            { title: label(['时间', 'Time']), dataIndex: 'at', render: (v: string) => shanghaiTime(v) },
            { title: label(['部门', 'Department']), key: 'd', render: (_, r) => r.department?.name ?? '—' },
            { title: label(['查询人', 'Reader']), key: 'a', render: (_, r) => `${r.actorType}:${r.actorId}` },
            { title: label(['用途', 'Purpose']), dataIndex: 'purpose' },
            { title: label(['渠道', 'Channel']), dataIndex: 'channel', render: (c: string) => <Tag>{c}</Tag> },
            { title: label(['授权书', 'Authorisation']), dataIndex: 'authorisationId', render: (v: number | null) => v ?? '—' },
            { title: label(['涉及记录', 'Records']), dataIndex: 'recordIds', render: (ids: number[]) => ids.join('、') },
          ]} />
        )}
      </Card>
    </>
  )
}
