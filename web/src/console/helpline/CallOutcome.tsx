import { useI18n } from '../../i18n/index.js';
import { CheckboxField } from '../../shared/form/CheckboxField.js';
import { TextField } from '../../shared/form/TextField.js';
import { useFieldError } from '../../shared/form/errors.js';
import { referrals, type Referral } from '../../report/vocabulary.js';
import type { CallDraft } from './call-model.js';

interface Props {
  draft: CallDraft;
  change(patch: Partial<CallDraft>): void;
}

/** What the operator did on the call: the advice given and any referral made at once. */
export function CallOutcome({ draft, change }: Props) {
  const { t } = useI18n();
  const error = useFieldError('referrals');
  const toggle = (referral: Referral, on: boolean) =>
    change({ referrals: on ? [...draft.referrals, referral] : draft.referrals.filter((r) => r !== referral) });
  return (
    <fieldset className="group">
      <legend>{t('call.outcome')}</legend>
      <TextField
        id="adviceGiven"
        label={t('call.advice')}
        multiline
        value={draft.adviceGiven}
        onChange={(adviceGiven) => change({ adviceGiven })}
      />
      <fieldset id="referrals" className={`field checkboxes${error ? ' has-error' : ''}`}>
        <legend>{t('call.referrals')}</legend>
        {error && <p className="field-error">{error}</p>}
        {referrals.map((referral) => (
          <CheckboxField
            key={referral}
            id={`referral-${referral}`}
            label={t(`referral.${referral}`)}
            checked={draft.referrals.includes(referral)}
            onChange={(on) => toggle(referral, on)}
          />
        ))}
      </fieldset>
      <TextField
        id="referralNote"
        label={t('call.referral-note')}
        hint={t('call.referral-note-hint')}
        value={draft.referralNote}
        onChange={(referralNote) => change({ referralNote })}
      />
    </fieldset>
  );
}
