/** Chinese first, English on request; the choice is remembered in this browser. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { en, zh, type MessageKey } from './messages.ts'

export type Lang = 'zh' | 'en'
const STORAGE_KEY = 'xinyong.lang'

interface I18n {
  lang: Lang
  setLang(lang: Lang): void
  t(key: MessageKey, vars?: Record<string, string | number>): string
  /** The Chinese or English of a pair the API gives (name / nameEn). */
  pick(zhText: string, enText: string | undefined | null): string
  /** The Chinese or English of a [zh, en] label pair. */
  label(pair: readonly [string, string]): string
}

const Context = createContext<I18n | null>(null)

function initialLang(): Lang {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY)
    if (stored === 'en' || stored === 'zh') return stored
  } catch {
    // storage may be unavailable (private mode); Chinese then
  }
  return 'zh'
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang)
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en'
  }, [lang])
  const setLang = useCallback((next: Lang) => {
    setLangState(next)
    try {
      window.localStorage.setItem(STORAGE_KEY, next)
    } catch {
      // not remembered, still switched
    }
  }, [])
  const value = useMemo<I18n>(() => {
    const dict = lang === 'zh' ? zh : en
    return {
      lang,
      setLang,
      t: (key, vars) => {
        let text = dict[key]
        if (vars) for (const [k, v] of Object.entries(vars)) text = text.replaceAll(`{${k}}`, String(v))
        return text
      },
      pick: (zhText, enText) => (lang === 'en' && enText ? enText : zhText),
      label: (pair) => (lang === 'en' ? pair[1] : pair[0]),
    }
  }, [lang, setLang])
  return <Context.Provider value={value}>{children}</Context.Provider>
}

export function useI18n(): I18n {
  const value = useContext(Context)
  if (!value) throw new Error('useI18n outside I18nProvider')
  return value
}
