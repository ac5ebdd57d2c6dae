/** 信用新乡: the public site's frame and its pages; each page but the home page loads on demand. */
import { lazy, Suspense, useEffect } from 'react'
import { Layout, Result, Spin } from 'antd'
import { Link, matchPath, useLocation } from '../shared/router.tsx'
import { useI18n } from '../shared/i18n.tsx'
import { LanguageSwitch } from '../shared/LanguageSwitch.tsx'
import { cityName, siteTitle } from '../shared/site-config.ts'
import { HomePage } from './HomePage.tsx'
import './site.css'

const SearchPage = lazy(() => import('./SearchPage.tsx'))
const SubjectPage = lazy(() => import('./SubjectPage.tsx'))
const ListsPage = lazy(() => import('./ListsPage.tsx'))
const CommitmentsPage = lazy(() => import('./CommitmentsPage.tsx'))
const NoticesPage = lazy(() => import('./NoticesPage.tsx'))
const NoticePage = lazy(() => import('./NoticePage.tsx'))
const ObjectionPage = lazy(() => import('./ObjectionPage.tsx'))
const RepairPage = lazy(() => import('./RepairPage.tsx'))
const StatusPage = lazy(() => import('./StatusPage.tsx'))

/** The header's links (each page also listed in src/http/web.routes.ts publicPages). */
const navLinks = [
  { to: '/lists/black', match: '/lists', text: ['红黑名单', 'Lists'] },
  { to: '/commitments', match: '/commitments', text: ['信用承诺', 'Commitments'] },
  { to: '/policy', match: '/policy', text: ['信用政策', 'Policy'] },
  { to: '/news', match: '/news', text: ['信用动态', 'News'] },
  { to: '/status', match: '/status', text: ['办理进度', 'Progress'] },
] as const

function Page() {
  const { path, params } = useLocation()
  const { t } = useI18n()
  if (path === '/') return <HomePage />
  if (path === '/search') return <SearchPage params={params} />
  const subject = matchPath('/subjects/:code', path)
  if (subject) return <SubjectPage code={subject.code!} />
  const list = matchPath('/lists/:kind', path)
  if (list && ['red', 'focus', 'black'].includes(list.kind!)) return <ListsPage key={list.kind} kind={list.kind as 'red'} params={params} />
  if (path === '/commitments') return <CommitmentsPage params={params} />
  if (path === '/policy' || path === '/news') return <NoticesPage key={path} category={path === '/policy' ? 'policy' : 'news'} params={params} />
  const notice = matchPath('/notices/:id', path)
  if (notice && /^\d+$/.test(notice.id!)) return <NoticePage id={Number(notice.id)} />
  if (path === '/objection') return <ObjectionPage params={params} />
  if (path === '/repair') return <RepairPage params={params} />
  if (path === '/status') return <StatusPage params={params} />
  return <Result status="404" title={t('common.notFound')} extra={<Link to="/">{t('common.goHome')}</Link>} />
}

export function SiteApp() {
  const { t, label } = useI18n()
  const { path } = useLocation()
  useEffect(() => {
    document.title = `${siteTitle} · ${t('site.subtitle')}`
  }, [t])
  return (
    <Layout className="site">
      <a className="skip-link" href="#main">
        {t('site.nav.home')}
      </a>
      <Layout.Header className="site-header">
        <Link to="/" className="site-brand" aria-current={path === '/' ? 'page' : undefined}>
          <span className="site-title">{siteTitle}</span>
          <span className="site-subtitle">{t('site.subtitle')}</span>
        </Link>
        <nav className="site-nav" aria-label={t('site.nav.home')}>
          {navLinks.map((l) => (
            <Link key={l.to} to={l.to} aria-current={path === l.match || path.startsWith(`${l.match}/`) ? 'page' : undefined}>
              {label(l.text)}
            </Link>
          ))}
          <a href="/console">{t('site.nav.console')}</a>
          <LanguageSwitch />
        </nav>
      </Layout.Header>
      <Layout.Content id="main" className="site-main" tabIndex={-1}>
        <Suspense fallback={<Spin aria-label={t('common.loading')} />}>
          <Page />
        </Suspense>
      </Layout.Content>
      <Layout.Footer className="site-footer">{t('site.footer', { city: cityName })}</Layout.Footer>
    </Layout>
  )
}
