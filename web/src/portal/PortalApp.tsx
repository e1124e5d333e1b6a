import { useCallback, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { usePublicI18n } from '../i18n/index.js';
import { EmergencyNumbers } from '../shared/EmergencyNumbers.js';
import { LanguageSwitch } from '../shared/LanguageSwitch.js';
import { loadPortalSettings, type PortalSettings } from '../shared/settings.js';
import { FollowPage } from './FollowPage.js';
import { emptyPortalDraft, type PortalDraft } from './model.js';
import { QuickExit } from './QuickExit.js';
import { leaveNow, useDoubleEscape } from './quick-exit.js';
import { ReportFlow } from './ReportFlow.js';

type View = 'report' | 'follow';
const paths: Record<View, string> = { report: '/', follow: '/follow' };

/** Views replace each other in the history instead of adding entries, so that a quick exit leaves no way back. */
function show(view: View): void {
  window.history.replaceState(null, '', paths[view]);
}

export function PortalApp() {
  const { t, language } = usePublicI18n();
  const [view, setView] = useState<View>(window.location.pathname.startsWith(paths.follow) ? 'follow' : 'report');
  const [settings, setSettings] = useState<PortalSettings | null>(null);
  const [failed, setFailed] = useState(false);
  const [draft, setDraft] = useState<PortalDraft>(emptyPortalDraft);
  const [run, setRun] = useState(0);

  useEffect(() => {
    loadPortalSettings(language).then(setSettings, () => setFailed(true));
  }, [language]);

  const exit = useCallback(() => {
    leaveNow(settings?.quickExitUrl ?? 'about:blank', () =>
      flushSync(() => {
        setDraft(emptyPortalDraft());
        setRun((n) => n + 1);
      }),
    );
  }, [settings]);
  useDoubleEscape(exit);

  const go = (next: View) => {
    show(next);
    setView(next);
  };
  const restart = () => {
    setDraft(emptyPortalDraft());
    setRun((n) => n + 1);
    go('report');
  };

  return (
    <>
      <header className="site-header">
        <QuickExit onExit={exit} />
        <a className="skip-link" href="#main">
          {t('common.skip-to-content')}
        </a>
        <div className="brand">
          <p className="site-name">{t('portal.site-name')}</p>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {settings && view === 'report' && draft.urgent && <EmergencyNumbers numbers={settings.emergencyNumbers} />}
        <h1>{view === 'report' ? t('portal.heading') : t('follow.heading')}</h1>
        {view === 'report' && <p className="lead">{t('portal.lead')}</p>}
        {view === 'report' && (
          <p>
            <button type="button" className="link-button" onClick={() => go('follow')}>
              {t('portal.already-reported')}
            </button>
          </p>
        )}
        {failed && <p role="alert">{t('common.network-error')}</p>}
        {!settings && !failed && <p role="status">{t('common.loading')}</p>}
        {settings && view === 'report' && (
          <ReportFlow key={run} settings={settings} draft={draft} setDraft={setDraft} onFollow={() => go('follow')} onRestart={restart} />
        )}
        {view === 'follow' && <FollowPage onNewReport={restart} />}
      </main>
      <footer className="site-footer">
        <p>{t('portal.footer-privacy')}</p>
      </footer>
    </>
  );
}
