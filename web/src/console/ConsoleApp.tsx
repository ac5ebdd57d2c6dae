/** The staff console at /console: sign-in, then a frame with a menu; each page loads on demand. */
import { lazy, Suspense, useCallback, useEffect, useState } from 'react'
import { Button, Layout, Menu, Result, Spin, Typography } from 'antd'
import { getJson, sendJson, SESSION_ENDED } from '../shared/api.ts'
import { useI18n } from '../shared/i18n.tsx'
import { LanguageSwitch } from '../shared/LanguageSwitch.tsx'
import { Link, matchPath, navigate, useLocation } from '../shared/router.tsx'
import { siteTitle } from '../shared/site-config.ts'
import { ErrorNotice } from '../shared/ErrorNotice.tsx'
import { hasRole, SessionContext, type Actor, type Role, type StaffUser } from './session.ts'
import type { MessageKey } from '../shared/messages.ts'
import { SignIn } from './SignIn.tsx'
import './console.css'

const Dashboard = lazy(() => import('./Dashboard.tsx'))
const CatalogPage = lazy(() => import('./CatalogPage.tsx'))
const UploadPage = lazy(() => import('./UploadPage.tsx'))
const BatchesPage = lazy(() => import('./BatchesPage.tsx'))
const BatchPage = lazy(() => import('./BatchPage.tsx'))
const ObjectionsPage = lazy(() => import('./ObjectionsPage.tsx'))
const RepairsPage = lazy(() => import('./RepairsPage.tsx'))
const ListsAdminPage = lazy(() => import('./ListsAdminPage.tsx'))
const MeasuresPage = lazy(() => import('./MeasuresPage.tsx'))
const CreditCheckPage = lazy(() => import('./CreditCheckPage.tsx'))
const CheckPage = lazy(() => import('./CheckPage.tsx'))
const DepartmentsPage = lazy(() => import('./DepartmentsPage.tsx'))
const UsersPage = lazy(() => import('./UsersPage.tsx'))
const ApiKeysPage = lazy(() => import('./ApiKeysPage.tsx'))
const AuditPage = lazy(() => import('./AuditPage.tsx'))
const QueryLogPage = lazy(() => import('./QueryLogPage.tsx'))
const NoticesAdminPage = lazy(() => import('./NoticesAdminPage.tsx'))

const staffReaders: Role[] = ['platform_admin', 'department_operator', 'department_reviewer', 'credit_checker']

/** The menu, each entry for the roles whose API calls it needs (the API decides in the end). */
const menu: Array<{ path: string; text: MessageKey | readonly [string, string]; roles?: Role[] }> = [
  { path: '/console', text: 'console.nav.dashboard' },
  { path: '/console/catalog', text: 'console.nav.catalog' },
  { path: '/console/upload', text: 'console.nav.upload', roles: ['platform_admin', 'department_operator'] },
  { path: '/console/batches', text: 'console.nav.batches', roles: ['platform_admin', 'department_operator'] },
  { path: '/console/objections', text: ['异议办理', 'Objections'], roles: ['platform_admin', 'department_reviewer'] },
  { path: '/console/repairs', text: ['信用修复', 'Credit repair'], roles: ['platform_admin', 'department_reviewer'] },
  { path: '/console/lists', text: ['名单管理', 'Lists'], roles: staffReaders },
  { path: '/console/measures', text: ['事项与奖惩措施', 'Matters and measures'] },
  { path: '/console/checks', text: ['信用核查', 'Credit checks'], roles: ['platform_admin', 'credit_checker'] },
  { path: '/console/notices', text: ['政策与动态', 'Policy and news'], roles: ['platform_admin'] },
  { path: '/console/departments', text: ['部门', 'Departments'] },
  { path: '/console/users', text: ['用户', 'Users'], roles: ['platform_admin', 'auditor'] },
  { path: '/console/api-keys', text: ['API 密钥', 'API keys'], roles: ['platform_admin'] },
  { path: '/console/audit', text: ['审计日志', 'Audit log'], roles: ['platform_admin', 'auditor'] },
  { path: '/console/query-log', text: ['查询记录', 'Query log'], roles: ['platform_admin', 'auditor'] },
]

function Page({ path }: { path: string }) {
  const { t } = useI18n()
  if (path === '/console') return <Dashboard />
  if (path === '/console/catalog') return <CatalogPage />
  if (path === '/console/upload') return <UploadPage />
  if (path === '/console/batches') return <BatchesPage />
  if (path === '/console/objections') return <ObjectionsPage />
  if (path === '/console/repairs') return <RepairsPage />
  if (path === '/console/lists') return <ListsAdminPage />
  if (path === '/console/measures') return <MeasuresPage />
  if (path === '/console/checks') return <CreditCheckPage />
  const check = matchPath('/console/checks/:id', path)
  if (check && /^\d+$/.test(check.id!)) return <CheckPage key={check.id} id={Number(check.id)} />
  if (path === '/console/notices') return <NoticesAdminPage />
  if (path === '/console/departments') return <DepartmentsPage />
  if (path === '/console/users') return <UsersPage />
  if (path === '/console/api-keys') return <ApiKeysPage />
  if (path === '/console/audit') return <AuditPage />
  if (path === '/console/query-log') return <QueryLogPage />
  const batch = matchPath('/console/batches/:id', path)
  if (batch && /^\d+$/.test(batch.id!)) return <BatchPage id={Number(batch.id)} />
  return <Result status="404" title={t('common.notFound')} extra={<Link to="/console">{t('console.nav.dashboard')}</Link>} />
}

export function ConsoleApp() {
  const { t, label } = useI18n()
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

  const shown = menu.filter((m) => !m.roles || hasRole(state.user!, ...m.roles))
  const selected = shown.filter((m) => path === m.path || (m.path !== '/console' && path.startsWith(`${m.path}/`))).map((m) => m.path)
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
                  ...shown.map((m) => ({ key: m.path, label: <Link to={m.path}>{typeof m.text === 'string' ? t(m.text) : label(m.text)}</Link> })),
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
