import { Button } from 'antd'
import { useI18n } from './i18n.tsx'

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n()
  return (
    <Button type="text" aria-label={t('lang.switchLabel')} lang={lang === 'zh' ? 'en' : 'zh-CN'} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} style={{ color: 'inherit' }}>
      {t('lang.switch')}
    </Button>
  )
}
