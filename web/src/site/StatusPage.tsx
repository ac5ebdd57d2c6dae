/**
 * 办理进度: an applicant comes back with the receipt number and status code. Both go in a POST
 * body, never in the address, so they stay out of the history and the server's access logs.
 */
import { useState } from 'react'
import { Alert, Button, Card, Descriptions, Form, Input, Popconfirm, Segmented, Space, Tag, Timeline, Typography } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { ApiError, sendForm, sendJson } from '../shared/api.ts'
import { chinaToday, shanghaiTime } from '../shared/dates.ts'
import type { EvidenceProblem } from '../shared/evidence.ts'
import { EvidencePicker } from './EvidencePicker.tsx'
import { navigate, query } from './nav.ts'

const openObjection = ['received', 'forwarded', 'answered', 'suspended', 'under_review']
const openRepair = ['submitted', 'materials_requested', 'resubmitted', 'accepted']

interface Status {
  receiptNumber: string
  state: string
  stateLabel: string
  outcomeLabel?: string | null
  outcomeNote?: string | null
  receivedOn?: string
  dueOn: string | null
  finalDueOn?: string
  department?: string
  materialsMissing?: string[] | null
  decision?: 'approved' | 'rejected' | null
  reasons?: string | null
  reviewRequestBy?: string | null
  steps: Array<{ action: string; toState: string; at: string; note?: string | null }>
}

export default function StatusPage({ params }: { params: URLSearchParams }) {
  const { label, lang } = useI18n()
  const type = params.get('type') === 'repair' ? 'repair' : 'objection'
  const [status, setStatus] = useState<Status | undefined>()
  const [error, setError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  // Kept in memory only, for the applicant's next step on this page.
  const [keys, setKeys] = useState<{ receipt: string; token: string } | undefined>()
  const [grounds, setGrounds] = useState('')
  const [materials, setMaterials] = useState<{ files: File[]; problems: EvidenceProblem[] }>({ files: [], problems: [] })

  const act = async (fn: () => Promise<Status>) => {
    setBusy(true)
    setError(undefined)
    try {
      setStatus(await fn())
    } catch (e) {
      setError(e instanceof ApiError ? (lang === 'zh' ? e.zh : e.en) : (e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  const look = (v: { receipt: string; token: string }) => {
    const k = { receipt: v.receipt.trim(), token: v.token.trim() }
    setKeys(k)
    setStatus(undefined)
    return act(() => sendJson<Status>('POST', type === 'repair' ? '/api/v1/repairs/status' : '/api/v1/objections/status', k))
  }
  const withdraw = () => keys && act(() => sendJson<Status>('POST', type === 'repair' ? '/api/v1/repairs/status/withdraw' : '/api/v1/objections/status/withdraw', keys))
  const askReview = () => keys && act(() => sendJson<Status>('POST', '/api/v1/objections/status/review', { ...keys, grounds }))
  const resubmit = () => {
    if (!keys) return
    if (materials.problems.length || materials.files.length === 0) return setError(label(['请选择符合要求的补正材料', 'Choose the missing materials (within the limits)']))
    const form = new FormData()
    form.append('application', JSON.stringify(keys))
    for (const f of materials.files) form.append('materials', f, f.name)
    return act(() => sendForm<Status>('/api/v1/repairs/status/resubmit', form))
  }

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {label(['办理进度查询', 'Check progress'])}
      </Typography.Title>
      <Segmented
        style={{ marginBottom: 16 }}
        value={type}
        onChange={(v) => {
          setStatus(undefined)
          navigate(`/status${query({ type: String(v) })}`, { replace: true })
        }}
        options={[
          { value: 'objection', label: label(['异议申请', 'Objection']) },
          { value: 'repair', label: label(['信用修复申请', 'Credit repair']) },
        ]}
      />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="vertical" onFinish={look} style={{ maxWidth: 480 }} autoComplete="off">
          <Form.Item label={label(['受理编号', 'Receipt number'])} name="receipt" rules={[{ required: true, max: 40, message: label(['请填写受理编号', 'Enter the receipt number']) }]}>
            <Input />
          </Form.Item>
          <Form.Item label={label(['查询码', 'Status code'])} name="token" rules={[{ required: true, max: 100, message: label(['请填写查询码', 'Enter the status code']) }]}>
            <Input.Password visibilityToggle />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {label(['查询', 'Look up'])}
          </Button>
        </Form>
      </Card>
      {error ? <Alert type="error" role="alert" showIcon title={error} /> : null}
      {status ? (
        <Card title={`${label(['受理编号', 'Receipt'])} ${status.receiptNumber}`} className="status-result">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={label(['当前状态', 'State'])}>
              <Tag color="blue" data-state={status.state}>
                {status.stateLabel}
              </Tag>
            </Descriptions.Item>
            {status.department ? <Descriptions.Item label={label(['办理部门', 'Department'])}>{status.department}</Descriptions.Item> : null}
            {status.receivedOn ? <Descriptions.Item label={label(['受理日期', 'Received'])}>{status.receivedOn}</Descriptions.Item> : null}
            {status.dueOn ? <Descriptions.Item label={label(['当前期限', 'Due'])}>{status.dueOn}</Descriptions.Item> : null}
            {status.finalDueOn ? <Descriptions.Item label={label(['最迟办结', 'Final deadline'])}>{status.finalDueOn}</Descriptions.Item> : null}
            {status.outcomeLabel ? <Descriptions.Item label={label(['处理结果', 'Outcome'])}>{status.outcomeLabel}</Descriptions.Item> : null}
            {status.outcomeNote ? <Descriptions.Item label={label(['处理意见', 'Note'])}><span className="cell-text">{status.outcomeNote}</span></Descriptions.Item> : null}
            {status.decision ? <Descriptions.Item label={label(['决定', 'Decision'])}>{status.decision === 'approved' ? label(['修复通过', 'Approved']) : label(['不予修复', 'Rejected'])}</Descriptions.Item> : null}
            {status.reasons ? <Descriptions.Item label={label(['理由', 'Reasons'])}><span className="cell-text">{status.reasons}</span></Descriptions.Item> : null}
            {status.materialsMissing?.length ? <Descriptions.Item label={label(['需补正材料', 'Missing materials'])}>{status.materialsMissing.join('；')}</Descriptions.Item> : null}
          </Descriptions>
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {label(['办理过程', 'Steps'])}
          </Typography.Title>
          <Timeline items={status.steps.map((s) => ({ key: `${s.at}-${s.action}`, content: <span>{shanghaiTime(s.at)} · {s.action}{s.note ? ` · ${s.note}` : ''}</span> }))} />
          {type === 'repair' && status.state === 'materials_requested' ? (
            <Card size="small" title={label(['补正材料', 'Send the missing materials'])} style={{ marginBottom: 12 }}>
              <EvidencePicker label={['补正材料', 'Materials']} name="materials" onChange={(files, problems) => setMaterials({ files, problems })} />
              <Button type="primary" style={{ marginTop: 12 }} loading={busy} onClick={resubmit}>{label(['提交补正材料', 'Send'])}</Button>
            </Card>
          ) : null}
          {type === 'objection' && status.state === 'decided' && status.reviewRequestBy && status.reviewRequestBy >= chinaToday() ? (
            <Card size="small" title={label([`对处理结果有异议的，可于 ${status.reviewRequestBy} 前申请复核`, `You may ask for a review until ${status.reviewRequestBy}`])} style={{ marginBottom: 12 }}>
              <label htmlFor="review-grounds">{label(['复核理由', 'Grounds for review'])}</label>
              <Input.TextArea id="review-grounds" rows={3} maxLength={5000} value={grounds} onChange={(e) => setGrounds(e.target.value)} />
              <Button style={{ marginTop: 12 }} disabled={!grounds.trim()} loading={busy} onClick={askReview}>{label(['申请复核', 'Ask for a review'])}</Button>
            </Card>
          ) : null}
          {(type === 'objection' ? openObjection : openRepair).includes(status.state) ? (
            <Space>
              <Popconfirm title={label(['撤回后本申请终止，确定吗？', 'Withdrawing ends this application. Sure?'])} onConfirm={withdraw} okText={label(['撤回', 'Withdraw'])} cancelText={label(['取消', 'Cancel'])}>
                <Button danger loading={busy}>{label(['撤回申请', 'Withdraw'])}</Button>
              </Popconfirm>
            </Space>
          ) : null}
        </Card>
      ) : null}
    </>
  )
}
