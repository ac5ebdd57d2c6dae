/** 提出异议 about one record on a subject's page: the record, then grounds, contact and evidence; ends on the receipt. */
import { useState } from 'react'
import { Alert, Button, Card, Descriptions, Form, Input, Skeleton, Typography } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { useApi } from '../shared/useApi.ts'
import { ApiError, sendForm } from '../shared/api.ts'
import { Link } from '../shared/router.tsx'
import type { EvidenceProblem } from '../shared/evidence.ts'
import type { Profile } from '../shared/types.ts'
import { EvidencePicker } from './EvidencePicker.tsx'
import { ApplicantFields } from './ApplicantFields.tsx'
import { Receipt } from './Receipt.tsx'
import { query } from './nav.ts'

interface Filed {
  receiptNumber: string
  statusToken: string
  state: string
  dueOn: string | null
  finalDueOn: string
}

/** The record being objected to, as the subject's page shows it. */
export function RecordSummary({ code, recordId, group }: { code: string; recordId: number; group: string | null }) {
  const { label, pick } = useI18n()
  const profile = useApi<Profile>(`/api/v1/subjects/${encodeURIComponent(code)}/profile${query({ group: group ?? undefined, limit: 200 })}`)
  if (profile.loading) return <Skeleton active paragraph={{ rows: 2 }} />
  const record = profile.data?.groups.flatMap((g) => g.records).find((r) => r.id === recordId)
  return (
    <Card size="small" style={{ marginBottom: 16 }} title={label(['所涉信息', 'The record'])}>
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={label(['信用主体', 'Subject'])}>{profile.data?.subject.name ?? code}</Descriptions.Item>
        <Descriptions.Item label={label(['信息编号', 'Record'])}>{recordId}</Descriptions.Item>
        {record ? <Descriptions.Item label={label(['信息类别', 'Category'])}>{pick(record.categoryName, record.categoryNameEn)}</Descriptions.Item> : null}
        {record ? <Descriptions.Item label={label(['数据来源', 'Source'])}>{record.provenance.department.name}</Descriptions.Item> : null}
        {record?.dates.decision ? <Descriptions.Item label={label(['决定日期', 'Decided on'])}>{record.dates.decision}</Descriptions.Item> : null}
      </Descriptions>
    </Card>
  )
}

export default function ObjectionPage({ params }: { params: URLSearchParams }) {
  const { label, lang } = useI18n()
  const subject = params.get('subject') ?? ''
  const recordId = Number(params.get('record'))
  const [relation, setRelation] = useState<'subject' | 'agent'>('subject')
  const [evidence, setEvidence] = useState<{ files: File[]; problems: EvidenceProblem[] }>({ files: [], problems: [] })
  const [poa, setPoa] = useState<{ files: File[]; problems: EvidenceProblem[] }>({ files: [], problems: [] })
  const [error, setError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  const [filed, setFiled] = useState<Filed | undefined>()

  if (!subject || !Number.isInteger(recordId) || recordId <= 0) return <Alert type="info" showIcon title={label(['请在信用主体页面选择要提出异议的信息', 'Choose the record on a subject’s page first'])} />
  if (filed)
    return (
      <Receipt
        kind="objection"
        receipt={filed.receiptNumber}
        code={filed.statusToken}
        rows={[
          [['处理期限', 'Due'], filed.dueOn],
          [['最迟办结', 'Final deadline'], filed.finalDueOn],
        ]}
      />
    )

  const submit = async (values: { applicantName: string; applicantContact: string; grounds: string }) => {
    if (evidence.problems.length || poa.problems.length) return setError(label(['请先更换不符合要求的文件', 'Replace the files that do not meet the limits first']))
    if (relation === 'agent' && poa.files.length === 0) return setError(label(['代理人须上传授权委托书', 'An agent must upload the power of attorney']))
    const form = new FormData()
    form.append('subject', subject)
    form.append('recordId', String(recordId))
    form.append('applicantName', values.applicantName)
    form.append('applicantContact', values.applicantContact)
    form.append('applicantRelation', relation)
    form.append('grounds', values.grounds)
    if (relation === 'agent' && poa.files[0]) form.append('powerOfAttorney', poa.files[0], poa.files[0].name)
    for (const f of evidence.files) form.append('evidence', f, f.name)
    setBusy(true)
    setError(undefined)
    try {
      setFiled(await sendForm<Filed>('/api/v1/objections', form))
      window.scrollTo?.(0, 0)
    } catch (e) {
      setError(e instanceof ApiError ? (lang === 'zh' ? e.zh : e.en) : (e as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {label(['提出异议', 'File an objection'])}
      </Typography.Title>
      <Typography.Paragraph>
        {label(['信息主体认为公示的信用信息有误、遗漏或不应公示的，可提出异议。受理后该信息标注“异议处理中”，按工作日期限办理。', 'If a published record is wrong, incomplete or should not be published, its subject may object. While it is handled the record is marked “under objection”; deadlines run in working days.'])}
      </Typography.Paragraph>
      <RecordSummary code={subject} recordId={recordId} group={params.get('group')} />
      <Card>
        <Form layout="vertical" onFinish={submit} requiredMark style={{ maxWidth: 720 }}>
          <ApplicantFields relation={relation} onRelation={setRelation} nameField="applicantName" contactField="applicantContact" max={100} />
          <Form.Item label={label(['异议理由', 'Grounds'])} name="grounds" rules={[{ required: true, max: 5000, message: label(['请写明异议理由', 'State the grounds']) }]}>
            <Input.TextArea rows={5} showCount maxLength={5000} />
          </Form.Item>
          {relation === 'agent' ? (
            <Form.Item>
              <EvidencePicker label={['授权委托书', 'Power of attorney']} name="powerOfAttorney" multiple={false} onChange={(files, problems) => setPoa({ files, problems })} />
            </Form.Item>
          ) : null}
          <Form.Item>
            <EvidencePicker label={['证明材料', 'Evidence']} name="evidence" onChange={(files, problems) => setEvidence({ files, problems })} />
          </Form.Item>
          {error ? <Alert type="error" role="alert" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
          <Button type="primary" htmlType="submit" loading={busy}>
            {label(['提交异议', 'Submit the objection'])}
          </Button>{' '}
          <Link to={`/subjects/${encodeURIComponent(subject)}`}>{label(['返回', 'Back'])}</Link>
        </Form>
      </Card>
    </>
  )
}
