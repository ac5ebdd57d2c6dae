/** 用户: staff accounts with their roles; the office adds one (audited). */
import { useState } from 'react'
import { Button, Card, Table, Tag } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { useApi } from '../shared/useApi.ts'
import { sendJson } from '../shared/api.ts'
import { ErrorNotice } from '../shared/ErrorNotice.tsx'
import { shanghaiTime } from '../shared/dates.ts'
import { ActionModal, type ActionSpec } from './ActionModal.tsx'
import { hasRole, useSession, type Role } from './session.ts'
import { roleLabels, roleOptions } from './roles.ts'
import { useDepartments } from './useDepartments.ts'

interface User {
  id: number
  username: string
  displayName: string
  departmentCode: string | null
  roles: Role[]
  status: 'active' | 'disabled'
  createdAt: string
  lastLoginAt: string | null
}

export default function UsersPage() {
  const { label } = useI18n()
  const { user } = useSession()
  const users = useApi<{ items: User[] }>('/api/v1/users')
  const departments = useDepartments()
  const [adding, setAdding] = useState(false)
  const spec: ActionSpec = {
    key: 'add',
    title: ['新增用户', 'Add a user'],
    fields: [
      { name: 'username', label: ['用户名', 'Username'], kind: 'text', required: true },
      { name: 'displayName', label: ['姓名', 'Display name'], kind: 'text', required: true },
      { name: 'password', label: ['初始密码（至少 12 位）', 'Initial password (12+ characters)'], kind: 'text', required: true },
      { name: 'departmentCode', label: ['部门', 'Department'], kind: 'select', options: departments.items.map((d) => ({ value: d.code, label: [`${d.code} ${d.name}`, `${d.code} ${d.nameEn}`] as const })) },
      { name: 'roles', label: ['角色', 'Roles'], kind: 'multi', required: true, options: roleOptions },
    ],
    send: (v) => sendJson('POST', '/api/v1/users', v),
  }
  return (
    <>
      <h1 style={{ fontSize: 22, marginTop: 0 }}>{label(['用户', 'Users'])}</h1>
      {hasRole(user, 'platform_admin') ? <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setAdding(true)}>{label(['新增用户', 'Add a user'])}</Button> : null}
      {users.error ? <ErrorNotice error={users.error} onRetry={users.reload} /> : null}
      <Card>
        <Table<User> size="small" rowKey="id" loading={users.loading} dataSource={users.data?.items ?? []} pagination={false} scroll={{ x: 800 }} columns={[
          { title: label(['用户名', 'Username']), dataIndex: 'username' },
          { title: label(['姓名', 'Name']), dataIndex: 'displayName' },
          { title: label(['部门', 'Department']), dataIndex: 'departmentCode' },
          { title: label(['角色', 'Roles']), dataIndex: 'roles', render: (rs: Role[]) => rs.map((r) => <Tag key={r}>{label(roleLabels[r])}</Tag>) },
          { title: label(['状态', 'Status']), dataIndex: 'status', render: (s: string) => (s === 'active' ? label(['启用', 'Active']) : label(['停用', 'Disabled'])) },
          { title: label(['最近登录', 'Last sign-in']), dataIndex: 'lastLoginAt', render: (v: string | null) => (v ? shanghaiTime(v) : '—') },
        ]} />
      </Card>
      {adding ? <ActionModal spec={spec} onClose={() => setAdding(false)} onDone={() => { setAdding(false); users.reload() }} /> : null}
    </>
  )
}
