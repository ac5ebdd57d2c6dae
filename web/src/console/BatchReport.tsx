/** A batch's validation report: counts, the row-by-row issues, and the rejected rows to download and fix. */
import { Alert, Button, Card, Space, Statistic, Table } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { rejectedFileUrl, type Issue } from './batches.ts'

export interface ReportCounts {
  received: number
  accepted: number
  updated: number
  unchanged: number
  rejected: number
  warnings: number
}

export function BatchReport({ batchId, counts, issues }: { batchId: number; counts: ReportCounts; issues: Array<Issue & { severity?: 'error' | 'warning' }> }) {
  const { t, lang } = useI18n()
  const stats = ['received', 'accepted', 'updated', 'unchanged', 'rejected', 'warnings'] as const
  return (
    <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t('upload.report', { id: batchId })}</h2>} className="batch-report" data-batch-id={batchId}>
      <div className="report-stats" role="list">
        {stats.map((s) => (
          <div role="listitem" key={s} data-stat={s}>
            <Statistic title={t(`report.${s}`)} value={counts[s]} valueStyle={s === 'rejected' && counts.rejected > 0 ? { color: '#c8161d' } : undefined} />
          </div>
        ))}
      </div>
      {counts.rejected > 0 ? (
        <Space wrap style={{ marginBottom: 16 }}>
          <Button href={rejectedFileUrl(batchId, 'csv')} download>
            {t('upload.downloadCsv')}
          </Button>
          <Button href={rejectedFileUrl(batchId, 'xlsx')} download>
            {t('upload.downloadXlsx')}
          </Button>
        </Space>
      ) : (
        <Alert type="success" showIcon title={t('upload.allGood')} style={{ marginBottom: 16 }} />
      )}
      {issues.length > 0 ? (
        <Table
          size="small"
          caption={t('upload.errors')}
          rowKey={(r, i) => `${r.row}-${r.column ?? ''}-${r.code}-${i ?? 0}`}
          dataSource={issues}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('report.row'), dataIndex: 'row', width: 80 },
            { title: t('report.column'), dataIndex: 'column', width: 200, render: (v: string | null) => <span className="cell-text">{v ?? ''}</span> },
            { title: t('report.value'), dataIndex: 'value', render: (v: string | null) => <span className="cell-text">{v ?? ''}</span> },
            { title: t('report.message'), key: 'message', render: (_: unknown, r: Issue) => <span className="cell-text">{lang === 'zh' ? r.message : r.message_en}</span> },
          ]}
        />
      ) : null}
    </Card>
  )
}
