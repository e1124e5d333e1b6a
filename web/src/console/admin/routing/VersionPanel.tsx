import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/index.js';
import { isProblem } from '../../../shared/api.js';
import { TextField } from '../../../shared/form/TextField.js';
import { useCan } from '../../session-context.js';
import { useStaffApi } from '../../use-staff-api.js';
import type { DryRunAnswer, VersionSummary } from '../types.js';
import { DryRunResults } from './DryRunResults.js';

/** A version's dry run over the newest stored reports, and its activation. */
export function VersionPanel({ version, onActivated }: { version: VersionSummary; onActivated(): void }) {
  const { t } = useI18n();
  const api = useStaffApi();
  const canDryRun = useCan('routing.dry-run');
  const canEdit = useCan('routing.edit');
  const [limit, setLimit] = useState('100');
  const [answer, setAnswer] = useState<DryRunAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const failed = (failure: unknown) =>
    setError(isProblem(failure) ? (failure.errors[0]?.detail ?? failure.detail ?? failure.title) : t('common.network-error'));

  async function dryRun(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setAnswer(
        await api<DryRunAnswer>(`/api/routing/versions/${version.version}/dry-run`, { method: 'POST', body: { limit: Number(limit) } }),
      );
    } catch (failure) {
      failed(failure);
    } finally {
      setBusy(false);
    }
  }

  async function activate() {
    if (!window.confirm(t('admin.routing-activate-confirm', { version: version.version }))) return;
    setError(null);
    try {
      await api(`/api/routing/versions/${version.version}/activate`, { method: 'POST' });
      onActivated();
    } catch (failure) {
      failed(failure);
    }
  }

  return (
    <section aria-labelledby="version-panel-title" className="admin-form">
      <h2 id="version-panel-title">
        {t('admin.routing-version', { version: version.version })} — {version.active ? t('admin.routing-active') : t('admin.routing-draft')}
      </h2>
      {error && <p role="alert">{error}</p>}
      {canDryRun && (
        <form onSubmit={(event) => void dryRun(event)} noValidate>
          <TextField
            id="dry-run-limit"
            type="number"
            inputMode="numeric"
            min={1}
            max={500}
            label={t('admin.dry-run-limit')}
            hint={t('admin.dry-run-limit-hint')}
            value={limit}
            onChange={setLimit}
          />
          <div className="actions">
            <button type="submit" className="secondary" disabled={busy}>
              {t('admin.dry-run', { version: version.version })}
            </button>
            {canEdit && !version.active && (
              <button type="button" className="primary" onClick={() => void activate()}>
                {t('admin.routing-activate', { version: version.version })}
              </button>
            )}
          </div>
        </form>
      )}
      {answer && <DryRunResults answer={answer} />}
    </section>
  );
}
