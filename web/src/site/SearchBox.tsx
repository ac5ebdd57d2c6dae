/** The one search box: a labelled text field; two characters at least, as the API needs. */
import { useId, useState } from 'react'
import { Input } from 'antd'
import { useI18n } from '../shared/i18n.tsx'
import { navigate, query } from './nav.ts'

export function SearchBox({ initial = '', size = 'large', autoFocus = false }: { initial?: string; size?: 'large' | 'middle'; autoFocus?: boolean }) {
  const { t } = useI18n()
  const [value, setValue] = useState(initial)
  const [tooShort, setTooShort] = useState(false)
  const id = useId()
  const submit = (text: string) => {
    const q = text.trim()
    if ([...q].length < 2) return setTooShort(true)
    setTooShort(false)
    navigate(`/search${query({ q })}`)
  }
  return (
    <div role="search" className="search-box">
      <label htmlFor={id} className="sr-only">
        {t('search.label')}
      </label>
      <Input.Search
        id={id}
        name="q"
        size={size}
        value={value}
        autoFocus={autoFocus}
        maxLength={100}
        placeholder={t('search.placeholder')}
        enterButton={t('search.button')}
        aria-describedby={tooShort ? `${id}-hint` : undefined}
        status={tooShort ? 'error' : ''}
        onChange={(e) => setValue(e.target.value)}
        onSearch={(text) => submit(text)}
      />
      {tooShort ? (
        <div id={`${id}-hint`} role="alert" style={{ color: '#c8161d', marginTop: 4 }}>
          {t('search.tooShort')}
        </div>
      ) : null}
    </div>
  )
}
