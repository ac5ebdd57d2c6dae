/** 用户: staff accounts with their roles; the office adds, edits, disables or enables one and resets passwords (all audited). */
import { useState } from 'react'
import { Button, Card, Space, Table, Tag } from 'antd'
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
  const [action, setAction] = useState<ActionSpec | null>(null)
  const admin = hasRole(user, 'platform_admin')
  const departmentOptions = departments.items.map((d) => ({ value: d.code, label: [`${d.code} ${d.name}`, `${d.code} ${d.nameEn}`] as const }))
  const path = (u: User) => `/api/v1/users/${encodeURIComponent(u.username)}`
  const edit = (u: User): ActionSpec => ({
    key: 'edit',
    title: ['修改用户 ' + u.username, 'Edit user ' + u.username],
    fields: [
      { name: 'displayName', label: ['姓名', 'Display name'], kind: 'text', required: true, initial: u.displayName },
      { name: 'departmentCode', label: ['部门（空为不属任何部门）', 'Department (empty: none)'], kind: 'select', options: departmentOptions, ...(u.departmentCode ? { initial: u.departmentCode } : {}) },
      { name: 'roles', label: ['角色', 'Roles'], kind: 'multi', required: true, options: roleOptions, initial: u.roles },
    ],
    send: (v) => sendJson('PATCH', path(u), { displayName: v.displayName, departmentCode: v.departmentCode ?? null, roles: v.roles }),
  })
  const setStatus = (u: User, status: User['status']): ActionSpec => ({
    key: status,
    title: status === 'disabled' ? [`停用用户 ${u.username}？其登录立即失效`, `Disable ${u.username}? Their sign-in ends at once`] : [`启用用户 ${u.username}？`, `Enable ${u.username}?`],
    fields: [],
    danger: status === 'disabled',
    send: () => sendJson('PATCH', path(u), { status }),
  })
  const resetPassword = (u: User): ActionSpec => ({
    key: 'password',
    title: [`重置 ${u.username} 的密码（其全部会话结束）`, `Reset ${u.username}'s password (all their sessions end)`],
    fields: [{ name: 'password', label: ['新密码（至少 12 位）', 'New password (12+ characters)'], kind: 'text', required: true }],
    send: (v) => sendJson('POST', `${path(u)}/password`, { password: v.password }),
  })
  const spec: ActionSpec = {
    key: 'add',
    title: ['新增用户', 'Add a user'],
    fields: [
      { name: 'username', label: ['用户名', 'Username'], kind: 'text', required: true },
      { name: 'displayName', label: ['姓名', 'Display name'], kind: 'text', required: true },
      { name: 'password', label: ['初始密码（至少 12 位）', 'Initial password (12+ characters)'], kind: 'text', required: true },
      { name: 'departmentCode', label: ['部门', 'Department'], kind: 'select', options: departmentOptions },
      { name: 'roles', label: ['角色', 'Roles'], kind: 'multi', required: true, options: roleOptions },
    ],
    send: (v) => sendJson('POST', '/api/v1/users', v),
  }
  return (
    <>
      <h1 style={{ fontSize: 22, marginTop: 0 }}>{label(['用户', 'Users'])}</h1>
      {admin ? <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setAction(spec)}>{label(['新增用户', 'Add a user'])}</Button> : null}
      {users.error ? <ErrorNotice error={users.error} onRetry={users.reload} /> : null}
      <Card>
        <Table<User> size="small" rowKey="id" loading={users.loading} dataSource={users.data?.items ?? []} pagination={false} scroll={{ x: 800 }} columns={[
          { title: label(['用户名', 'Username']), dataIndex: 'username' },
          { title: label(['姓名', 'Name']), dataIndex: 'displayName' },
          { title: label(['部门', 'Department']), dataIndex: 'departmentCode' },
          { title: label(['角色', 'Roles']), dataIndex: 'roles', render: (rs: Role[]) => rs.map((r) => <Tag key={r}>{label(roleLabels[r])}</Tag>) },
          { title: label(['状态', 'Status']), dataIndex: 'status', render: (s: string) => (s === 'active' ? label(['启用', 'Active']) : label(['停用', 'Disabled'])) },
          { title: label(['最近登录', 'Last sign-in']), dataIndex: 'lastLoginAt', render: (v: string | null) => (v ? shanghaiTime(v) : '—') },
          ...(admin
            ? [{
                title: label(['操作', 'Actions']),
                key: 'actions',
                render: (_: unknown, u: User) => (
                  <Space size="small" wrap>
                    <Button size="small" onClick={() => setAction(edit(u))}>{label(['修改', 'Edit'])}</Button>
                    {u.status === 'active'
                      ? <Button size="small" danger onClick={() => setAction(setStatus(u, 'disabled'))}>{label(['停用', 'Disable'])}</Button>
                      : <Button size="small" onClick={() => setAction(setStatus(u, 'active'))}>{label(['启用', 'Enable'])}</Button>}
                    <Button size="small" onClick={() => setAction(resetPassword(u))}>{label(['重置密码', 'Reset password'])}</Button>
                  </Space>
                ),
              }]
            : []),
        ]} />
      </Card>
      {action ? <ActionModal spec={action} onClose={() => setAction(null)} onDone={() => { setAction(null); users.reload() }} /> : null}
    </>
  )
}
