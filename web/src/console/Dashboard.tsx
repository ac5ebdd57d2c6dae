/** 工作台: today's batches and rejects, records written per department and month, the latest batches. */
import { lazy, Suspense } from 'react'
import { Card, Col, Empty, Row, Skeleton, Statistic } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { useApi } from '../shared/useApi.ts'
import { ErrorNotice } from '../shared/ErrorNotice.tsx'
import { hasRole, useSession } from './session.ts'
import { BatchTable } from './BatchTable.tsx'
import type { Batch } from './batches.ts'

const MonthlyChart = lazy(() => import('./MonthlyChart.tsx'))
const CaseDeadlines = lazy(() => import('./CaseDeadlines.tsx'))

export interface BatchFigures {
  months: string[]
  byDepartment: Array<{ code: string; name: string; perMonth: number[]; total: number }>
  today: { date: string; batches: number; received: number; written: number; rejected: number; failed: number }
}

export default function Dashboard() {
  const { t } = useI18n()
  const { user } = useSession()
  // Credit checkers have no batch figures (read_collection_statistics); their dashboard starts at the checks.
  const figures = useApi<BatchFigures>(hasRole(user, 'platform_admin', 'auditor', 'department_operator', 'department_reviewer') ? '/api/v1/statistics/batches' : null)
  const mayListBatches = hasRole(user, 'platform_admin', 'department_operator')
  const recent = useApi<{ items: Batch[] }>(mayListBatches ? '/api/v1/batches?limit=10' : null)
  const today = figures.data?.today
  return (
    <>
      <h1 style={{ fontSize: 22, marginTop: 0 }}>{t('console.nav.dashboard')}</h1>
      {hasRole(user, 'platform_admin', 'department_reviewer') ? (
        <Suspense fallback={<Skeleton active />}>
          <CaseDeadlines />
        </Suspense>
      ) : null}
      {figures.error ? <ErrorNotice error={figures.error} onRetry={figures.reload} /> : null}
      {today ? (
        <Card title={t('dashboard.today', { date: today.date })} style={{ marginBottom: 16 }}>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={4}><Statistic title={t('dashboard.batches')} value={today.batches} /></Col>
            <Col xs={12} md={5}><Statistic title={t('dashboard.received')} value={today.received} /></Col>
            <Col xs={12} md={5}><Statistic title={t('dashboard.written')} value={today.written} /></Col>
            <Col xs={12} md={5}><Statistic title={t('dashboard.rejected')} value={today.rejected} valueStyle={today.rejected ? { color: '#c8161d' } : undefined} /></Col>
            <Col xs={12} md={5}><Statistic title={t('dashboard.failed')} value={today.failed} valueStyle={today.failed ? { color: '#c8161d' } : undefined} /></Col>
          </Row>
        </Card>
      ) : figures.loading ? <Skeleton active /> : null}
      {figures.data ? (
        <Card title={t('dashboard.byMonth')} style={{ marginBottom: 16 }}>
          {figures.data.byDepartment.length === 0 ? (
            <Empty description={t('dashboard.noData')} />
          ) : (
            <Suspense fallback={<Skeleton active />}>
              <MonthlyChart figures={figures.data} />
            </Suspense>
          )}
        </Card>
      ) : null}
      {mayListBatches ? (
        <Card title={t('dashboard.recent')}>
          {recent.error ? <ErrorNotice error={recent.error} onRetry={recent.reload} /> : <BatchTable batches={recent.data?.items ?? []} loading={recent.loading} />}
        </Card>
      ) : null}
    </>
  )
}
