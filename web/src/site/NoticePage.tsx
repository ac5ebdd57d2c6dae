/** One notice: its title, date and source, and the body's paragraphs — as text, never as HTML. */
import { Card, Result, Skeleton, Typography } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { useApi } from '../shared/useApi.ts'
import { Link } from '../shared/router.tsx'
import { ApiError } from '../shared/api.ts'
import { ErrorNotice } from '../shared/ErrorNotice.tsx'
import { noticeCategories, type Notice } from './public-types.ts'

/** Non-empty lines, each a paragraph (the server's paragraphsOf). */
export const paragraphs = (body: string) =>
  body
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)

export default function NoticePage({ id }: { id: number }) {
  const { label } = useI18n()
  const notice = useApi<Notice>(`/api/v1/notices/${id}`)
  if (notice.error instanceof ApiError && notice.error.status === 404) return <Result status="404" title={label(['文章不存在或已撤下', 'No such notice'])} extra={<Link to="/">{label(['回到首页', 'Home'])}</Link>} />
  if (notice.error) return <ErrorNotice error={notice.error} onRetry={notice.reload} />
  if (!notice.data) return <Skeleton active />
  const n = notice.data
  return (
    <article className="notice">
      <Link to={`/${n.category}`}>{label(noticeCategories[n.category])}</Link>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 8 }}>
        {n.title}
      </Typography.Title>
      <Typography.Text type="secondary">
        {label(['发布日期', 'Published'])}：{n.publishedAt.slice(0, 10)}
        {n.source ? ` · ${n.source}` : ''}
      </Typography.Text>
      <Card style={{ marginTop: 16 }}>
        <div className="notice-body">
          {paragraphs(n.body).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      </Card>
    </article>
  )
}
