/**
 * One credit check: per subject, the entries in force, which record triggered which measure with its
 * legal basis, and why; then the feedback form (which measures were applied, or why not).
 */
import { useState } from 'react'
import { Alert, Button, Card, Checkbox, Descriptions, Empty, Form, Input, List, Select, Skeleton, Space, Tag, Typography } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { useApi } from '../shared/useApi.ts'
import { sendJson } from '../shared/api.ts'
import { ErrorNotice } from '../shared/ErrorNotice.tsx'
import { shanghaiTime } from '../shared/dates.ts'
import { DueDate } from './DueDate.tsx'
import { useRunner } from './useRunner.ts'
import { useDepartments } from './useDepartments.ts'
import { feedbackOutcomes, tierLabels, type CheckResult, type CheckSummary, type ResultMeasure, type Trigger } from './checks.ts'

function TriggerText({ t }: { t: Trigger }) {
  const { label } = useI18n()
  return t.kind === 'list_entry' ? (
    <span>{label([`列入「${t.listName}」（记录 ${t.recordId}）`, `listed on “${t.listName}” (record ${t.recordId})`])}</span>
  ) : (
    <span>{label([`失信信息 ${t.category}（记录 ${t.recordId}，${tierLabels[t.tier][0]}）在公示期内`, `dishonesty record ${t.category} (record ${t.recordId}, ${tierLabels[t.tier][1]}) within its publicity period`])}</span>
  )
}

function MeasureCard({ m }: { m: ResultMeasure }) {
  const { label, pick } = useI18n()
  const departments = useDepartments()
  const byCode = new Map(departments.items.map((d) => [d.code, d]))
  const departmentName = (code: string) => {
    const d = byCode.get(code)
    return d ? pick(d.name, d.nameEn) : code
  }
  return (
    <Card size="small" className={`measure measure-${m.effect}`} data-measure={m.code} style={{ marginBottom: 8, borderColor: m.effect === 'punishment' ? '#ffa39e' : '#b7eb8f' }}>
      <Space wrap>
        <Tag color={m.effect === 'punishment' ? 'red' : 'green'}>{m.effect === 'punishment' ? label(['惩戒', 'Punishment']) : label(['激励', 'Incentive'])}</Tag>
        <strong>{m.code} {m.name}</strong>
      </Space>
      <Descriptions column={1} size="small" style={{ marginTop: 8 }}>
        <Descriptions.Item label={label(['法律依据', 'Legal basis'])}>{m.legalBasis}</Descriptions.Item>
        <Descriptions.Item label={label(['触发原因', 'Triggered by'])}>
          <span>{m.triggeredBy.map((t, i) => <span key={i}>{i ? '；' : ''}<TriggerText t={t} /></span>)}</span>
        </Descriptions.Item>
        {m.implementers.length ? <Descriptions.Item label={label(['实施部门', 'Implemented by'])}>{m.implementers.map(departmentName).join('、')}</Descriptions.Item> : null}
      </Descriptions>
    </Card>
  )
}

function FeedbackForm({ checkId, result, onDone }: { checkId: number; result: CheckResult; onDone(): void }) {
  const { label } = useI18n()
  const { run, busy, error } = useRunner()
  const measures = [...(result.result?.punishments ?? []), ...(result.result?.incentives ?? [])]
  const submit = async (v: { measures?: string[]; outcome: string; reason?: string; note?: string }) => {
    const item = { code: result.code, measures: v.measures ?? [], outcome: v.outcome, ...(v.reason ? { reason: v.reason } : {}), ...(v.note ? { note: v.note } : {}) }
    const ok = await run(() => sendJson('POST', `/api/v1/credit-checks/${checkId}/feedback`, { items: [item] }), label(['反馈已记录', 'Feedback recorded']))
    if (ok) onDone()
  }
  return (
    <Form layout="vertical" onFinish={submit} className="feedback-form" initialValues={{ measures: measures.filter((m) => m.effect === 'punishment').map((m) => m.code), outcome: 'applied' }}>
      <Typography.Title level={3} style={{ fontSize: 15 }}>{label(['核查反馈', 'Feedback'])}</Typography.Title>
      <Form.Item label={label(['实施的措施', 'Measures applied'])} name="measures">
        <Checkbox.Group options={measures.map((m) => ({ value: m.code, label: `${m.code} ${m.name}` }))} />
      </Form.Item>
      <Form.Item label={label(['结果', 'Outcome'])} name="outcome" rules={[{ required: true }]}>
        <Select style={{ maxWidth: 360 }} options={Object.entries(feedbackOutcomes).map(([value, l]) => ({ value, label: label(l) }))} />
      </Form.Item>
      <Form.Item label={label(['未采纳理由', 'Reason not adopted'])} name="reason">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item label={label(['备注', 'Note'])} name="note">
        <Input maxLength={2000} />
      </Form.Item>
      {error ? <Alert type="error" role="alert" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Button type="primary" htmlType="submit" loading={busy}>{label(['提交反馈', 'Record feedback'])}</Button>
    </Form>
  )
}

function ResultCard({ checkId, r, onFeedback }: { checkId: number; r: CheckResult; onFeedback(): void }) {
  const { label, lang } = useI18n()
  const [done, setDone] = useState(false)
  const body = r.result
  return (
    <Card className="check-result" data-code={r.code} style={{ marginBottom: 16 }} title={<span>{r.name ?? r.code} <Typography.Text type="secondary">{r.code}</Typography.Text></span>} extra={!r.found ? <Tag>{label(['未找到', 'Not found'])}</Tag> : r.hit ? <Tag color="red">{label(['命中惩戒措施', 'Punishment applies'])}</Tag> : <Tag color="green">{label(['未命中', 'No punishment'])}</Tag>}>
      {r.error ? <Alert type="warning" showIcon title={lang === 'zh' ? r.error.message : r.error.message_en} /> : null}
      {body ? (
        <>
          {body.entries.length ? (
            <>
              <Typography.Title level={3} style={{ fontSize: 15 }}>{label(['在列名单', 'List entries in force'])}</Typography.Title>
              <List size="small" dataSource={body.entries} renderItem={(e) => (
                <List.Item key={e.recordId}>
                  <span><Tag color={e.listKind === 'black' ? 'default' : e.listKind === 'red' ? 'red' : 'orange'}>{e.listName}</Tag> {e.authority ?? ''} {e.decisionNumber ?? ''} · {e.reason ?? ''} · {e.startDate ?? ''} — {e.endDate ?? ''} · {label(['记录', 'record'])} {e.recordId}</span>
                </List.Item>
              )} />
            </>
          ) : null}
          {body.punishments.length ? <Typography.Title level={3} style={{ fontSize: 15 }}>{label(['适用的惩戒措施', 'Punishments that apply'])}</Typography.Title> : null}
          {body.punishments.map((m) => <MeasureCard key={m.code} m={m} />)}
          {body.incentives.length ? <Typography.Title level={3} style={{ fontSize: 15 }}>{label(['适用的激励措施', 'Incentives that apply'])}</Typography.Title> : null}
          {body.incentives.map((m) => <MeasureCard key={m.code} m={m} />)}
          {body.why.length ? (
            <>
              <Typography.Title level={3} style={{ fontSize: 15 }}>{label(['核查说明', 'Why'])}</Typography.Title>
              <ul className="check-why">{body.why.map((w, i) => <li key={i}>{w}</li>)}</ul>
            </>
          ) : null}
          {done ? <Alert type="success" showIcon title={label(['反馈已记录', 'Feedback recorded'])} /> : body.punishments.length + body.incentives.length > 0 ? <FeedbackForm checkId={checkId} result={r} onDone={() => { setDone(true); onFeedback() }} /> : null}
        </>
      ) : r.found ? <Typography.Text>{label(['没有在列名单、失信信息或适用的措施', 'No list entry, dishonesty record or measure applies'])}</Typography.Text> : null}
    </Card>
  )
}

export default function CheckPage({ id }: { id: number }) {
  const { label } = useI18n()
  const check = useApi<{ check: CheckSummary; results: CheckResult[]; nextPosition: number | null }>(`/api/v1/credit-checks/${id}?limit=200`)
  if (check.error) return <ErrorNotice error={check.error} onRetry={check.reload} />
  if (!check.data) return <Skeleton active />
  const c = check.data.check
  return (
    <>
      <h1 style={{ fontSize: 22, marginTop: 0 }}>{label([`核查结果 #${c.id}`, `Check #${c.id}`])}</h1>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={label(['事项', 'Matter'])}>{c.matter.code} {c.matter.name}</Descriptions.Item>
          <Descriptions.Item label={label(['事项依据', 'Basis of the matter'])}>{c.matter.legalBasis}</Descriptions.Item>
          <Descriptions.Item label={label(['用途', 'Purpose'])}>{c.purpose}</Descriptions.Item>
          <Descriptions.Item label={label(['时间', 'Time'])}>{shanghaiTime(c.at)}</Descriptions.Item>
          <Descriptions.Item label={label(['主体 / 找到 / 命中', 'Subjects / found / hits'])}>{c.subjects} / {c.found} / {c.hits}</Descriptions.Item>
          <Descriptions.Item label={label(['反馈期限（工作日）', 'Feedback due (working days)'])}>{c.hits > 0 ? <DueDate dueOn={c.feedbackDueOn} overdue={c.overdue && c.feedbackCount === 0} /> : '—'}（{label(['已反馈', 'received'])} {c.feedbackCount}）</Descriptions.Item>
        </Descriptions>
      </Card>
      {check.data.results.length === 0 ? <Empty /> : check.data.results.map((r) => <ResultCard key={r.position} checkId={c.id} r={r} onFeedback={check.reload} />)}
      {check.data.nextPosition !== null ? <Alert type="info" showIcon title={label(['仅显示前 200 个结果', 'The first 200 results are shown'])} /> : null}
    </>
  )
}
