import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/index.js';
import { isProblem } from '../../../shared/api.js';
import { PageHeading } from '../../PageHeading.js';
import { useCan } from '../../session-context.js';
import { useStaffApi } from '../../use-staff-api.js';
import type { VersionDetail, VersionSummary } from '../types.js';
import { useResource } from '../use-resource.js';
import { RuleEditor } from './RuleEditor.js';
import { VersionPanel } from './VersionPanel.js';

/** The routing rules: every version, one in force; edit one into a new version, try it over past reports, put it in force. */
export function RoutingPage() {
  const { t, language } = useI18n();
  const api = useStaffApi();
  const canEdit = useCan('routing.edit');
  const versions = useResource<{ versions: VersionSummary[] }>('/api/routing/versions');
  const [selected, setSelected] = useState<VersionDetail | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });

  const list = versions.data?.versions ?? [];
  const activeVersion = list.find((version) => version.active)?.version;
  useEffect(() => {
    if (selected || activeVersion === undefined) return;
    api<VersionDetail>(`/api/routing/versions/${activeVersion}`).then(setSelected, (failure: unknown) =>
      setError(isProblem(failure) ? failure.title : t('common.network-error')),
    );
  }, [api, activeVersion, selected, t]);

  async function open(version: number) {
    try {
      setSelected(await api<VersionDetail>(`/api/routing/versions/${version}`));
      setMessage(t('admin.routing-opened', { version }));
    } catch (failure) {
      setError(isProblem(failure) ? failure.title : t('common.network-error'));
    }
  }

  const current = selected ? (list.find((version) => version.version === selected.version) ?? selected) : null;
  return (
    <>
      <PageHeading>{t('admin.routing')}</PageHeading>
      {(versions.error ?? error) && <p role="alert">{versions.error ?? error}</p>}
      <p role="status">{message}</p>
      <div className="table-scroll" role="region" aria-labelledby="versions-caption" tabIndex={0}>
        <table className="admin">
          <caption id="versions-caption">{t('admin.routing-versions')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.routing-version-number')}</th>
              <th scope="col">{t('admin.routing-state')}</th>
              <th scope="col">{t('admin.routing-rule-count')}</th>
              <th scope="col">{t('admin.routing-note')}</th>
              <th scope="col">{t('admin.routing-created')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((version) => (
              <tr key={version.version}>
                <td>{version.version}</td>
                <td>{version.active ? t('admin.routing-active') : t('admin.routing-draft')}</td>
                <td>{version.rules}</td>
                <td>{version.note ?? '—'}</td>
                <td>{when.format(new Date(version.createdAt))}</td>
                <td>
                  <button type="button" className="link-button" onClick={() => void open(version.version)}>
                    {t('admin.routing-open', { version: version.version })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {current && (
        <VersionPanel
          key={`panel-${current.version}`}
          version={current}
          onActivated={() => {
            setMessage(t('admin.routing-activated', { version: current.version }));
            versions.reload();
          }}
        />
      )}
      {selected && canEdit && (
        <RuleEditor
          key={`editor-${selected.version}`}
          initial={JSON.stringify(selected.ruleSet, null, 2)}
          basedOn={selected.version}
          onSaved={(saved) => {
            setSelected(saved);
            setMessage(t('admin.routing-saved', { version: saved.version }));
            versions.reload();
          }}
        />
      )}
    </>
  );
}
