/** 信用修复: applications with their working-day deadlines (overdue in red), materials, steps and the department's actions. */
import { useState } from 'react'
import { Button, Card, Checkbox, Descriptions, Drawer, Select, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { useApi } from '../shared/useApi.ts'
import { query, sendJson } from '../shared/api.ts'
import { ErrorNotice } from '../shared/ErrorNotice.tsx'
import { shanghaiTime } from '../shared/dates.ts'
import { ActionModal, type ActionSpec } from './ActionModal.tsx'
import { DueDate } from './DueDate.tsx'
import { options, repairStates, type Repair, type RepairDetail, type RepairState } from './cases.ts'

const stepsIn: Record<RepairState, string[]> = {
  submitted: ['accept', 'request-materials', 'decide', 'withdraw'],
  materials_requested: ['withdraw'],
  resubmitted: ['accept', 'request-materials', 'decide', 'withdraw'],
  accepted: ['complete-step', 'decide', 'withdraw'],
  approved: [],
  rejected: [],
  withdrawn: [],
}

function specs(id: number): Record<string, ActionSpec> {
  const post = (path: string) => (v: Record<string, unknown>) => sendJson('POST', `/api/v1/repairs/${id}/${path}`, v)
  const note = { name: 'note', label: ['说明', 'Note'], kind: 'textarea' } as const
  return {
    accept: { key: 'accept', title: ['受理', 'Accept'], fields: [note], send: post('accept') },
    'request-materials': { key: 'request-materials', title: ['一次性告知补正材料', 'Ask for missing materials (once)'], fields: [{ name: 'missing', label: ['所缺材料（每行一项）', 'Missing (one per line)'], kind: 'lines', required: true }, note], send: post('request-materials') },
    'complete-step': { key: 'complete-step', title: ['登记附加环节', 'Record a required step'], fields: [{ name: 'step', label: ['环节', 'Step'], kind: 'select', required: true, options: [{ value: 'training', label: ['信用修复培训', 'Training'] }, { value: 'credit_report', label: ['信用报告', 'Credit report'] }] }, note], send: post('complete-step') },
    decide: { key: 'decide', title: ['作出决定', 'Decide'], fields: [{ name: 'outcome', label: ['决定', 'Decision'], kind: 'select', required: true, options: [{ value: 'approved', label: ['准予修复（立即停止公示）', 'Approve (publicity ends now)'] }, { value: 'rejected', label: ['不予修复', 'Reject'] }] }, { name: 'reasons', label: ['理由（不予修复时必填）', 'Reasons (required to reject)'], kind: 'textarea' }], send: post('decide') },
    withdraw: { key: 'withdraw', title: ['登记撤回', 'Record a withdrawal'], fields: [note], send: post('withdraw'), danger: true },
  }
}

function RepairDrawer({ id, onClose, onChanged }: { id: number; onClose(): void; onChanged(): void }) {
  const { label } = useI18n()
  const detail = useApi<RepairDetail>(`/api/v1/repairs/${id}`)
  const [action, setAction] = useState<ActionSpec | undefined>()
  const r = detail.data
  const all = specs(id)
  return (
    <Drawer open width={760} onClose={onClose} title={r ? `${label(['信用修复', 'Repair'])} ${r.receiptNumber}` : label(['信用修复', 'Repair'])}>
      {detail.error ? <ErrorNotice error={detail.error} onRetry={detail.reload} /> : null}
      {!r ? <Skeleton active /> : (
        <>
          <Space wrap style={{ marginBottom: 16 }}>
            {stepsIn[r.state].map((k) => (
              <Button key={k} danger={all[k]!.danger ?? false} type={k === 'decide' ? 'primary' : 'default'} onClick={() => setAction(all[k])}>{label(all[k]!.title)}</Button>
            ))}
          </Space>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={label(['状态', 'State'])}><Tag color="blue">{label(repairStates[r.state])}</Tag></Descriptions.Item>
            <Descriptions.Item label={label(['所涉信息', 'Record'])}><a href={`/subjects/${r.subjectId}`} target="_blank" rel="noreferrer">{r.recordId}</a></Descriptions.Item>
            <Descriptions.Item label={label(['办理部门', 'Department'])}>{r.department.name}</Descriptions.Item>
            <Descriptions.Item label={label(['申请人', 'Applicant'])}>{r.applicant.name} · {r.applicant.contact}{r.applicant.powerOfAttorney ? ` · ${label(['委托书', 'POA'])}：${r.applicant.powerOfAttorney}` : ''}</Descriptions.Item>
            <Descriptions.Item label={label(['履行义务情况', 'Obligations'])}><span className="cell-text">{r.obligations.statement}</span></Descriptions.Item>
            <Descriptions.Item label={label(['信用承诺', 'Commitment'])}><span className="cell-text">{r.commitment.text}</span></Descriptions.Item>
            {r.materialsMissing ? <Descriptions.Item label={label(['已告知补正', 'Asked for'])}>{r.materialsMissing.join('；')}</Descriptions.Item> : null}
            {r.deadlines.map((d) => (
              <Descriptions.Item key={d.kind} label={d.kind === 'feedback' ? label(['答复期限（工作日）', 'Answer due (working days)']) : label(['决定期限（工作日）', 'Decision due (working days)'])}>
                <DueDate dueOn={d.dueOn} overdue={d.status === 'overdue'} />
              </Descriptions.Item>
            ))}
            {r.decision ? <Descriptions.Item label={label(['决定', 'Decision'])}>{r.decision === 'approved' ? label(['准予修复', 'Approved']) : label(['不予修复', 'Rejected'])}{r.reasons ? ` · ${r.reasons}` : ''}</Descriptions.Item> : null}
          </Descriptions>
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>{label(['申请材料', 'Materials'])}</Typography.Title>
          <ul>
            {r.materials.map((m) => (
              <li key={m.id}><a href={`/api/v1/repairs/${r.id}/materials/${m.id}`} download>{m.name}</a> <Typography.Text type="secondary">{Math.ceil(m.size / 1024)} KB</Typography.Text></li>
            ))}
          </ul>
          <Typography.Title level={2} style={{ fontSize: 16 }}>{label(['办理过程', 'Steps'])}</Typography.Title>
          <Timeline items={r.steps.map((s) => ({ key: s.id, content: <span>{shanghaiTime(s.at)} · {s.action} → {label(repairStates[s.toState as RepairState] ?? [s.toState, s.toState])} · {s.actor}{s.note ? <> · <span className="cell-text">{s.note}</span></> : null}</span> }))} />
        </>
      )}
      {action ? <ActionModal spec={action} onClose={() => setAction(undefined)} onDone={() => { setAction(undefined); detail.reload(); onChanged() }} /> : null}
    </Drawer>
  )
}

export default function RepairsPage() {
  const { label } = useI18n()
  const [state, setState] = useState('')
  const [overdue, setOverdue] = useState(false)
  const [open, setOpen] = useState<number | undefined>()
  const list = useApi<{ items: Repair[] }>(`/api/v1/repairs${query({ state, overdue: overdue ? 'true' : undefined, limit: 200 })}`)
  return (
    <>
      <h1 style={{ fontSize: 22, marginTop: 0 }}>{label(['信用修复', 'Credit repair'])}</h1>
      <Space wrap style={{ marginBottom: 12 }}>
        <label>
          {label(['状态', 'State'])}{' '}
          <Select style={{ width: 200 }} value={state} onChange={setState} options={[{ value: '', label: label(['全部', 'All']) }, ...options(repairStates).map((o) => ({ value: o.value, label: label(o.label) }))]} />
        </label>
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>{label(['只看超期', 'Overdue only'])}</Checkbox>
      </Space>
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      <Card>
        <Table<Repair>
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          columns={[
            { title: label(['受理编号', 'Receipt']), dataIndex: 'receiptNumber', render: (v: string, r) => <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(r.id)}>{v}</Button> },
            { title: label(['申请日期', 'Received']), dataIndex: 'receivedOn' },
            { title: label(['状态', 'State']), dataIndex: 'state', render: (s: RepairState) => <Tag>{label(repairStates[s])}</Tag> },
            { title: label(['办理部门', 'Department']), key: 'department', render: (_, r) => r.department.name },
            { title: label(['申请人', 'Applicant']), key: 'applicant', render: (_, r) => r.applicant.name },
            { title: label(['当前期限（工作日）', 'Due (working days)']), key: 'due', render: (_, r) => <DueDate dueOn={r.dueOn} /> },
          ]}
        />
      </Card>
      {open ? <RepairDrawer id={open} onClose={() => setOpen(undefined)} onChanged={list.reload} /> : null}
    </>
  )
}
