/** The home page's latest list entries (black and red) and the newest notices, each linked to its page. */
import { Card, Empty, List, Tag, Typography } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { useApi } from '../shared/useApi.ts'
import { Link } from '../shared/router.tsx'
import { listKinds, noticeCategories, type ListKind, type ListPage, type NoticePage } from './public-types.ts'

const SHOWN = 5

function LatestEntries({ kind }: { kind: ListKind }) {
  const { label } = useI18n()
  const list = useApi<ListPage>(`/api/v1/lists/${kind}`)
  const items = list.data?.items.slice(0, SHOWN) ?? []
  return (
    <Card title={label(listKinds[kind])} extra={<Link to={`/lists/${kind}`}>{label(['更多', 'More'])}</Link>} loading={list.loading} className={`latest-${kind}`}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={label(['暂无', 'None'])} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(e) => (
            <List.Item key={e.recordId}>
              <span>{e.subject.name}</span>
              <Typography.Text type="secondary">{e.listingDate ?? ''}</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  )
}

function LatestNotices() {
  const { label } = useI18n()
  const notices = useApi<NoticePage>(`/api/v1/notices?pageSize=${SHOWN}`)
  const items = notices.data?.items ?? []
  return (
    <Card title={label(['政策与动态', 'Policy and news'])} extra={<Link to="/news">{label(['更多', 'More'])}</Link>} loading={notices.loading} className="latest-notices">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={label(['暂无', 'None'])} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(n) => (
            <List.Item key={n.id}>
              <span>
                <Tag>{label(noticeCategories[n.category])}</Tag>
                <Link to={`/notices/${n.id}`}>{n.title}</Link>
              </span>
              <Typography.Text type="secondary">{n.publishedAt.slice(0, 10)}</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  )
}

export function HomeLatest() {
  const { label } = useI18n()
  return (
    <section aria-label={label(['最新公示', 'Latest'])} className="home-columns">
      <LatestEntries kind="black" />
      <LatestEntries kind="red" />
      <LatestNotices />
    </section>
  )
}
