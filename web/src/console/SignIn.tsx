import { useState } from 'react'
import { Alert, Button, Card, Form, Input } from 'antd'
import { ApiError, sendJson } from '../shared/api.ts'
import { useI18n } from '../shared/i18n.tsx'
import { LanguageSwitch } from '../shared/LanguageSwitch.tsx'
import { siteTitle } from '../shared/site-config.ts'
import type { StaffUser } from './session.ts'

export function SignIn({ onSignedIn }: { onSignedIn(user: StaffUser): void }) {
  const { t, lang } = useI18n()
  const [error, setError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  const submit = async (values: { username: string; password: string }) => {
    setBusy(true)
    setError(undefined)
    try {
      const { user } = await sendJson<{ user: Omit<StaffUser, 'type'> }>('POST', '/api/v1/session', values)
      onSignedIn({ ...user, type: 'user' })
    } catch (e) {
      setError(e instanceof ApiError ? (lang === 'zh' ? e.zh : e.en) : (e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <main className="signin">
      <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{`${siteTitle} · ${t('console.signInTitle')}`}</h1>} extra={<LanguageSwitch />}>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" /> : null}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label={t('console.username')} name="username" rules={[{ required: true, message: t('console.username') }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('console.password')} name="password" rules={[{ required: true, message: t('console.password') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>
            {t('console.signIn')}
          </Button>
        </Form>
      </Card>
    </main>
  )
}
