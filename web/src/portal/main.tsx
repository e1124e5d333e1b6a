import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../i18n/index.js';
import { publicCatalogues } from '../i18n/public-catalogues.js';
import '../shared/styles.css';
import { PortalApp } from './PortalApp.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider catalogues={publicCatalogues} titleKey="portal.title">
      <PortalApp />
    </I18nProvider>
  </StrictMode>,
);
