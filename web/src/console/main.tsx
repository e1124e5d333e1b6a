import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { I18nProvider } from '../i18n/index.js';
import { catalogues } from '../i18n/catalogues.js';
import '../shared/styles.css';
import { ConsoleApp } from './ConsoleApp.js';
import { SessionProvider } from './SessionProvider.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider catalogues={catalogues} titleKey="console.title">
      <BrowserRouter basename="/console">
        <SessionProvider>
          <ConsoleApp />
        </SessionProvider>
      </BrowserRouter>
    </I18nProvider>
  </StrictMode>,
);
