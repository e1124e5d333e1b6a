import { NavLink, Outlet } from 'react-router';
import { useI18n } from '../i18n/index.js';
import { LanguageSwitch } from '../shared/LanguageSwitch.js';
import { DemoBanner } from './demo/DemoBanner.js';
import { pagesFor } from './navigation.js';
import { useSession, useSignedIn } from './session-context.js';

export function Layout() {
  const { t } = useI18n();
  const session = useSignedIn();
  const { signOut } = useSession();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skip-to-content')}
      </a>
      <header className="site-header console">
        <div className="brand">
          <NavLink to="/" className="site-name">
            {t('console.name')}
          </NavLink>
          <LanguageSwitch />
        </div>
        <nav aria-label={t('nav.label')}>
          <ul>
            {pagesFor(session.allowedActions).map((page) => (
              <li key={page.path}>
                <NavLink to={page.path}>{t(page.label)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <button type="button" className="secondary" onClick={() => void signOut()}>
          {t('console.sign-out')}
        </button>
      </header>
      <DemoBanner />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
