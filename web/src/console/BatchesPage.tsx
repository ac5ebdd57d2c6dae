/** 报送批次: newest first, 50 a page, older on request. */
import { useState } from 'react'
import { Button, Card, Result } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { useApi } from '../shared/useApi.ts'
import { ApiError, query } from '../shared/api.ts'
import { ErrorNotice } from '../shared/ErrorNotice.tsx'
import { BatchTable } from './BatchTable.tsx'
import type { Batch } from './batches.ts'

const LIMIT = 50

export default function BatchesPage() {
  const { t } = useI18n()
  const [beforeId, setBeforeId] = useState<number | undefined>()
  const batches = useApi<{ items: Batch[] }>(`/api/v1/batches${query({ limit: LIMIT, beforeId })}`)
  if (batches.error instanceof ApiError && batches.error.status === 403) return <Result status="403" title={t('batches.forbidden')} />
  const items = batches.data?.items ?? []
  return (
    <>
      <h1 style={{ fontSize: 22, marginTop: 0 }}>{t('console.nav.batches')}</h1>
      {batches.error ? <ErrorNotice error={batches.error} onRetry={batches.reload} /> : null}
      <Card>
        <BatchTable batches={items} loading={batches.loading} />
        {items.length === LIMIT ? (
          <Button style={{ marginTop: 12 }} onClick={() => setBeforeId(items[items.length - 1]!.id)}>
            {t('batches.more')}
          </Button>
        ) : null}
      </Card>
    </>
  )
}
