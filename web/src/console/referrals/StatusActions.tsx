import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/index.js';
import { isProblem } from '../../shared/api.js';
import { SelectField } from '../../shared/form/SelectField.js';
import { TextField } from '../../shared/form/TextField.js';
import { useStaffApi } from '../use-staff-api.js';
import { referralOutcomes, rejectionReasons, type Referral, type ReferralStatus } from './types.js';

/** The statuses a person records from the console; `sent` is Vigie's own (a notice going out). */
const byPerson = ['received', 'accepted', 'rejected', 'done'] as const;
type PersonMove = (typeof byPerson)[number];
const isPersonMove = (status: ReferralStatus): status is PersonMove => (byPerson as readonly ReferralStatus[]).includes(status);

type Asking = 'rejected' | 'done' | null;

/**
 * Accept, acknowledge, reject with a reason, or close with an outcome: only the moves the
 * server lists in `next`; the server checks the move again and answers 409 if it is stale.
 */
export function StatusActions({ referral, onChanged }: { referral: Referral; onChanged(updated: Referral): void }) {
  const { t } = useI18n();
  const api = useStaffApi();
  const [asking, setAsking] = useState<Asking>(null);
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const moves = referral.next.filter(isPersonMove);
  if (moves.length === 0) return null;

  async function change(status: ReferralStatus, extra: { reason?: string; outcome?: string } = {}) {
    setBusy(true);
    setError(null);
    try {
      const updated = await api<Referral>(`/api/referrals/${encodeURIComponent(referral.id)}/status`, {
        method: 'POST',
        body: { status, ...extra, ...(note.trim() ? { note: note.trim() } : {}) },
      });
      setAsking(null);
      setNote('');
      onChanged(updated);
    } catch (failure) {
      setError(isProblem(failure) ? (failure.errors[0]?.detail ?? failure.detail ?? failure.title) : t('common.network-error'));
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (asking === 'rejected') void change('rejected', { reason });
    if (asking === 'done') void change('done', { outcome });
  }

  return (
    <section aria-labelledby="referral-actions-title">
      <h2 id="referral-actions-title">{t('referrals.actions')}</h2>
      {error && <p role="alert">{error}</p>}
      {asking === null ? (
        <div className="referral-actions">
          {moves.map((status) =>
            status === 'rejected' || status === 'done' ? (
              <button
                key={status}
                type="button"
                className={status === 'rejected' ? 'secondary' : 'primary'}
                onClick={() => setAsking(status)}
              >
                {t(`referrals.action-${status}`)}
              </button>
            ) : (
              <button key={status} type="button" className="primary" disabled={busy} onClick={() => void change(status)}>
                {t(`referrals.action-${status}`)}
              </button>
            ),
          )}
        </div>
      ) : (
        <form onSubmit={submit} aria-labelledby="referral-actions-title">
          {asking === 'rejected' ? (
            <SelectField
              id="referral-reason"
              label={t('referrals.reason')}
              value={reason}
              required
              autoFocus
              placeholder={t('referrals.choose')}
              options={rejectionReasons.map((value) => ({ value, label: t(`referrals.reason.${value}`) }))}
              onChange={setReason}
            />
          ) : (
            <SelectField
              id="referral-outcome"
              label={t('referrals.outcome')}
              value={outcome}
              required
              autoFocus
              placeholder={t('referrals.choose')}
              options={referralOutcomes.map((value) => ({ value, label: t(`referrals.outcome.${value}`) }))}
              onChange={setOutcome}
            />
          )}
          <TextField
            id="referral-note"
            label={t('referrals.note')}
            hint={t('referrals.note-hint')}
            value={note}
            multiline
            maxLength={2000}
            onChange={setNote}
          />
          <div className="referral-actions">
            <button type="submit" className="primary" disabled={busy}>
              {asking === 'rejected' ? t('referrals.confirm-reject') : t('referrals.confirm-done')}
            </button>
            <button type="button" className="secondary" onClick={() => setAsking(null)}>
              {t('referrals.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
