/** 部门: the city's departments; the office adds one (audited). */
import { useState } from 'react'
import { Button, Card, Table, Tag } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { sendJson } from '../shared/api.ts'
import { ActionModal, type ActionSpec } from './ActionModal.tsx'
import { hasRole, useSession } from './session.ts'
import { useDepartments, type Department } from './useDepartments.ts'

const kinds = { platform_office: ['信用主管部门', 'Platform office'], provider: ['信息提供单位', 'Provider'], checker: ['核查使用单位', 'Checking department'], bank: ['金融机构', 'Bank'] } as const

export default function DepartmentsPage() {
  const { label, pick } = useI18n()
  const { user } = useSession()
  const departments = useDepartments()
  const [adding, setAdding] = useState(false)
  const spec: ActionSpec = {
    key: 'add',
    title: ['新增部门', 'Add a department'],
    fields: [
      { name: 'code', label: ['部门代码（大写字母）', 'Code (upper case)'], kind: 'text', required: true },
      { name: 'name', label: ['名称', 'Name'], kind: 'text', required: true },
      { name: 'nameEn', label: ['英文名称', 'English name'], kind: 'text' },
      { name: 'uscc', label: ['统一社会信用代码', 'USCC'], kind: 'text' },
      { name: 'division', label: ['行政区划代码', 'Division code'], kind: 'text', required: true, initial: '410700' },
      { name: 'kind', label: ['类型', 'Kind'], kind: 'select', required: true, initial: 'provider', options: Object.entries(kinds).map(([value, label]) => ({ value, label })) },
    ],
    send: (v) => sendJson('POST', '/api/v1/departments', v),
  }
  return (
    <>
      <h1 style={{ fontSize: 22, marginTop: 0 }}>{label(['部门', 'Departments'])}</h1>
      {hasRole(user, 'platform_admin') ? <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setAdding(true)}>{label(['新增部门', 'Add a department'])}</Button> : null}
      <Card>
        <Table<Department> size="small" rowKey="code" loading={departments.loading} dataSource={departments.items} pagination={false} scroll={{ x: 800 }} columns={[
          { title: label(['代码', 'Code']), dataIndex: 'code' },
          { title: label(['名称', 'Name']), key: 'name', render: (_, d) => pick(d.name, d.nameEn) },
          { title: label(['类型', 'Kind']), dataIndex: 'kind', render: (k: string) => label(kinds[k as keyof typeof kinds] ?? [k, k]) },
          { title: label(['统一社会信用代码', 'USCC']), dataIndex: 'uscc' },
          { title: label(['区划', 'Division']), dataIndex: 'division' },
          { title: label(['状态', 'Status']), dataIndex: 'status', render: (s: string) => <Tag color={s === 'active' ? 'green' : 'default'}>{s === 'active' ? label(['启用', 'Active']) : label(['停用', 'Inactive'])}</Tag> },
        ]} />
      </Card>
      {adding ? <ActionModal spec={spec} onClose={() => setAdding(false)} onDone={() => { setAdding(false); departments.reload() }} /> : null}
    </>
  )
}
