/** One batch from the history: its counts, issues and the rejected-rows file. */
import { Alert, Descriptions, Skeleton } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { useApi } from '../shared/useApi.ts'
import { ErrorNotice } from '../shared/ErrorNotice.tsx'
import { BatchReport } from './BatchReport.tsx'
import { shanghaiTime, type Batch, type Issue } from './batches.ts'

export default function BatchPage({ id }: { id: number }) {
  const { t, lang } = useI18n()
  const batch = useApi<Batch>(`/api/v1/batches/${id}`)
  const issues = useApi<{ items: Array<Issue & { severity: 'error' | 'warning' }> }>(`/api/v1/batches/${id}/issues?limit=5000`)
  if (batch.error) return <ErrorNotice error={batch.error} onRetry={batch.reload} />
  if (!batch.data) return <Skeleton active />
  const b = batch.data
  return (
    <>
      <h1 style={{ fontSize: 22, marginTop: 0 }}>{t('batches.detail', { id })}</h1>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('batches.department')}>{b.departmentCode}</Descriptions.Item>
        <Descriptions.Item label={t('batches.category')}>{b.category}</Descriptions.Item>
        <Descriptions.Item label={t('batches.file')}>{b.fileName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('batches.time')}>{shanghaiTime(b.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('batches.status')}>{t(`batches.status.${b.status}`)}</Descriptions.Item>
      </Descriptions>
      {b.failure ? <Alert type="error" showIcon title={lang === 'zh' ? b.failure.message : b.failure.message_en} style={{ marginBottom: 16 }} /> : null}
      {issues.error ? <ErrorNotice error={issues.error} /> : null}
      <BatchReport batchId={b.id} counts={b} issues={issues.data?.items ?? []} />
    </>
  )
}
