/** A small form in a dialog for one case step (forward, decide with outcome, suspend, …): fields described as data. */
import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { useRunner } from './useRunner.ts'

export interface ActionField {
  name: string
  label: readonly [string, string]
  kind: 'text' | 'textarea' | 'select' | 'number' | 'lines' | 'multi'
  options?: Array<{ value: string; label: readonly [string, string] }>
  required?: boolean
  initial?: unknown
}

export interface ActionSpec {
  key: string
  title: readonly [string, string]
  fields: ActionField[]
  /** Sends the step; the values are the form's, lines already split. */
  send(values: Record<string, unknown>): Promise<unknown>
  danger?: boolean
}

export function ActionModal({ spec, onClose, onDone }: { spec: ActionSpec; onClose(): void; onDone(): void }) {
  const { label } = useI18n()
  const [form] = Form.useForm()
  const { run, busy, error } = useRunner()
  const submit = async () => {
    const values = (await form.validateFields()) as Record<string, unknown>
    for (const f of spec.fields) {
      if (f.kind === 'lines' && typeof values[f.name] === 'string') values[f.name] = (values[f.name] as string).split(/\r?\n/).map((l) => l.trim()).filter(Boolean)
      if (values[f.name] === '' || values[f.name] === undefined || values[f.name] === null) delete values[f.name]
    }
    const ok = await run(() => spec.send(values), label(['已办理', 'Done']))
    if (ok !== undefined) onDone()
  }
  return (
    <Modal open title={label(spec.title)} onCancel={onClose} onOk={submit} confirmLoading={busy} okText={label(['确定', 'Confirm'])} cancelText={label(['取消', 'Cancel'])} okButtonProps={{ danger: spec.danger ?? false }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={Object.fromEntries(spec.fields.filter((f) => f.initial !== undefined).map((f) => [f.name, f.initial]))}>
        {spec.fields.map((f) => (
          <Form.Item key={f.name} name={f.name} label={label(f.label)} rules={f.required ? [{ required: true, message: label(['必填', 'Required']) }] : []}>
            {f.kind === 'textarea' || f.kind === 'lines' ? (
              <Input.TextArea rows={4} maxLength={4000} />
            ) : f.kind === 'select' || f.kind === 'multi' ? (
              <Select mode={f.kind === 'multi' ? 'multiple' : undefined} allowClear options={(f.options ?? []).map((o) => ({ value: o.value, label: label(o.label) }))} />
            ) : f.kind === 'number' ? (
              <InputNumber min={1} style={{ width: '100%' }} />
            ) : (
              <Input maxLength={500} />
            )}
          </Form.Item>
        ))}
        {error ? <Alert type="error" showIcon role="alert" title={error} /> : null}
      </Form>
    </Modal>
  )
}
