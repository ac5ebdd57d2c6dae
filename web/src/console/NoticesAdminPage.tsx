/** 政策与动态: the office writes, edits, unpublishes and republishes the site's notices (plain text, audited). */
import { useState } from 'react'
import { Alert, Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { useApi } from '../shared/useApi.ts'
import { getJson, sendJson } from '../shared/api.ts'
import { ErrorNotice } from '../shared/ErrorNotice.tsx'
import { shanghaiTime } from '../shared/dates.ts'
import { useRunner } from './useRunner.ts'

interface Notice {
  id: number
  category: 'policy' | 'news'
  title: string
  source: string | null
  body?: string
  publishedAt: string
  unpublishedAt: string | null
  updatedAt: string
}

const categories = { policy: ['信用政策', 'Policy'], news: ['信用动态', 'News'] } as const

export default function NoticesAdminPage() {
  const { label } = useI18n()
  const notices = useApi<{ items: Notice[]; total: number }>('/api/v1/notices?includeUnpublished=true&pageSize=100')
  const [editing, setEditing] = useState<Notice | 'new' | undefined>()
  const { run, busy, error } = useRunner()
  const [form] = Form.useForm()

  const open = async (n: Notice | 'new') => {
    if (n === 'new') form.setFieldsValue({ category: 'news', title: '', source: '', body: '' })
    else {
      const full = await run(() => getJson<Notice>(`/api/v1/notices/${n.id}`))
      if (!full) return
      form.setFieldsValue({ category: full.category, title: full.title, source: full.source ?? '', body: full.body })
    }
    setEditing(n)
  }
  const save = async () => {
    const v = (await form.validateFields()) as { category: string; title: string; source: string; body: string }
    const body = { ...v, source: v.source?.trim() ? v.source : null }
    const ok = await run(() => (editing === 'new' ? sendJson('POST', '/api/v1/notices', body) : sendJson('PUT', `/api/v1/notices/${(editing as Notice).id}`, body)), label(['已保存', 'Saved']))
    if (ok) {
      setEditing(undefined)
      notices.reload()
    }
  }
  const toggle = async (n: Notice) => {
    await run(() => sendJson('POST', `/api/v1/notices/${n.id}/${n.unpublishedAt ? 'republish' : 'unpublish'}`, n.unpublishedAt ? undefined : {}), n.unpublishedAt ? label(['已重新发布', 'Published again']) : label(['已撤下', 'Unpublished']))
    notices.reload()
  }
  return (
    <>
      <h1 style={{ fontSize: 22, marginTop: 0 }}>{label(['政策与动态', 'Policy and news'])}</h1>
      <Button type="primary" style={{ marginBottom: 12 }} onClick={() => open('new')}>{label(['发布文章', 'New notice'])}</Button>
      {notices.error ? <ErrorNotice error={notices.error} onRetry={notices.reload} /> : null}
      <Card>
        <Table<Notice> size="small" rowKey="id" loading={notices.loading} dataSource={notices.data?.items ?? []} pagination={false} scroll={{ x: 800 }} columns={[
          { title: label(['栏目', 'Section']), dataIndex: 'category', render: (c: Notice['category']) => <Tag>{label(categories[c])}</Tag> },
          { title: label(['标题', 'Title']), dataIndex: 'title', render: (t: string, n) => (n.unpublishedAt ? t : <a href={`/notices/${n.id}`} target="_blank" rel="noreferrer">{t}</a>) },
          { title: label(['发布时间', 'Published']), dataIndex: 'publishedAt', render: (v: string) => shanghaiTime(v) },
          { title: label(['状态', 'Status']), key: 's', render: (_, n) => (n.unpublishedAt ? <Tag>{label(['已撤下', 'Unpublished'])}</Tag> : <Tag color="green">{label(['已发布', 'Published'])}</Tag>) },
          { title: '', key: 'a', render: (_, n) => <Space><Button size="small" onClick={() => open(n)}>{label(['编辑', 'Edit'])}</Button><Button size="small" danger={!n.unpublishedAt} onClick={() => toggle(n)}>{n.unpublishedAt ? label(['重新发布', 'Publish again']) : label(['撤下', 'Unpublish'])}</Button></Space> },
        ]} />
      </Card>
      <Modal open={editing !== undefined} width={800} title={editing === 'new' ? label(['发布文章', 'New notice']) : label(['编辑文章', 'Edit notice'])} onCancel={() => setEditing(undefined)} onOk={save} confirmLoading={busy} okText={label(['保存并发布', 'Save and publish'])} cancelText={label(['取消', 'Cancel'])} forceRender>
        <Form form={form} layout="vertical">
          <Form.Item name="category" label={label(['栏目', 'Section'])} rules={[{ required: true }]}>
            <Select options={Object.entries(categories).map(([value, l]) => ({ value, label: label(l) }))} />
          </Form.Item>
          <Form.Item name="title" label={label(['标题', 'Title'])} rules={[{ required: true, max: 200 }]}><Input /></Form.Item>
          <Form.Item name="source" label={label(['来源或文号', 'Source or document number'])} rules={[{ max: 200 }]}><Input /></Form.Item>
          <Form.Item name="body" label={label(['正文（纯文本，每行一段）', 'Body (plain text, one paragraph a line)'])} rules={[{ required: true, max: 50_000 }]}>
            <Input.TextArea rows={14} showCount maxLength={50_000} />
          </Form.Item>
          {error ? <Alert type="error" role="alert" showIcon title={error} /> : null}
        </Form>
      </Modal>
    </>
  )
}
