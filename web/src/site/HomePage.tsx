/** Home: the search box first, then what has been collected (charts load after the page) and the newest catalog items. */
import { lazy, Suspense } from 'react'
import { Card, Col, List, Row, Skeleton, Statistic, Tag, Typography } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { useApi } from '../shared/useApi.ts'
import { siteTitle } from '../shared/site-config.ts'
import { displayGroups } from '../shared/labels.ts'
import { ErrorNotice } from '../shared/ErrorNotice.tsx'
import type { CollectionFigures } from '../shared/types.ts'
import { SearchBox } from './SearchBox.tsx'
import { HomeLatest } from './HomeLatest.tsx'

const CollectionCharts = lazy(() => import('./CollectionCharts.tsx'))

export function HomePage() {
  const { t, pick, lang, label } = useI18n()
  const figures = useApi<CollectionFigures>('/api/v1/statistics/collection')
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{siteTitle}</h1>
        <SearchBox autoFocus />
      </section>
      <section aria-labelledby="figures-title">
        <Typography.Title level={2} id="figures-title" style={{ fontSize: 20 }}>
          {t('home.figures')}
        </Typography.Title>
        {figures.error ? <ErrorNotice error={figures.error} onRetry={figures.reload} /> : null}
        {figures.data ? (
          <>
            <Row gutter={16} style={{ marginBottom: 16 }}>
              <Col xs={24} md={8}>
                <Card>
                  <Statistic title={t('home.total')} value={figures.data.total} groupSeparator="," />
                  <Typography.Text type="secondary">{t('home.asOf', { t: new Date(figures.data.asOf).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai' }) })}</Typography.Text>
                </Card>
              </Col>
            </Row>
            {figures.data.total === 0 ? (
              <Typography.Paragraph>{t('home.noRecords')}</Typography.Paragraph>
            ) : (
              <Suspense fallback={<Skeleton active aria-label={t('home.loadingCharts')} />}>
                <CollectionCharts figures={figures.data} />
              </Suspense>
            )}
          </>
        ) : figures.loading ? (
          <Skeleton active />
        ) : null}
      </section>
      {figures.data && figures.data.newestItems.length > 0 ? (
        <section aria-labelledby="newest-title" style={{ marginTop: 24 }}>
          <Typography.Title level={2} id="newest-title" style={{ fontSize: 20 }}>
            {t('home.newest')}
          </Typography.Title>
          <Card>
            <List
              dataSource={figures.data.newestItems}
              renderItem={(item) => (
                <List.Item key={item.code}>
                  <span>
                    <Tag>{label(displayGroups[item.displayGroup])}</Tag>
                    {pick(item.name, item.nameEn)}
                  </span>
                  <Typography.Text type="secondary">
                    {t('home.version', { n: item.version })} · {item.updatedAt.slice(0, 10)}
                  </Typography.Text>
                </List.Item>
              )}
            />
          </Card>
        </section>
      ) : null}
      <HomeLatest />
    </>
  )
}
