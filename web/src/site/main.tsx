import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { AppProviders } from '../shared/AppProviders.tsx'
import { SiteApp } from './SiteApp.tsx'
import { setApiCredentials } from '../shared/api.ts'

setApiCredentials('omit')

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders>
      <SiteApp />
    </AppProviders>
  </StrictMode>,
)
