/** Who applies — the subject itself or its agent — with a name and a contact: the same on the objection and repair forms. */
import { Form, Input, Radio } from 'antd'
import { useI18n } from '../shared/i18n.tsx'

export type Relation = 'subject' | 'agent'

export function ApplicantFields(props: { relation: Relation; onRelation(r: Relation): void; nameField: string; contactField: string; max: number }) {
  const { label } = useI18n()
  return (
    <>
      <Form.Item label={label(['申请人', 'Applicant'])} required>
        <Radio.Group value={props.relation} onChange={(e) => props.onRelation(e.target.value as Relation)} aria-label={label(['申请人身份', 'Applicant is'])}>
          <Radio value="subject">{label(['信息主体本人（单位）', 'The subject itself'])}</Radio>
          <Radio value="agent">{label(['受委托的代理人', 'An agent'])}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item label={label(['申请人姓名或名称', 'Applicant name'])} name={props.nameField} rules={[{ required: true, max: props.max, message: label(['请填写申请人姓名或名称', 'Enter the applicant’s name']) }]}>
        <Input autoComplete="name" />
      </Form.Item>
      <Form.Item label={label(['联系方式', 'Contact'])} name={props.contactField} rules={[{ required: true, max: props.max, message: label(['请填写联系电话或电子邮箱', 'Enter a phone number or e-mail']) }]}>
        <Input autoComplete="tel" />
      </Form.Item>
    </>
  )
}
