/** A subject's credit file as the public sees it: basic information, then the eight 信用中国 tabs with counts. */
import { useState } from 'react'
import { Card, Descriptions, Empty, Pagination, Result, Skeleton, Tabs, Tag, Typography } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { useApi } from '../shared/useApi.ts'
import { Link } from '../shared/router.tsx'
import { ApiError } from '../shared/api.ts'
import { ErrorNotice } from '../shared/ErrorNotice.tsx'
import { displayGroupOrder, displayGroups, subjectKinds, type DisplayGroup } from '../shared/labels.ts'
import type { Profile, ProfileGroup, ProfileRecord } from '../shared/types.ts'
import { useFieldLabels } from './field-labels.ts'
import { RecordCard } from './RecordCard.tsx'
import { query } from './nav.ts'

/** Groups whose records are findings against the subject, which a credit repair may end early. */
const repairable: readonly DisplayGroup[] = ['penalty', 'punishment', 'focus']

/** The applicant's two ways in from a record: an objection (any record), a repair (negative findings). */
function RecordActions({ code, group, record }: { code: string; group: DisplayGroup; record: ProfileRecord }) {
  const { label } = useI18n()
  const at = query({ subject: code, record: record.id, group })
  return (
    <>
      {record.underObjection ? null : (
        <Link to={`/objection${at}`} aria-label={`${label(['提出异议', 'Object'])} ${record.categoryName} ${record.id}`}>
          {label(['提出异议', 'Object'])}
        </Link>
      )}
      {repairable.includes(group) ? (
        <Link to={`/repair${at}`} aria-label={`${label(['申请信用修复', 'Apply for repair'])} ${record.categoryName} ${record.id}`}>
          {label(['申请信用修复', 'Apply for repair'])}
        </Link>
      ) : null}
    </>
  )
}

const PER_PAGE = 10

function GroupRecords({ code, group }: { code: string; group: ProfileGroup }) {
  const { t } = useI18n()
  const [page, setPage] = useState(1)
  // The first page came with the profile; later pages are read for this tab alone.
  const more = useApi<Profile>(page > 1 ? `/api/v1/subjects/${encodeURIComponent(code)}/profile${query({ group: group.group, limit: PER_PAGE, offset: (page - 1) * PER_PAGE })}` : null)
  const records = page > 1 ? (more.data?.groups.find((g) => g.group === group.group)?.records ?? []) : group.records
  const labels = useFieldLabels(records.map((r) => r.category))
  if (group.count === 0) return <Empty description={t('subject.noRecords')} />
  return (
    <>
      {more.error ? <ErrorNotice error={more.error} onRetry={more.reload} /> : null}
      {page > 1 && more.loading ? <Skeleton active /> : records.map((r) => <RecordCard key={r.id} record={r} labels={labels.get(r.category)} actions={<RecordActions code={code} group={group.group} record={r} />} />)}
      {group.count > PER_PAGE ? <Pagination current={page} pageSize={PER_PAGE} total={group.count} onChange={setPage} showSizeChanger={false} /> : null}
    </>
  )
}

export default function SubjectPage({ code }: { code: string }) {
  const { t, pick, label } = useI18n()
  const profile = useApi<Profile>(`/api/v1/subjects/${encodeURIComponent(code)}/profile${query({ limit: PER_PAGE })}`)
  const [active, setActive] = useState<DisplayGroup | undefined>()

  if (profile.error instanceof ApiError && profile.error.status === 404) return <Result status="404" title={t('subject.notFound')} extra={<Link to="/">{t('common.goHome')}</Link>} />
  if (profile.error) return <ErrorNotice error={profile.error} onRetry={profile.reload} />
  if (!profile.data) return <Skeleton active />

  const { subject, groups } = profile.data
  const byGroup = new Map(groups.map((g) => [g.group, g]))
  const firstWithRecords = displayGroupOrder.find((g) => (byGroup.get(g)?.count ?? 0) > 0) ?? 'licensing'
  const status = ['active', 'deregistered', 'revoked'].includes(subject.status) ? t(`subject.status.${subject.status as 'active'}`) : subject.status

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {subject.name}
      </Typography.Title>
      <Card title={t('subject.basic')} style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          {subject.identifiers.map((i) => (
            <Descriptions.Item key={i.scheme} label={t(`subject.${i.scheme}`)}>
              {i.value}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t('subject.kind')}>{label(subjectKinds[subject.kind])}</Descriptions.Item>
          <Descriptions.Item label={t('subject.status')}>{status}</Descriptions.Item>
          {subject.divisionName ? <Descriptions.Item label={t('subject.division')}>{subject.divisionName}</Descriptions.Item> : null}
          {subject.legalRepresentative ? <Descriptions.Item label={t('subject.legalRep')}>{subject.legalRepresentative}</Descriptions.Item> : null}
          {subject.establishedOn ? <Descriptions.Item label={t('subject.established')}>{subject.establishedOn}</Descriptions.Item> : null}
          {subject.formerNames.length ? <Descriptions.Item label={t('subject.formerNames')}>{subject.formerNames.map((n) => n.name).join('、')}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
      <Card title={`${t('subject.records')} · ${t('subject.total', { n: profile.data.total })}`}>
        <Tabs
          activeKey={active ?? firstWithRecords}
          onChange={(k) => setActive(k as DisplayGroup)}
          items={displayGroupOrder.map((g) => {
            const group = byGroup.get(g) ?? { group: g, label: displayGroups[g][0], labelEn: displayGroups[g][1], count: 0, records: [] }
            return {
              key: g,
              label: (
                <span data-group={g}>
                  {label(displayGroups[g])} <Tag bordered={false}>{group.count}</Tag>
                </span>
              ),
              children: <GroupRecords code={code} group={group} />,
            }
          })}
        />
      </Card>
    </>
  )
}
