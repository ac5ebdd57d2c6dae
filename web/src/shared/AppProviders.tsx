/** antd's locale and theme follow the language switch; the city's red as the primary colour. */
import type { ReactNode } from 'react'
import { App as AntApp, ConfigProvider } from 'antd'
import zhCN from 'antd/locale/zh_CN'
import { I18nProvider, useI18n } from './i18n.tsx'

const theme = { token: { colorPrimary: '#c8161d', borderRadius: 4, fontFamily: '-apple-system, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif' } }

function Localised({ children }: { children: ReactNode }) {
  const { lang } = useI18n()
  // antd's default strings are English, so only Chinese needs a locale.
  return (
    <ConfigProvider theme={theme} {...(lang === 'zh' ? { locale: zhCN } : {})}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  )
}

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <I18nProvider>
      <Localised>{children}</Localised>
    </I18nProvider>
  )
}
