/** API 密钥: department systems' keys; the office issues one (the secret shown this once) and revokes one. */
import { useState } from 'react'
import { Alert, Button, Card, Form, Input, Modal, Popconfirm, Select, Table, Tag, Typography } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { useApi } from '../shared/useApi.ts'
import { sendJson } from '../shared/api.ts'
import { ErrorNotice } from '../shared/ErrorNotice.tsx'
import { shanghaiTime } from '../shared/dates.ts'
import type { Role } from './session.ts'
import { roleLabels, roleOptions } from './roles.ts'
import { useDepartments } from './useDepartments.ts'
import { useRunner } from './useRunner.ts'

interface ApiKey {
  id: number
  prefix: string
  name: string
  departmentCode: string
  roles: Role[]
  createdAt: string
  createdBy: string
  expiresAt: string | null
  revokedAt: string | null
  lastUsedAt: string | null
}

export default function ApiKeysPage() {
  const { label } = useI18n()
  const keys = useApi<{ items: ApiKey[] }>('/api/v1/api-keys')
  const departments = useDepartments()
  const [issuing, setIssuing] = useState(false)
  const [secret, setSecret] = useState<string | undefined>()
  const { run, busy, error } = useRunner()
  const [form] = Form.useForm()

  const issue = async () => {
    const v = (await form.validateFields()) as { name: string; departmentCode: string; roles: Role[] }
    const answer = await run(() => sendJson<{ key: string; apiKey: ApiKey }>('POST', '/api/v1/api-keys', v))
    if (answer) {
      setIssuing(false)
      form.resetFields()
      setSecret(answer.key)
      keys.reload()
    }
  }
  const revoke = async (prefix: string) => {
    await run(() => sendJson('DELETE', `/api/v1/api-keys/${prefix}`), label(['已吊销', 'Revoked']))
    keys.reload()
  }
  return (
    <>
      <h1 style={{ fontSize: 22, marginTop: 0 }}>{label(['API 密钥', 'API keys'])}</h1>
      <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setIssuing(true)}>{label(['签发密钥', 'Issue a key'])}</Button>
      {secret ? (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setSecret(undefined)}
          style={{ marginBottom: 12 }}
          title={label(['密钥只显示这一次，请立即复制并交给对接系统；平台只保存其摘要。', 'The key is shown only this once: copy it now for the department system; the platform keeps only a digest.'])}
          description={<Typography.Paragraph copyable={{ text: secret }} style={{ margin: 0 }}><code className="api-key-secret">{secret}</code></Typography.Paragraph>}
        />
      ) : null}
      {keys.error ? <ErrorNotice error={keys.error} onRetry={keys.reload} /> : null}
      <Card>
        <Table<ApiKey> size="small" rowKey="id" loading={keys.loading} dataSource={keys.data?.items ?? []} pagination={false} scroll={{ x: 900 }} columns={[
          { title: label(['前缀', 'Prefix']), dataIndex: 'prefix', render: (p: string) => <code>{p}</code> },
          { title: label(['名称', 'Name']), dataIndex: 'name' },
          { title: label(['部门', 'Department']), dataIndex: 'departmentCode' },
          { title: label(['角色', 'Roles']), dataIndex: 'roles', render: (rs: Role[]) => rs.map((r) => <Tag key={r}>{label(roleLabels[r])}</Tag>) },
          { title: label(['签发', 'Issued']), key: 'created', render: (_, k) => `${shanghaiTime(k.createdAt)} · ${k.createdBy}` },
          { title: label(['最近使用', 'Last used']), dataIndex: 'lastUsedAt', render: (v: string | null) => (v ? shanghaiTime(v) : '—') },
          { title: label(['状态', 'Status']), key: 'status', render: (_, k) => (k.revokedAt ? <Tag>{label(['已吊销', 'Revoked'])}</Tag> : <Tag color="green">{label(['有效', 'Active'])}</Tag>) },
          { title: '', key: 'revoke', render: (_, k) => (k.revokedAt ? null : <Popconfirm title={label(['吊销后立即失效，确定吗？', 'Revoke at once?'])} onConfirm={() => revoke(k.prefix)} okText={label(['吊销', 'Revoke'])} cancelText={label(['取消', 'Cancel'])}><Button size="small" danger>{label(['吊销', 'Revoke'])}</Button></Popconfirm>) },
        ]} />
      </Card>
      <Modal open={issuing} title={label(['签发 API 密钥', 'Issue an API key'])} onCancel={() => setIssuing(false)} onOk={issue} confirmLoading={busy} okText={label(['签发', 'Issue'])} cancelText={label(['取消', 'Cancel'])}>
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={label(['用途名称', 'Name'])} rules={[{ required: true, max: 100 }]}><Input /></Form.Item>
          <Form.Item name="departmentCode" label={label(['部门', 'Department'])} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={departments.items.map((d) => ({ value: d.code, label: `${d.code} ${d.name}` }))} />
          </Form.Item>
          <Form.Item name="roles" label={label(['角色', 'Roles'])} rules={[{ required: true }]}>
            <Select mode="multiple" options={roleOptions.map((o) => ({ value: o.value, label: label(o.label) }))} />
          </Form.Item>
          {error ? <Alert type="error" role="alert" showIcon title={error} /> : null}
        </Form>
      </Modal>
    </>
  )
}
