import { useEffect, useState } from 'react';
import { Route, Routes } from 'react-router';
import { useI18n } from '../i18n/index.js';
import { loadPortalSettings, type PortalSettings } from '../shared/settings.js';
import { AdminRoutes } from './admin/AdminRoutes.js';
import { Allowed } from './Allowed.js';
import { AssessmentPage } from './assessment/AssessmentPage.js';
import { ConfirmationPage } from './assessment/ConfirmationPage.js';
import { CallPage } from './helpline/CallPage.js';
import { HomePage } from './HomePage.js';
import { Layout } from './Layout.js';
import { NotFoundPage } from './NotFoundPage.js';
import { TakedownsPage } from './takedowns/TakedownsPage.js';
import { PartnersPage } from './partners/PartnersPage.js';
import { QueuePage } from './queue/QueuePage.js';
import { ReferralBoardPage } from './referrals/ReferralBoardPage.js';
import { ReferralPage } from './referrals/ReferralPage.js';
import { ReportListPage } from './reports/ReportListPage.js';
import { ReportPage } from './reports/ReportPage.js';
import { useSession } from './session-context.js';
import { SignIn } from './signin/SignIn.js';

export function ConsoleApp() {
  const { t, language } = useI18n();
  const { state } = useSession();
  const [settings, setSettings] = useState<PortalSettings | null>(null);
  useEffect(() => {
    loadPortalSettings(language).then(setSettings, () => setSettings(null));
  }, [language]);

  if (state.kind === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (state.kind === 'signed-out') return <SignIn />;
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route
          path="helpline/new"
          element={
            <Allowed action="report.record-call">
              {settings ? <CallPage settings={settings} /> : <p role="status">{t('common.loading')}</p>}
            </Allowed>
          }
        />
        <Route
          path="reports"
          element={
            <Allowed action="report.list">
              <ReportListPage categories={settings?.categories ?? []} />
            </Allowed>
          }
        />
        <Route
          path="reports/:id"
          element={
            <Allowed action="report.read">
              <ReportPage />
            </Allowed>
          }
        />
        <Route
          path="referrals"
          element={
            <Allowed action="referral.list">
              <ReferralBoardPage />
            </Allowed>
          }
        />
        <Route
          path="referrals/:id"
          element={
            <Allowed action="referral.list">
              <ReferralPage />
            </Allowed>
          }
        />
        <Route
          path="queue"
          element={
            <Allowed action="assessment.queue">
              <QueuePage categories={settings?.categories ?? []} />
            </Allowed>
          }
        />
        <Route
          path="reports/:id/assess"
          element={
            <Allowed action="assessment.assess">
              <AssessmentPage categories={settings?.categories ?? []} />
            </Allowed>
          }
        />
        <Route
          path="reports/:id/confirm"
          element={
            <Allowed action="assessment.confirm">
              <ConfirmationPage />
            </Allowed>
          }
        />
        <Route
          path="partners"
          element={
            <Allowed action="exchange.read">
              <PartnersPage />
            </Allowed>
          }
        />
        <Route
          path="takedowns"
          element={
            <Allowed action="takedown.list">
              <TakedownsPage />
            </Allowed>
          }
        />
        <Route path="admin/*" element={<AdminRoutes />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
