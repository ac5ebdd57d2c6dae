/** 审计日志 for auditors and the office: the hash-chained trail, newest first, filterable, with a chain check. */
import { useState } from 'react'
import { Alert, Button, Card, Input, Space, Table } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { useApi } from '../shared/useApi.ts'
import { getJson, query } from '../shared/api.ts'
import { ErrorNotice } from '../shared/ErrorNotice.tsx'
import { shanghaiTime } from '../shared/dates.ts'
import { useRunner } from './useRunner.ts'

interface Entry {
  id: number
  at: string
  actorType: string
  actorId: string
  action: string
  entityType: string
  entityId: string
  detail: Record<string, unknown>
}

const LIMIT = 100

export default function AuditPage() {
  const { label } = useI18n()
  const [filter, setFilter] = useState<{ entityType?: string; entityId?: string; beforeId?: number }>({})
  const log = useApi<{ items: Entry[] }>(`/api/v1/audit-log${query({ limit: LIMIT, ...filter })}`)
  const [verdict, setVerdict] = useState<{ intact: boolean; entries: number; brokenAt?: number; reason?: string } | undefined>()
  const { run, busy } = useRunner()
  const items = log.data?.items ?? []
  return (
    <>
      <h1 style={{ fontSize: 22, marginTop: 0 }}>{label(['审计日志', 'Audit log'])}</h1>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search placeholder={label(['对象类型，如 objection', 'Entity type, e.g. objection'])} aria-label={label(['对象类型', 'Entity type'])} allowClear onSearch={(v) => setFilter((f) => ({ ...(v.trim() ? { entityType: v.trim() } : {}), ...(f.entityId ? { entityId: f.entityId } : {}) }))} style={{ width: 240 }} />
        <Input.Search placeholder={label(['对象编号', 'Entity id'])} aria-label={label(['对象编号', 'Entity id'])} allowClear onSearch={(v) => setFilter((f) => ({ ...(f.entityType ? { entityType: f.entityType } : {}), ...(v.trim() ? { entityId: v.trim() } : {}) }))} style={{ width: 200 }} />
        <Button loading={busy} onClick={async () => setVerdict(await run(() => getJson<{ intact: boolean; entries: number; brokenAt?: number; reason?: string }>('/api/v1/audit-log/verification')))}>
          {label(['校验审计链', 'Verify the chain'])}
        </Button>
      </Space>
      {verdict ? <Alert style={{ marginBottom: 12 }} showIcon type={verdict.intact ? 'success' : 'error'} title={verdict.intact ? label([`审计链完整（${verdict.entries} 条）`, `The chain is intact (${verdict.entries} entries)`]) : label([`审计链在第 ${verdict.brokenAt} 条断开：${verdict.reason ?? ''}`, `The chain breaks at entry ${verdict.brokenAt}: ${verdict.reason ?? ''}`])} /> : null}
      {log.error ? <ErrorNotice error={log.error} onRetry={log.reload} /> : null}
      <Card>
        <Table<Entry> size="small" rowKey="id" loading={log.loading} dataSource={items} pagination={false} scroll={{ x: 1000 }}
          expandable={{ expandedRowRender: (e) => <pre className="cell-text" style={{ margin: 0, fontSize: 12 }}>{JSON.stringify(e.detail, null, 2)}</pre> }}
          columns={[
            { title: '#', dataIndex: 'id', width: 80 },
            { title: label(['时间', 'Time']), dataIndex: 'at', render: (v: string) => shanghaiTime(v) },
            { title: label(['操作人', 'Actor']), key: 'actor', render: (_, e) => `${e.actorType}:${e.actorId}` },
            { title: label(['操作', 'Action']), dataIndex: 'action' },
            { title: label(['对象', 'Entity']), key: 'entity', render: (_, e) => `${e.entityType} ${e.entityId}` },
          ]}
        />
        {items.length === LIMIT ? <Button style={{ marginTop: 12 }} onClick={() => setFilter((f) => ({ ...f, beforeId: items[items.length - 1]!.id }))}>{label(['更早的记录', 'Older entries'])}</Button> : null}
      </Card>
    </>
  )
}
