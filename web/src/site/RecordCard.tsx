/** One credit record as published: its fields as plain text, its source department and dates, and the objection mark. */
import { Card, Tag } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import type { ProfileRecord } from '../shared/types.ts'

/** Values are shown as text only (React escapes them); never as HTML. */
export function fieldText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.map(fieldText).join('、')
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

export function RecordCard({ record, labels }: { record: ProfileRecord; labels: Map<string, { name: string; nameEn: string }> | undefined }) {
  const { t, pick } = useI18n()
  const entries = Object.entries(record.fields).filter(([, v]) => fieldText(v) !== '')
  const d = record.dates
  return (
    <Card
      size="small"
      className="record-card"
      data-record-id={record.id}
      title={
        <span>
          {pick(record.categoryName, record.categoryNameEn)}
          {record.underObjection ? (
            <Tag color="orange" style={{ marginLeft: 8 }}>
              {t('subject.underObjection')}
            </Tag>
          ) : null}
        </span>
      }
      style={{ marginBottom: 12 }}
    >
      <dl className="record-fields">
        {entries.map(([key, value]) => {
          const label = labels?.get(key)
          return (
            <div key={key} style={{ display: 'contents' }}>
              <dt>{label ? pick(label.name, label.nameEn) : key}</dt>
              <dd>{fieldText(value)}</dd>
            </div>
          )
        })}
      </dl>
      <div className="record-meta">
        <span>
          {t('subject.source')}：{record.provenance.department.name}
        </span>
        {d.decision ? <span>{t('subject.decisionDate')}：{d.decision}</span> : null}
        {d.publication ? <span>{t('subject.publicationDate')}：{d.publication}</span> : null}
        {d.validTo ? <span>{t('subject.validTo')}：{d.validTo}</span> : null}
        {d.publicityEnd ? <span>{t('subject.publicityEnd')}：{d.publicityEnd}</span> : null}
        <span>
          {t('subject.received')}：{record.provenance.receivedAt.slice(0, 10)}
        </span>
      </div>
    </Card>
  )
}
