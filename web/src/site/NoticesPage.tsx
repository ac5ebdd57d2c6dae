/** 信用政策 / 信用动态: the office's published notices, newest first, 20 a page. */
import { Card, Empty, List, Pagination, Skeleton, Typography } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { useApi } from '../shared/useApi.ts'
import { Link } from '../shared/router.tsx'
import { ErrorNotice } from '../shared/ErrorNotice.tsx'
import { navigate, query } from './nav.ts'
import { noticeCategories, type NoticePage } from './public-types.ts'

export default function NoticesPage({ category, params }: { category: 'policy' | 'news'; params: URLSearchParams }) {
  const { label } = useI18n()
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1)
  const data = useApi<NoticePage>(`/api/v1/notices${query({ category, page })}`)
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {label(noticeCategories[category])}
      </Typography.Title>
      {data.error ? <ErrorNotice error={data.error} onRetry={data.reload} /> : null}
      {data.loading && !data.data ? <Skeleton active /> : null}
      {data.data ? (
        <Card>
          {data.data.items.length === 0 ? (
            <Empty description={label(['暂无文章', 'Nothing published yet'])} />
          ) : (
            <List
              dataSource={data.data.items}
              renderItem={(n) => (
                <List.Item key={n.id} className="notice-item">
                  <div>
                    <h2 style={{ fontSize: 17, margin: '0 0 4px' }}>
                      <Link to={`/notices/${n.id}`}>{n.title}</Link>
                    </h2>
                    <Typography.Text type="secondary">
                      {n.publishedAt.slice(0, 10)}
                      {n.source ? ` · ${n.source}` : ''}
                    </Typography.Text>
                    <p style={{ margin: '4px 0 0' }}>{n.excerpt}</p>
                  </div>
                </List.Item>
              )}
            />
          )}
          {data.data.total > 20 ? <Pagination style={{ marginTop: 12 }} current={page} pageSize={20} total={data.data.total} showSizeChanger={false} onChange={(p) => navigate(`/${category}${query({ page: p })}`)} /> : null}
        </Card>
      ) : null}
    </>
  )
}
