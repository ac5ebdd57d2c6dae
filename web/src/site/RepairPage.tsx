/** 申请信用修复: first whether the record may be repaired and what to bring, then the form with materials; ends on the receipt. */
import { useState } from 'react'
import { Alert, Button, Card, Checkbox, Descriptions, Form, Input, List, Skeleton, Tag, Typography } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { useApi } from '../shared/useApi.ts'
import { ApiError, sendForm } from '../shared/api.ts'
import { ErrorNotice } from '../shared/ErrorNotice.tsx'
import type { EvidenceProblem } from '../shared/evidence.ts'
import { EvidencePicker } from './EvidencePicker.tsx'
import { ApplicantFields } from './ApplicantFields.tsx'
import { Receipt } from './Receipt.tsx'
import { RecordSummary } from './ObjectionPage.tsx'

interface Condition {
  condition: string
  zh: string
  en: string
  on?: string
}
interface Eligibility {
  recordId: number
  tier: 'minor' | 'general' | 'serious' | null
  minimumEnd: string | null
  maximumEnd: string | null
  department: { code: string; name: string }
  eligible: boolean
  mayApply: boolean
  unmet: Condition[]
  toProvide: Condition[]
}
interface Applied {
  receiptNumber: string
  token: string
  state: string
  department: string
  feedbackDueOn: string
}

const tiers = { minor: ['轻微失信', 'Minor'], general: ['一般失信', 'General'], serious: ['严重失信', 'Serious'] } as const
const commitmentText = '本单位承诺：所提交材料真实、有效，已纠正失信行为、履行相关义务，今后严格遵守法律法规；如有不实或再次失信，自愿接受相应惩戒。'

export default function RepairPage({ params }: { params: URLSearchParams }) {
  const { label, lang } = useI18n()
  const subject = params.get('subject') ?? ''
  const recordId = Number(params.get('record'))
  const valid = !!subject && Number.isInteger(recordId) && recordId > 0
  const eligibility = useApi<Eligibility>(valid ? `/api/v1/records/${recordId}/repair-eligibility` : null)
  const [relation, setRelation] = useState<'subject' | 'agent'>('subject')
  const [materials, setMaterials] = useState<{ files: File[]; problems: EvidenceProblem[] }>({ files: [], problems: [] })
  const [poa, setPoa] = useState<{ files: File[]; problems: EvidenceProblem[] }>({ files: [], problems: [] })
  const [error, setError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  const [applied, setApplied] = useState<Applied | undefined>()
  const text = (c: Condition) => `${lang === 'zh' ? c.zh : c.en}${c.on ? `（${c.on}）` : ''}`

  if (!valid) return <Alert type="info" showIcon title={label(['请在信用主体页面选择要修复的信息', 'Choose the record on a subject’s page first'])} />
  if (applied)
    return (
      <Receipt
        kind="repair"
        receipt={applied.receiptNumber}
        code={applied.token}
        rows={[
          [['办理部门', 'Department'], applied.department],
          [['答复期限', 'Answer due'], applied.feedbackDueOn],
        ]}
      />
    )

  const submit = async (values: { name: string; contact: string; commitment: string; signed: boolean; fulfilled: boolean; statement: string }) => {
    if (materials.problems.length || poa.problems.length) return setError(label(['请先更换不符合要求的文件', 'Replace the files that do not meet the limits first']))
    if (relation === 'agent' && poa.files.length === 0) return setError(label(['代理人须上传授权委托书', 'An agent must upload the power of attorney']))
    const application = {
      recordId,
      subject,
      applicant: { name: values.name, contact: values.contact, relation },
      commitment: { text: values.commitment, signed: values.signed === true },
      obligations: { fulfilled: values.fulfilled === true, statement: values.statement, evidence: materials.files.map((f) => f.name.slice(0, 500)) },
    }
    const form = new FormData()
    form.append('application', JSON.stringify(application))
    if (relation === 'agent' && poa.files[0]) form.append('powerOfAttorney', poa.files[0], poa.files[0].name)
    for (const f of materials.files) form.append('materials', f, f.name)
    setBusy(true)
    setError(undefined)
    try {
      setApplied(await sendForm<Applied>('/api/v1/repairs', form))
      window.scrollTo?.(0, 0)
    } catch (e) {
      setError(e instanceof ApiError ? (lang === 'zh' ? e.zh : e.en) : (e as Error).message)
    } finally {
      setBusy(false)
    }
  }

  const e = eligibility.data
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {label(['申请信用修复', 'Apply for credit repair'])}
      </Typography.Title>
      <Typography.Paragraph>{label(['信用修复不收取任何费用。由作出认定的部门办理（谁认定谁修复）。', 'Credit repair is free of charge. The department that made the finding decides.'])}</Typography.Paragraph>
      <RecordSummary code={subject} recordId={recordId} group={params.get('group')} />
      {eligibility.error ? <ErrorNotice error={eligibility.error} onRetry={eligibility.reload} /> : null}
      {eligibility.loading ? <Skeleton active /> : null}
      {e ? (
        <Card title={label(['修复条件', 'Conditions'])} style={{ marginBottom: 16 }} className="repair-eligibility">
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={label(['办理部门', 'Department'])}>{e.department.name}</Descriptions.Item>
            {e.tier ? <Descriptions.Item label={label(['失信程度', 'Tier'])}>{label(tiers[e.tier])}</Descriptions.Item> : null}
            {e.minimumEnd ? <Descriptions.Item label={label(['最短公示期届满', 'Minimum publicity ends'])}>{e.minimumEnd}</Descriptions.Item> : null}
            {e.maximumEnd ? <Descriptions.Item label={label(['公示截止', 'Publicity ends'])}>{e.maximumEnd}</Descriptions.Item> : null}
            <Descriptions.Item label={label(['现在能否申请', 'May apply now'])}>
              {e.mayApply ? <Tag color="green">{label(['可以申请', 'Yes'])}</Tag> : <Tag color="red">{label(['暂不能申请', 'Not yet'])}</Tag>}
            </Descriptions.Item>
          </Descriptions>
          {e.unmet.length ? <List size="small" header={label(['尚未满足的条件', 'Conditions not met'])} dataSource={e.unmet} renderItem={(c) => <List.Item key={c.condition}>{text(c)}</List.Item>} /> : null}
          {e.toProvide.length ? <List size="small" header={label(['申请时须提供', 'Bring with the application'])} dataSource={e.toProvide} renderItem={(c) => <List.Item key={c.condition}>{text(c)}</List.Item>} /> : null}
        </Card>
      ) : null}
      {e?.mayApply ? (
        <Card title={label(['申请表', 'Application'])}>
          <Form layout="vertical" onFinish={submit} initialValues={{ commitment: commitmentText, signed: false, fulfilled: false }} style={{ maxWidth: 720 }}>
            <ApplicantFields relation={relation} onRelation={setRelation} nameField="name" contactField="contact" max={200} />
            <Form.Item label={label(['履行义务情况', 'Obligations fulfilled'])} name="statement" rules={[{ required: true, max: 4000, message: label(['请说明纠正失信行为、履行义务的情况', 'Describe how the obligations were met']) }]}>
              <Input.TextArea rows={4} showCount maxLength={4000} />
            </Form.Item>
            <Form.Item name="fulfilled" valuePropName="checked">
              <Checkbox>{label(['已履行行政处罚等法定义务、纠正失信行为', 'The obligations are fulfilled and the conduct corrected'])}</Checkbox>
            </Form.Item>
            <Form.Item label={label(['信用承诺书', 'Credit commitment'])} name="commitment" rules={[{ required: true, max: 4000 }]}>
              <Input.TextArea rows={4} maxLength={4000} />
            </Form.Item>
            <Form.Item name="signed" valuePropName="checked">
              <Checkbox>{label(['本人（单位）已阅读并作出上述承诺', 'I make this commitment'])}</Checkbox>
            </Form.Item>
            {relation === 'agent' ? (
              <Form.Item>
                <EvidencePicker label={['授权委托书', 'Power of attorney']} name="powerOfAttorney" multiple={false} onChange={(files, problems) => setPoa({ files, problems })} />
              </Form.Item>
            ) : null}
            <Form.Item>
              <EvidencePicker label={['证明材料（缴款凭证、整改报告等）', 'Materials (receipts, remediation report, …)']} name="materials" onChange={(files, problems) => setMaterials({ files, problems })} />
            </Form.Item>
            {error ? <Alert type="error" role="alert" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
            <Button type="primary" htmlType="submit" loading={busy}>
              {label(['提交申请', 'Submit the application'])}
            </Button>
          </Form>
        </Card>
      ) : null}
    </>
  )
}
