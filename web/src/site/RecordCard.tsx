/** One credit record as published: its fields as plain text, its source department and dates, and the objection mark. */
import type { ReactNode } from 'react'
import { Card, Tag } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import type { ProfileRecord } from '../shared/types.ts'
import type { FieldLabel, Labels } from './field-labels.ts'
import { dayBefore } from '../shared/dates.ts'

/** Values are shown as text only (React escapes them); never as HTML. */
export function fieldText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.map(fieldText).join('、')
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/** A coded value with its label (罚款 for 010103); several codes are joined. */
function codedText(value: unknown, label: FieldLabel | undefined, pick: (zh: string, en: string) => string): string {
  const codes = label?.codes
  if (!codes) return fieldText(value)
  const parts = Array.isArray(value) ? value.map(fieldText) : fieldText(value).split(/[;；,，、]/)
  return parts.every((p) => codes.has(p.trim())) ? parts.map((p) => pick(codes.get(p.trim())!.label, codes.get(p.trim())!.labelEn)).join('、') : fieldText(value)
}

export function RecordCard({ record, labels, actions }: { record: ProfileRecord; labels: Labels | undefined; actions?: ReactNode }) {
  const { t, pick } = useI18n()
  // In the catalog's order once its labels are here; fields it does not know go last.
  const order = (key: string) => labels?.get(key)?.order ?? Number.MAX_SAFE_INTEGER
  const entries = Object.entries(record.fields)
    .filter(([, v]) => fieldText(v) !== '')
    .sort(([a], [b]) => order(a) - order(b))
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
              <dd>{codedText(value, label, pick)}</dd>
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
        {d.publicityEnd ? <span>{t('subject.publicityEnd')}：{dayBefore(d.publicityEnd)}</span> : null}
        <span>
          {t('subject.received')}：{record.provenance.receivedAt.slice(0, 10)}
        </span>
      </div>
      {actions ? <div className="record-actions">{actions}</div> : null}
    </Card>
  )
}
