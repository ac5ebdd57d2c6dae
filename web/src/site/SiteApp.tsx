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

function Page() {
  const { path, params } = useLocation()
  const { t } = useI18n()
  if (path === '/') return <HomePage />
  if (path === '/search') return <SearchPage params={params} />
  const subject = matchPath('/subjects/:code', path)
  if (subject) return <SubjectPage code={subject.code!} />
  return <Result status="404" title={t('common.notFound')} extra={<Link to="/">{t('common.goHome')}</Link>} />
}

export function SiteApp() {
  const { t } = useI18n()
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
