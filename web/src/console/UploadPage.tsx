/** 上传报送: a CSV or XLSX file against a catalog item; the validation report comes back with the answer. */
import { useId, useRef, useState } from 'react'
import { Alert, Button, Card, Select, Space, Typography } from 'antd'
import { ApiError, sendForm } from '../shared/api.ts'
import { useI18n } from '../shared/i18n.tsx'
import { useApi } from '../shared/useApi.ts'
import type { CatalogSummary } from '../shared/types.ts'
import { hasRole, useSession } from './session.ts'
import { BatchReport } from './BatchReport.tsx'
import type { BatchSummary } from './batches.ts'

interface Department {
  code: string
  name: string
  nameEn: string
}

export default function UploadPage() {
  const { t, pick, lang } = useI18n()
  const { user } = useSession()
  const admin = hasRole(user, 'platform_admin')
  const catalog = useApi<{ items: CatalogSummary[] }>('/api/v1/catalog')
  const departments = useApi<{ items: Department[] }>(admin ? '/api/v1/departments' : null)
  const [category, setCategory] = useState<string | undefined>()
  const [department, setDepartment] = useState<string>('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | undefined>()
  const [summary, setSummary] = useState<BatchSummary | undefined>()
  const file = useRef<HTMLInputElement>(null)
  const ids = { category: useId(), department: useId(), file: useId() }

  // An operator sees the items its department provides; the office sees them all.
  const items = (catalog.data?.items ?? []).filter((i) => admin || (user.departmentCode !== null && i.providers.includes(user.departmentCode)))

  const upload = async () => {
    const chosen = file.current?.files?.[0]
    if (!category) return setError(t('upload.needCategory'))
    if (!chosen) return setError(t('upload.needFile'))
    setBusy(true)
    setError(undefined)
    setSummary(undefined)
    const form = new FormData()
    form.append('category', category)
    if (department) form.append('department', department)
    form.append('file', chosen, chosen.name)
    try {
      setSummary(await sendForm<BatchSummary>('/api/v1/batches/upload', form))
    } catch (e) {
      setError(e instanceof ApiError ? (lang === 'zh' ? e.zh : e.en) : (e as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <h1 style={{ fontSize: 22, marginTop: 0 }}>{t('console.nav.upload')}</h1>
      <Card style={{ marginBottom: 16 }}>
        <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 560 }}>
          <div>
            <label htmlFor={ids.category}>{t('upload.category')}</label>
            <Select
              id={ids.category}
              style={{ width: '100%' }}
              showSearch
              optionFilterProp="label"
              loading={catalog.loading}
              value={category}
              onChange={setCategory}
              options={items.map((i) => ({ value: i.code, label: `${i.code} · ${pick(i.name, i.nameEn)}` }))}
            />
          </div>
          {admin ? (
            <div>
              <label htmlFor={ids.department}>{t('upload.department')}</label>
              <Select
                id={ids.department}
                style={{ width: '100%' }}
                value={department}
                onChange={setDepartment}
                options={[{ value: '', label: t('upload.ownDepartment') }, ...(departments.data?.items ?? []).map((d) => ({ value: d.code, label: `${d.code} · ${pick(d.name, d.nameEn)}` }))]}
              />
            </div>
          ) : null}
          <div>
            <label htmlFor={ids.file}>{t('upload.file')}</label>
            <div>
              <input id={ids.file} ref={file} type="file" name="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
            </div>
            <Typography.Text type="secondary">{t('upload.hint')}</Typography.Text>
          </div>
          {error ? <Alert type="error" showIcon title={error} role="alert" /> : null}
          <Button type="primary" onClick={upload} loading={busy}>
            {t('upload.submit')}
          </Button>
        </Space>
      </Card>
      {summary ? <BatchReport batchId={summary.batchId} counts={summary} issues={summary.errors} /> : null}
    </>
  )
}
