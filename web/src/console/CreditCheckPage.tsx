/** 信用核查: a check for a matter by codes (typed, or a CSV), the check history, and the checks whose feedback is overdue. */
import { useState } from 'react'
import { Alert, Button, Card, Checkbox, Form, Input, Select, Space, Table, Tabs, Tag } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { useApi } from '../shared/useApi.ts'
import { query, sendJson, sendText } from '../shared/api.ts'
import { ErrorNotice } from '../shared/ErrorNotice.tsx'
import { Link, navigate } from '../shared/router.tsx'
import { shanghaiTime } from '../shared/dates.ts'
import { DueDate } from './DueDate.tsx'
import { useRunner } from './useRunner.ts'
import type { CheckSummary, Matter } from './checks.ts'

function CheckForm() {
  const { label, pick } = useI18n()
  const matters = useApi<{ items: Matter[] }>('/api/v1/matters')
  const [mode, setMode] = useState<'codes' | 'csv'>('codes')
  const [csv, setCsv] = useState<File | undefined>()
  const { run, busy, error } = useRunner()
  const submit = async (v: { matter: string; purpose: string; codes?: string }) => {
    const answer = await run(async () => {
      if (mode === 'csv') {
        if (!csv) throw new Error(label(['请选择 CSV 文件', 'Choose a CSV file']))
        return sendText<{ check: CheckSummary }>(`/api/v1/credit-checks/csv${query({ matter: v.matter, purpose: v.purpose })}`, await csv.text(), 'text/csv')
      }
      const subjects = (v.codes ?? '').split(/[\s,，;；]+/).map((c) => c.trim()).filter(Boolean)
      return sendJson<{ check: CheckSummary }>('POST', '/api/v1/credit-checks', { matter: v.matter, purpose: v.purpose, subjects })
    })
    if (answer) navigate(`/console/checks/${answer.check.id}`)
  }
  return (
    <Card title={label(['发起核查', 'New check'])} style={{ marginBottom: 16 }}>
      <Form layout="vertical" onFinish={submit} style={{ maxWidth: 720 }}>
        <Form.Item label={label(['办理事项', 'Matter'])} name="matter" rules={[{ required: true, message: label(['请选择事项', 'Choose the matter']) }]}>
          <Select showSearch optionFilterProp="label" loading={matters.loading} options={(matters.data?.items ?? []).map((m) => ({ value: m.code, label: `${m.code} · ${pick(m.name, m.nameEn)}` }))} />
        </Form.Item>
        <Form.Item label={label(['核查用途（所办业务）', 'Purpose (the business handled)'])} name="purpose" rules={[{ required: true, max: 500, message: label(['请填写核查用途', 'Give the purpose']) }]}>
          <Input placeholder={label(['例如：某项目投标资格审查', 'e.g. bid eligibility review for project X'])} />
        </Form.Item>
        <Tabs
          activeKey={mode}
          onChange={(k) => setMode(k as 'codes' | 'csv')}
          items={[
            {
              key: 'codes',
              label: label(['输入代码', 'Type codes']),
              children: (
                <Form.Item label={label(['统一社会信用代码等（每行一个）', 'Codes (one per line)'])} name="codes" rules={mode === 'codes' ? [{ required: true, message: label(['请输入至少一个代码', 'Enter at least one code']) }] : []}>
                  <Input.TextArea rows={4} />
                </Form.Item>
              ),
            },
            {
              key: 'csv',
              label: label(['上传 CSV（批量）', 'Upload a CSV (batch)']),
              children: (
                <div style={{ marginBottom: 16 }}>
                  <label htmlFor="check-csv">{label(['CSV 文件：首行表头含“统一社会信用代码”或 code 列', 'CSV with a header column 统一社会信用代码 or code'])}</label>
                  <div>
                    <input id="check-csv" type="file" accept=".csv,text/csv" onChange={(e) => setCsv(e.currentTarget.files?.[0])} />
                  </div>
                </div>
              ),
            },
          ]}
        />
        {error ? <Alert type="error" role="alert" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
        <Button type="primary" htmlType="submit" loading={busy}>
          {label(['核查', 'Check'])}
        </Button>
      </Form>
    </Card>
  )
}

export function CheckTable({ overdueOnly }: { overdueOnly: boolean }) {
  const { label } = useI18n()
  const checks = useApi<{ items: CheckSummary[] }>(`/api/v1/credit-checks${query({ overdue: overdueOnly ? 'true' : undefined, limit: 100 })}`)
  if (checks.error) return <ErrorNotice error={checks.error} onRetry={checks.reload} />
  return (
    <Table<CheckSummary>
      size="small"
      rowKey="id"
      loading={checks.loading}
      dataSource={checks.data?.items ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 900 }}
      columns={[
        { title: label(['核查', 'Check']), dataIndex: 'id', render: (id: number) => <Link to={`/console/checks/${id}`}>#{id}</Link> },
        { title: label(['时间', 'Time']), dataIndex: 'at', render: (v: string) => shanghaiTime(v) },
        { title: label(['事项', 'Matter']), key: 'matter', render: (_, c) => `${c.matter.code} ${c.matter.name}` },
        { title: label(['用途', 'Purpose']), dataIndex: 'purpose' },
        { title: label(['部门', 'Department']), dataIndex: 'department' },
        { title: label(['主体数', 'Subjects']), dataIndex: 'subjects', align: 'right' },
        { title: label(['命中', 'Hits']), dataIndex: 'hits', align: 'right', render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : n) },
        { title: label(['反馈', 'Feedback']), dataIndex: 'feedbackCount', align: 'right' },
        { title: label(['反馈期限', 'Feedback due']), key: 'due', render: (_, c) => (c.hits > 0 && c.feedbackCount === 0 ? <DueDate dueOn={c.feedbackDueOn} overdue={c.overdue} /> : '—') },
      ]}
    />
  )
}

export default function CreditCheckPage() {
  const { label } = useI18n()
  const [overdueOnly, setOverdueOnly] = useState(false)
  return (
    <>
      <h1 style={{ fontSize: 22, marginTop: 0 }}>{label(['信用核查', 'Credit checks'])}</h1>
      <CheckForm />
      <Card
        title={label(['核查记录', 'Checks'])}
        extra={
          <Space>
            <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)}>
              {label(['只看逾期未反馈', 'Overdue feedback only'])}
            </Checkbox>
          </Space>
        }
      >
        <CheckTable key={String(overdueOnly)} overdueOnly={overdueOnly} />
      </Card>
    </>
  )
}
