import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { AppProviders } from '../shared/AppProviders.tsx'
import { ConsoleApp } from './ConsoleApp.tsx'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders>
      <ConsoleApp />
    </AppProviders>
  </StrictMode>,
)
