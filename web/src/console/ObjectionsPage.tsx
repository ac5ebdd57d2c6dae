/** 异议办理: the queue with its working-day deadlines (overdue in red), and each objection's file and steps. */
import { useState } from 'react'
import { Button, Card, Checkbox, Descriptions, Drawer, Select, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { useApi } from '../shared/useApi.ts'
import { query, sendJson } from '../shared/api.ts'
import { ErrorNotice } from '../shared/ErrorNotice.tsx'
import { shanghaiTime } from '../shared/dates.ts'
import { ActionModal, type ActionSpec } from './ActionModal.tsx'
import { DueDate } from './DueDate.tsx'
import { useDepartments } from './useDepartments.ts'
import { objectionStates, options, outcomes, refusalReasons, suspensionReasons, type Objection, type ObjectionDetail, type ObjectionState } from './cases.ts'

const note = { name: 'note', label: ['说明', 'Note'], kind: 'textarea' } as const
const outcomeField = { name: 'outcome', label: ['处理结果', 'Outcome'], kind: 'select', options: options(outcomes), required: true } as const
const correctedField = { name: 'correctedVersion', label: ['更正后的版本号（仅“已更正”）', 'Corrected version (corrected only)'], kind: 'number' } as const

/** The steps the office (or the provider) may take in each state; the server decides in the end. */
const stepsIn: Record<ObjectionState, string[]> = {
  received: ['forward', 'decide', 'suspend', 'refuse', 'withdraw'],
  forwarded: ['answer', 'decide', 'suspend', 'withdraw'],
  answered: ['decide', 'withdraw'],
  suspended: ['resume', 'withdraw'],
  decided: ['review'],
  under_review: ['decide-review', 'suspend', 'withdraw'],
  reviewed: [],
  withdrawn: [],
  refused: [],
}

function specs(id: number): Record<string, ActionSpec> {
  const post = (path: string) => (v: Record<string, unknown>) => sendJson('POST', `/api/v1/objections/${id}/${path}`, v)
  return {
    forward: { key: 'forward', title: ['转提供单位核实', 'Forward to the provider'], fields: [note], send: post('forward') },
    answer: { key: 'answer', title: ['提供单位答复', 'Provider’s answer'], fields: [outcomeField, correctedField, { ...note, required: true }], send: post('answer') },
    decide: { key: 'decide', title: ['作出处理结果', 'Decide'], fields: [outcomeField, correctedField, { ...note, label: ['处理意见', 'Reasons'], required: true }], send: post('decide') },
    suspend: { key: 'suspend', title: ['中止计时', 'Suspend'], fields: [{ name: 'reason', label: ['事由', 'Reason'], kind: 'select', options: options(suspensionReasons), required: true }, { ...note, required: true }], send: post('suspend') },
    resume: { key: 'resume', title: ['恢复计时', 'Resume'], fields: [note], send: post('resume') },
    review: { key: 'review', title: ['登记复核申请', 'Record a review request'], fields: [{ name: 'grounds', label: ['复核理由', 'Grounds'], kind: 'textarea', required: true }], send: post('review') },
    'decide-review': {
      key: 'decide-review',
      title: ['作出复核决定', 'Decide the review'],
      fields: [{ name: 'result', label: ['复核结果', 'Result'], kind: 'select', required: true, options: [{ value: 'upheld', label: ['维持原结果', 'Upheld'] }, { value: 'overturned', label: ['撤销并重新处理', 'Overturned'] }] }, { ...outcomeField, required: false, label: ['新的处理结果（撤销时）', 'New outcome (when overturned)'] }, correctedField, { ...note, label: ['复核意见', 'Reasons'], required: true }],
      send: post('decide-review'),
    },
    withdraw: { key: 'withdraw', title: ['登记撤回', 'Record a withdrawal'], fields: [note], send: post('withdraw'), danger: true },
    refuse: { key: 'refuse', title: ['不予受理', 'Refuse'], fields: [{ name: 'reason', label: ['理由', 'Reason'], kind: 'select', options: options(refusalReasons), required: true }, { ...note, required: true }], send: post('refuse'), danger: true },
  }
}

function ObjectionDrawer({ id, onClose, onChanged }: { id: number; onClose(): void; onChanged(): void }) {
  const { label } = useI18n()
  const detail = useApi<ObjectionDetail>(`/api/v1/objections/${id}`)
  const [action, setAction] = useState<ActionSpec | undefined>()
  const o = detail.data
  const all = specs(id)
  return (
    <Drawer open width={760} onClose={onClose} title={o ? `${label(['异议', 'Objection'])} ${o.receiptNumber}` : label(['异议', 'Objection'])}>
      {detail.error ? <ErrorNotice error={detail.error} onRetry={detail.reload} /> : null}
      {!o ? <Skeleton active /> : (
        <>
          <Space wrap style={{ marginBottom: 16 }} className="case-actions">
            {stepsIn[o.state].map((k) => (
              <Button key={k} danger={all[k]!.danger ?? false} type={k === 'decide' ? 'primary' : 'default'} onClick={() => setAction(all[k])}>
                {label(all[k]!.title)}
              </Button>
            ))}
          </Space>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={label(['状态', 'State'])}><Tag color="blue">{label(objectionStates[o.state])}</Tag></Descriptions.Item>
            <Descriptions.Item label={label(['所涉信息', 'Record'])}>
              <a href={`/subjects/${o.subjectId}`} target="_blank" rel="noreferrer">{label(['信息', 'Record'])} {o.recordId}（{label(['第', 'version '])}{o.recordVersion}{label(['版', ''])}）</a>
            </Descriptions.Item>
            <Descriptions.Item label={label(['申请人', 'Applicant'])}>{o.applicant.name}（{o.applicant.relation === 'agent' ? label(['代理人', 'agent']) : label(['主体本人', 'the subject'])}）· {o.applicant.contact}</Descriptions.Item>
            <Descriptions.Item label={label(['异议理由', 'Grounds'])}><span className="cell-text">{o.grounds}</span></Descriptions.Item>
            <Descriptions.Item label={label(['受理日期', 'Received'])}>{o.receivedOn}</Descriptions.Item>
            <Descriptions.Item label={label(['当前期限', 'Due'])}><DueDate dueOn={o.dueOn} overdue={o.overdue} /></Descriptions.Item>
            <Descriptions.Item label={label(['最迟办结', 'Final deadline'])}>{o.finalDueOn}</Descriptions.Item>
            {o.case.providerDueOn ? <Descriptions.Item label={label(['提供单位答复期限', 'Provider due'])}>{o.case.providerDueOn}</Descriptions.Item> : null}
            {o.case.answer ? <Descriptions.Item label={label(['提供单位答复', 'Provider’s answer'])}>{label(outcomes[o.case.answer.outcome as keyof typeof outcomes] ?? [o.case.answer.outcome, o.case.answer.outcome])} · <span className="cell-text">{o.case.answer.note}</span></Descriptions.Item> : null}
            {o.outcome ? <Descriptions.Item label={label(['处理结果', 'Outcome'])}>{label(outcomes[o.outcome])}{o.outcomeNote ? <> · <span className="cell-text">{o.outcomeNote}</span></> : null}</Descriptions.Item> : null}
            {o.case.reviewRequestBy ? <Descriptions.Item label={label(['可申请复核至', 'Review may be asked until'])}>{o.case.reviewRequestBy}</Descriptions.Item> : null}
          </Descriptions>
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>{label(['证明材料', 'Evidence'])}</Typography.Title>
          {o.evidence.length === 0 ? <Typography.Text type="secondary">{label(['无', 'None'])}</Typography.Text> : (
            <ul>
              {o.evidence.map((e) => (
                <li key={e.id}>
                  <a href={`/api/v1/objections/${o.id}/evidence/${e.id}`} download>{e.name}</a> <Typography.Text type="secondary">{e.mediaType} · {Math.ceil(e.size / 1024)} KB</Typography.Text>
                </li>
              ))}
            </ul>
          )}
          <Typography.Title level={2} style={{ fontSize: 16 }}>{label(['办理过程', 'Steps'])}</Typography.Title>
          <Timeline items={o.steps.map((s) => ({ key: s.id, content: <span>{shanghaiTime(s.at)} · {s.action} → {label(objectionStates[s.toState as ObjectionState] ?? [s.toState, s.toState])} · {s.actorId}{s.note ? <> · <span className="cell-text">{s.note}</span></> : null}</span> }))} />
        </>
      )}
      {action ? <ActionModal spec={action} onClose={() => setAction(undefined)} onDone={() => { setAction(undefined); detail.reload(); onChanged() }} /> : null}
    </Drawer>
  )
}

export default function ObjectionsPage() {
  const { label } = useI18n()
  const [state, setState] = useState<string>('')
  const [overdue, setOverdue] = useState(false)
  const [open, setOpen] = useState<number | undefined>()
  const departments = useDepartments()
  const list = useApi<{ items: Objection[] }>(`/api/v1/objections${query({ state, overdue: overdue ? 'true' : undefined, limit: 200 })}`)
  return (
    <>
      <h1 style={{ fontSize: 22, marginTop: 0 }}>{label(['异议办理', 'Objections'])}</h1>
      <Space wrap style={{ marginBottom: 12 }}>
        <label>
          {label(['状态', 'State'])}{' '}
          <Select style={{ width: 200 }} value={state} onChange={setState} options={[{ value: '', label: label(['全部', 'All']) }, ...options(objectionStates).map((o) => ({ value: o.value, label: label(o.label) }))]} />
        </label>
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>{label(['只看超期', 'Overdue only'])}</Checkbox>
      </Space>
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      <Card>
        <Table<Objection>
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          rowClassName={(o) => (o.overdue ? 'row-overdue' : '')}
          columns={[
            { title: label(['受理编号', 'Receipt']), dataIndex: 'receiptNumber', render: (v: string, o) => <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(o.id)}>{v}</Button> },
            { title: label(['受理日期', 'Received']), dataIndex: 'receivedOn' },
            { title: label(['状态', 'State']), dataIndex: 'state', render: (s: ObjectionState) => <Tag>{label(objectionStates[s])}</Tag> },
            { title: label(['提供单位', 'Provider']), dataIndex: 'departmentId', render: (id: number) => departments.byId.get(id)?.name ?? id },
            { title: label(['申请人', 'Applicant']), key: 'applicant', render: (_, o) => o.applicant.name },
            { title: label(['当前期限（工作日）', 'Due (working days)']), key: 'due', render: (_, o) => <DueDate dueOn={o.dueOn} overdue={o.overdue} /> },
            { title: label(['最迟办结', 'Final']), dataIndex: 'finalDueOn' },
          ]}
        />
      </Card>
      {open ? <ObjectionDrawer id={open} onClose={() => setOpen(undefined)} onChanged={list.reload} /> : null}
    </>
  )
}
