import { Alert, Button } from 'antd'
import { ApiError } from './api.ts'
import { useI18n } from './i18n.tsx'

export function ErrorNotice({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t, lang } = useI18n()
  const text = error instanceof ApiError ? (lang === 'zh' ? error.zh : error.en) : error.message
  return (
    <Alert
      type="error"
      showIcon
      title={t('common.error')}
      description={text}
      {...(onRetry ? { action: <Button onClick={onRetry}>{t('common.retry')}</Button> } : {})}
    />
  )
}
