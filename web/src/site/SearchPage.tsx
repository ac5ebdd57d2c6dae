/** Search results: filters by kind, negative records and division; pages of 20 (the API's default). */
import { useId } from 'react'
import { Button, Card, Empty, Input, List, Select, Skeleton, Space, Tag, Typography } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { useApi } from '../shared/useApi.ts'
import { Link } from '../shared/router.tsx'
import { ErrorNotice } from '../shared/ErrorNotice.tsx'
import { subjectKinds, type SubjectKind } from '../shared/labels.ts'
import type { SearchResult } from '../shared/types.ts'
import { SearchBox } from './SearchBox.tsx'
import { navigate, query, subjectPath } from './nav.ts'

const PAGE_SIZE = 20
const publicKinds = (Object.keys(subjectKinds) as SubjectKind[]).filter((k) => k !== 'natural_person')

export default function SearchPage({ params }: { params: URLSearchParams }) {
  const { t, pick, label } = useI18n()
  const q = params.get('q') ?? ''
  const kind = params.get('kind') ?? ''
  const negative = params.get('negative') ?? ''
  const division = params.get('division') ?? ''
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1)
  const ids = { kind: useId(), negative: useId(), division: useId() }
  const valid = [...q.trim()].length >= 2
  const result = useApi<SearchResult>(valid ? `/api/v1/subjects${query({ q, kind, negative, division: /^\d{6}$/.test(division) ? division : undefined, page, pageSize: PAGE_SIZE })}` : null)
  const go = (change: Record<string, string | number | undefined>) => navigate(`/search${query({ q, kind, negative, division, page: undefined, ...change })}`)

  return (
    <>
      <SearchBox key={q} initial={q} size="middle" />
      <div className="filters" role="group" aria-label={t('search.filters')}>
        <label htmlFor={ids.kind}>
          {t('search.filter.kind')}
          <Select
            id={ids.kind}
            style={{ width: 200 }}
            value={kind}
            onChange={(v: string) => go({ kind: v || undefined })}
            options={[{ value: '', label: t('search.filter.anyKind') }, ...publicKinds.map((k) => ({ value: k, label: label(subjectKinds[k]) }))]}
          />
        </label>
        <label htmlFor={ids.negative}>
          {t('search.filter.negative')}
          <Select
            id={ids.negative}
            style={{ width: 160 }}
            value={negative}
            onChange={(v: string) => go({ negative: v || undefined })}
            options={[
              { value: '', label: t('search.filter.anyNegative') },
              { value: 'true', label: t('search.filter.withNegative') },
              { value: 'false', label: t('search.filter.withoutNegative') },
            ]}
          />
        </label>
        <label htmlFor={ids.division}>
          {t('search.filter.division')}
          <Input
            id={ids.division}
            style={{ width: 140 }}
            defaultValue={division}
            inputMode="numeric"
            maxLength={6}
            placeholder="410700"
            onPressEnter={(e) => go({ division: e.currentTarget.value.trim() || undefined })}
            onBlur={(e) => e.currentTarget.value.trim() !== division && go({ division: e.currentTarget.value.trim() || undefined })}
          />
        </label>
      </div>
      {valid ? (
        <Typography.Title level={1} style={{ fontSize: 20 }}>
          {t('search.title', { q })}
        </Typography.Title>
      ) : null}
      {result.error ? <ErrorNotice error={result.error} onRetry={result.reload} /> : null}
      {result.loading && valid ? <Skeleton active /> : null}
      {result.data ? (
        <Card>
          <Typography.Text type="secondary" role="status">
            {result.data.total !== null ? t('search.total', { n: result.data.total }) : t('search.more')}
          </Typography.Text>
          {result.data.items.length === 0 ? (
            <Empty description={t('search.none')} />
          ) : (
            <List
              dataSource={result.data.items}
              renderItem={(item) => {
                const uscc = item.identifiers.find((i) => i.scheme === 'uscc')
                return (
                  <List.Item key={item.id} className="result-item">
                    <div>
                      <h3>
                        <Link to={subjectPath(item)}>{item.name}</Link>
                      </h3>
                      <Space wrap size={[8, 4]}>
                        <Tag>{label(subjectKinds[item.kind])}</Tag>
                        {uscc ? <span>{t('subject.uscc')}：{uscc.value}</span> : null}
                        {item.divisionName ? <span>{item.divisionName}</span> : null}
                        <Tag color="blue">{t(`search.match.${item.match}`)}</Tag>
                        {item.matchedName ? <span>{t('search.formerName', { name: item.matchedName })}</span> : null}
                      </Space>
                    </div>
                  </List.Item>
                )
              }}
            />
          )}
          <Space style={{ marginTop: 12 }}>
            <Button disabled={page <= 1} onClick={() => go({ page: page - 1 })}>
              {t('search.prev')}
            </Button>
            <span aria-live="polite">{t('search.page', { n: page })}</span>
            <Button disabled={!result.data.hasMore} onClick={() => go({ page: page + 1 })}>
              {t('search.next')}
            </Button>
          </Space>
        </Card>
      ) : null}
    </>
  )
}
