/** 信用信息目录: every item with its sharing level and providers, its fields, and the submission templates. */
import { useState } from 'react'
import { Button, Card, Descriptions, Drawer, Space, Table, Tag } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { useApi } from '../shared/useApi.ts'
import { ErrorNotice } from '../shared/ErrorNotice.tsx'
import { displayGroups } from '../shared/labels.ts'
import type { CatalogItemVersion, CatalogSummary } from '../shared/types.ts'

const templateUrl = (code: string, format: 'csv' | 'xlsx') => `/api/v1/catalog/${encodeURIComponent(code)}/template?format=${format}`

function ItemDrawer({ code, onClose }: { code: string; onClose(): void }) {
  const { t, pick, label } = useI18n()
  const item = useApi<CatalogItemVersion>(`/api/v1/catalog/${encodeURIComponent(code)}`)
  const d = item.data?.definition
  return (
    <Drawer open width={720} onClose={onClose} title={d ? `${d.code} · ${pick(d.name, d.nameEn)}` : code}>
      {item.error ? <ErrorNotice error={item.error} /> : null}
      {d ? (
        <>
          <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('catalog.version')}>{item.data!.version}</Descriptions.Item>
            <Descriptions.Item label={t('catalog.legalBasis')}>{d.legalBasis}</Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey="key"
            caption={t('catalog.fieldList')}
            pagination={false}
            dataSource={d.fields}
            columns={[
              { title: t('catalog.fieldName'), key: 'name', render: (_: unknown, f) => pick(f.name, f.nameEn) },
              { title: t('catalog.fieldKey'), dataIndex: 'key' },
              { title: t('catalog.fieldType'), dataIndex: 'type' },
              { title: t('catalog.required'), dataIndex: 'requirement', render: (r: string) => (r === 'required' ? '✓' : r === 'optional' ? '' : r) },
            ]}
          />
        </>
      ) : null}
    </Drawer>
  )
}

export default function CatalogPage() {
  const { t, pick, label } = useI18n()
  const catalog = useApi<{ items: CatalogSummary[] }>('/api/v1/catalog')
  const [open, setOpen] = useState<string | undefined>()
  return (
    <>
      <h1 style={{ fontSize: 22, marginTop: 0 }}>{t('console.nav.catalog')}</h1>
      {catalog.error ? <ErrorNotice error={catalog.error} onRetry={catalog.reload} /> : null}
      <Card>
        <Table
          size="small"
          rowKey="code"
          loading={catalog.loading}
          dataSource={catalog.data?.items ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          columns={[
            { title: t('catalog.code'), dataIndex: 'code' },
            {
              title: t('catalog.name'),
              key: 'name',
              render: (_: unknown, i: CatalogSummary) => (
                <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(i.code)}>
                  {pick(i.name, i.nameEn)}
                </Button>
              ),
            },
            { title: t('catalog.group'), dataIndex: 'displayGroup', render: (g: CatalogSummary['displayGroup']) => label(displayGroups[g]) },
            { title: t('catalog.sharing'), dataIndex: 'sharingLevel', render: (s: CatalogSummary['sharingLevel']) => <Tag color={s === 'public' ? 'green' : 'default'}>{t(`sharing.${s}`)}</Tag> },
            { title: t('catalog.version'), dataIndex: 'version', align: 'right' },
            { title: t('catalog.providers'), dataIndex: 'providers', render: (p: string[]) => p.join('、') },
            { title: t('catalog.fields'), dataIndex: 'fieldCount', align: 'right' },
            {
              title: t('catalog.template'),
              key: 'template',
              render: (_: unknown, i: CatalogSummary) => (
                <Space>
                  <a href={templateUrl(i.code, 'xlsx')} download aria-label={`${pick(i.name, i.nameEn)} XLSX`}>XLSX</a>
                  <a href={templateUrl(i.code, 'csv')} download aria-label={`${pick(i.name, i.nameEn)} CSV`}>CSV</a>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {open ? <ItemDrawer code={open} onClose={() => setOpen(undefined)} /> : null}
    </>
  )
}
