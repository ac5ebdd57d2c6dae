/** The staff console at /console: sign-in, then a frame with a menu; each page loads on demand. */
import { lazy, Suspense, useCallback, useEffect, useState } from 'react'
import { Button, Layout, Menu, Result, Spin, Typography } from 'antd'
import { getJson, sendJson, SESSION_ENDED } from '../shared/api.ts'
import { useI18n } from '../shared/i18n.tsx'
import { LanguageSwitch } from '../shared/LanguageSwitch.tsx'
import { Link, matchPath, navigate, useLocation } from '../shared/router.tsx'
import { siteTitle } from '../shared/site-config.ts'
import { ErrorNotice } from '../shared/ErrorNotice.tsx'
import { SessionContext, type Actor, type StaffUser } from './session.ts'
import { SignIn } from './SignIn.tsx'
import './console.css'

const Dashboard = lazy(() => import('./Dashboard.tsx'))
const CatalogPage = lazy(() => import('./CatalogPage.tsx'))
const UploadPage = lazy(() => import('./UploadPage.tsx'))
const BatchesPage = lazy(() => import('./BatchesPage.tsx'))
const BatchPage = lazy(() => import('./BatchPage.tsx'))

const menu = [
  { path: '/console', key: 'console.nav.dashboard' },
  { path: '/console/catalog', key: 'console.nav.catalog' },
  { path: '/console/upload', key: 'console.nav.upload' },
  { path: '/console/batches', key: 'console.nav.batches' },
] as const

function Page({ path }: { path: string }) {
  const { t } = useI18n()
  if (path === '/console') return <Dashboard />
  if (path === '/console/catalog') return <CatalogPage />
  if (path === '/console/upload') return <UploadPage />
  if (path === '/console/batches') return <BatchesPage />
  const batch = matchPath('/console/batches/:id', path)
  if (batch && /^\d+$/.test(batch.id!)) return <BatchPage id={Number(batch.id)} />
  return <Result status="404" title={t('common.notFound')} extra={<Link to="/console">{t('console.nav.dashboard')}</Link>} />
}

export function ConsoleApp() {
  const { t } = useI18n()
  const { path } = useLocation()
  const [state, setState] = useState<{ user?: StaffUser; checked: boolean; error?: Error }>({ checked: false })

  useEffect(() => {
    getJson<{ actor: Actor }>('/api/v1/session').then(
      ({ actor }) => setState({ checked: true, ...(actor.type === 'user' ? { user: actor } : {}) }),
      (error: Error) => setState({ checked: true, error }),
    )
  }, [])
  useEffect(() => {
    const ended = () => setState((s) => (s.user ? { checked: true } : s))
    window.addEventListener(SESSION_ENDED, ended)
    return () => window.removeEventListener(SESSION_ENDED, ended)
  }, [])
  useEffect(() => {
    document.title = `${siteTitle} · ${t('console.title')}`
  }, [t])

  const signOut = useCallback(() => {
    void sendJson('DELETE', '/api/v1/session').finally(() => {
      setState({ checked: true })
      navigate('/console')
    })
  }, [])

  if (!state.checked) return <Spin style={{ margin: 48 }} aria-label={t('common.loading')} />
  if (state.error) return <ErrorNotice error={state.error} />
  if (!state.user) return <SignIn onSignedIn={(user) => setState({ checked: true, user })} />

  const selected = menu.filter((m) => path === m.path || (m.path !== '/console' && path.startsWith(`${m.path}/`))).map((m) => m.path)
  return (
    <SessionContext.Provider value={{ user: state.user, signOut }}>
      <Layout className="console">
        <Layout.Header className="console-header">
          <span className="console-brand">
            {siteTitle} · {t('console.title')}
          </span>
          <span className="console-user">
            <Typography.Text style={{ color: 'inherit' }}>
              {state.user.displayName}（{state.user.username}）
            </Typography.Text>
            <LanguageSwitch />
            <Button onClick={signOut}>{t('console.signOut')}</Button>
          </span>
        </Layout.Header>
        <Layout>
          <Layout.Sider breakpoint="md" collapsedWidth={0} theme="light" width={200}>
            <nav aria-label={t('console.title')}>
              <Menu
                mode="inline"
                selectedKeys={selected.length ? selected : ['/console']}
                items={[
                  ...menu.map((m) => ({ key: m.path, label: <Link to={m.path}>{t(m.key)}</Link> })),
                  { key: '/', label: <a href="/">{t('console.nav.site')}</a> },
                ]}
              />
            </nav>
          </Layout.Sider>
          <Layout.Content id="main" className="console-main">
            <Suspense fallback={<Spin aria-label={t('common.loading')} />}>
              <Page path={path} />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </SessionContext.Provider>
  )
}
