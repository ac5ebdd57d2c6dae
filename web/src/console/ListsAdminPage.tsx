/** 名单管理: entries of every status (with pre-notice and responsible persons), and the written pre-notices (河南条例 Arts. 28, 35). */
import { useState } from 'react'
import { Button, Card, Descriptions, Drawer, Input, Pagination, Select, Skeleton, Space, Table, Tabs, Tag } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { useApi } from '../shared/useApi.ts'
import { query, sendJson } from '../shared/api.ts'
import { ErrorNotice } from '../shared/ErrorNotice.tsx'
import { ActionModal, type ActionSpec } from './ActionModal.tsx'
import { hasRole, useSession } from './session.ts'

interface Entry {
  recordId: number
  category: string
  listKind: 'red' | 'focus' | 'black'
  listName: string
  status: string
  statusLabel: string
  subject: { id: number; name: string; kind: string; identifier: string | null }
  authority: string | null
  reason: string | null
  legalBasis: string | null
  decisionNumber: string | null
  listingDate: string | null
  startDate: string | null
  endDate: string | null
  removalDate: string | null
  preNotice?: { required: boolean; servedOn: string | null }
  responsiblePersons?: Array<{ role: string; roleLabel: string; name: string; idNumber: string | null }>
}
interface PreNotice {
  id: number
  subjectId: number
  category: string
  departmentCode: string
  noticeNumber: string
  servedOn: string
  delivery: string
  basis: string
  reasons: string
  measures: string
  objectionUntil: string | null
}

const kinds = { black: ['严重失信主体名单', 'Serious dishonesty'], focus: ['重点关注名单', 'Focus'], red: ['红名单', 'Red'] } as const
const statusColour: Record<string, string> = { active: 'green', awaiting_pre_notice: 'orange', pending: 'blue', expired: 'default', removed: 'default', withdrawn: 'red' }
const roles = { legal_representative: ['法定代表人', 'Legal representative'], principal: ['主要负责人', 'Principal'], actual_controller: ['实际控制人', 'Actual controller'], directly_responsible: ['直接责任人', 'Directly responsible'] } as const

function EntryDrawer({ recordId, onClose }: { recordId: number; onClose(): void }) {
  const { label } = useI18n()
  const { user } = useSession()
  const entry = useApi<Entry>(`/api/v1/lists/entries/${recordId}`)
  const [adding, setAdding] = useState(false)
  const e = entry.data
  const spec: ActionSpec = {
    key: 'person',
    title: ['登记责任人', 'Record a responsible person'],
    fields: [
      { name: 'role', label: ['身份', 'Role'], kind: 'select', required: true, options: Object.entries(roles).map(([value, l]) => ({ value, label: l })) },
      { name: 'name', label: ['姓名', 'Name'], kind: 'text', required: true },
      { name: 'idNumber', label: ['身份证号码（加密保存）', 'Identity number (stored encrypted)'], kind: 'text' },
    ],
    send: (v) => sendJson('POST', `/api/v1/lists/entries/${recordId}/responsible-persons`, v),
  }
  return (
    <Drawer open width={680} onClose={onClose} title={e ? `${e.listName} · ${e.subject.name}` : String(recordId)}>
      {entry.error ? <ErrorNotice error={entry.error} /> : null}
      {!e ? <Skeleton active /> : (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={label(['状态', 'Status'])}><Tag color={statusColour[e.status]}>{e.statusLabel}</Tag></Descriptions.Item>
            <Descriptions.Item label={label(['主体', 'Subject'])}>{e.subject.name} {e.subject.identifier ?? ''}</Descriptions.Item>
            <Descriptions.Item label={label(['认定部门', 'Authority'])}>{e.authority}</Descriptions.Item>
            <Descriptions.Item label={label(['决定文号', 'Decision'])}>{e.decisionNumber}</Descriptions.Item>
            <Descriptions.Item label={label(['列入事由', 'Reason'])}><span className="cell-text">{e.reason ?? ''}</span></Descriptions.Item>
            <Descriptions.Item label={label(['依据', 'Basis'])}><span className="cell-text">{e.legalBasis ?? ''}</span></Descriptions.Item>
            <Descriptions.Item label={label(['列入 / 生效 / 到期', 'Listed / from / until'])}>{e.listingDate ?? '—'} / {e.startDate ?? '—'} / {e.endDate ?? '—'}</Descriptions.Item>
            {e.removalDate ? <Descriptions.Item label={label(['移出日期', 'Removed on'])}>{e.removalDate}</Descriptions.Item> : null}
            {e.preNotice ? <Descriptions.Item label={label(['事先告知', 'Pre-notice'])}>{e.preNotice.required ? (e.preNotice.servedOn ? label([`已于 ${e.preNotice.servedOn} 送达`, `served on ${e.preNotice.servedOn}`]) : <Tag color="orange">{label(['须送达而未送达', 'required, not served'])}</Tag>) : label(['不需要', 'not required'])}</Descriptions.Item> : null}
          </Descriptions>
          <h3 style={{ marginTop: 16 }}>{label(['责任人', 'Responsible persons'])}</h3>
          <Table size="small" rowKey={(p) => `${p.role}-${p.name}`} pagination={false} dataSource={e.responsiblePersons ?? []} columns={[{ title: label(['身份', 'Role']), dataIndex: 'roleLabel' }, { title: label(['姓名', 'Name']), dataIndex: 'name' }, { title: label(['证件号码', 'ID']), dataIndex: 'idNumber' }]} />
          {hasRole(user, 'platform_admin', 'department_operator') && e.subject.kind !== 'natural_person' ? <Button style={{ marginTop: 12 }} onClick={() => setAdding(true)}>{label(['登记责任人', 'Add a responsible person'])}</Button> : null}
        </>
      )}
      {adding ? <ActionModal spec={spec} onClose={() => setAdding(false)} onDone={() => { setAdding(false); entry.reload() }} /> : null}
    </Drawer>
  )
}

function Entries() {
  const { label } = useI18n()
  const [kind, setKind] = useState<keyof typeof kinds>('black')
  const [status, setStatus] = useState('all')
  const [q, setQ] = useState('')
  const [page, setPage] = useState(1)
  const [open, setOpen] = useState<number | undefined>()
  const list = useApi<{ total: number; items: Entry[] }>(`/api/v1/lists/${kind}${query({ status, q, page })}`)
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select style={{ width: 200 }} value={kind} onChange={(v) => { setKind(v); setPage(1) }} options={Object.entries(kinds).map(([value, l]) => ({ value, label: label(l) }))} aria-label={label(['名单类型', 'List'])} />
        <Select style={{ width: 200 }} value={status} onChange={(v) => { setStatus(v); setPage(1) }} aria-label={label(['状态', 'Status'])} options={[{ value: 'all', label: label(['全部', 'All']) }, { value: 'active', label: label(['有效', 'In force']) }, { value: 'awaiting_pre_notice', label: label(['待送达事先告知', 'Awaiting pre-notice']) }]} />
        <Input.Search placeholder={label(['主体名称', 'Name'])} allowClear onSearch={(v) => { setQ(v.trim()); setPage(1) }} style={{ width: 240 }} aria-label={label(['主体名称', 'Name'])} />
      </Space>
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      <Table<Entry>
        size="small"
        rowKey="recordId"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: label(['主体', 'Subject']), key: 's', render: (_, e) => <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(e.recordId)}>{e.subject.name}</Button> },
          { title: label(['名单', 'List']), dataIndex: 'listName' },
          { title: label(['状态', 'Status']), key: 'status', render: (_, e) => <Tag color={statusColour[e.status]}>{e.statusLabel}</Tag> },
          { title: label(['认定部门', 'Authority']), dataIndex: 'authority' },
          { title: label(['列入日期', 'Listed']), dataIndex: 'listingDate' },
          { title: label(['到期', 'Until']), dataIndex: 'endDate' },
          { title: label(['责任人', 'Persons']), key: 'p', render: (_, e) => e.responsiblePersons?.length ?? 0 },
        ]}
      />
      {(list.data?.total ?? 0) > 20 ? <Pagination style={{ marginTop: 12 }} current={page} pageSize={20} total={list.data!.total} onChange={setPage} showSizeChanger={false} /> : null}
      {open ? <EntryDrawer recordId={open} onClose={() => setOpen(undefined)} /> : null}
    </>
  )
}

function PreNotices() {
  const { label } = useI18n()
  const { user } = useSession()
  const list = useApi<{ items: PreNotice[] }>('/api/v1/lists/pre-notices')
  const [adding, setAdding] = useState(false)
  const text = (name: string, l: readonly [string, string], required = true) => ({ name, label: l, kind: 'text' as const, required })
  const spec: ActionSpec = {
    key: 'pre-notice',
    title: ['登记事先告知', 'Record a pre-notice'],
    fields: [text('subject', ['主体代码', 'Subject code']), text('category', ['名单目录项代码（如 YZSXZT）', 'List item code (e.g. YZSXZT)']), text('noticeNumber', ['告知书文号', 'Notice number']), text('servedOn', ['送达日期（YYYY-MM-DD）', 'Served on (YYYY-MM-DD)']), text('delivery', ['送达方式', 'Delivery']), { name: 'basis', label: ['依据', 'Basis'], kind: 'textarea', required: true }, { name: 'reasons', label: ['事由', 'Reasons'], kind: 'textarea', required: true }, { name: 'measures', label: ['拟采取的措施', 'Measures'], kind: 'textarea', required: true }, text('objectionUntil', ['陈述申辩截止（YYYY-MM-DD）', 'Objections until (YYYY-MM-DD)'], false)],
    send: (v) => sendJson('POST', '/api/v1/lists/pre-notices', v),
  }
  return (
    <>
      {hasRole(user, 'platform_admin', 'department_operator') ? <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setAdding(true)}>{label(['登记事先告知', 'Record a pre-notice'])}</Button> : null}
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      <Table<PreNotice> size="small" rowKey="id" loading={list.loading} dataSource={list.data?.items ?? []} scroll={{ x: 900 }} pagination={{ pageSize: 20, hideOnSinglePage: true }} columns={[
        { title: label(['文号', 'Number']), dataIndex: 'noticeNumber' },
        { title: label(['目录项', 'Item']), dataIndex: 'category' },
        { title: label(['主体', 'Subject']), dataIndex: 'subjectId' },
        { title: label(['部门', 'Department']), dataIndex: 'departmentCode' },
        { title: label(['送达', 'Served']), key: 'served', render: (_, p) => `${p.servedOn} · ${p.delivery}` },
        { title: label(['事由', 'Reasons']), dataIndex: 'reasons', render: (v: string) => <span className="cell-text">{v}</span> },
        { title: label(['陈述申辩截止', 'Objections until']), dataIndex: 'objectionUntil' },
      ]} />
      {adding ? <ActionModal spec={spec} onClose={() => setAdding(false)} onDone={() => { setAdding(false); list.reload() }} /> : null}
    </>
  )
}

export default function ListsAdminPage() {
  const { label } = useI18n()
  return (
    <>
      <h1 style={{ fontSize: 22, marginTop: 0 }}>{label(['名单管理', 'Lists'])}</h1>
      <Card>
        <Tabs items={[{ key: 'entries', label: label(['名单记录与责任人', 'Entries and responsible persons']), children: <Entries /> }, { key: 'notices', label: label(['事先告知', 'Pre-notices']), children: <PreNotices /> }]} />
      </Card>
    </>
  )
}
