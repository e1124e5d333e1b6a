import { useI18n } from '../../i18n/index.js';
import { RadioGroup } from '../../shared/form/RadioGroup.js';
import { TextField } from '../../shared/form/TextField.js';
import { callerTypes, type CallerType } from '../../report/vocabulary.js';
import type { CallDraft } from './call-model.js';

interface Props {
  draft: CallDraft;
  change(patch: Partial<CallDraft>): void;
}

/** Who is calling: the first thing the operator sets. */
export function CallerField({ draft, change }: Props) {
  const { t } = useI18n();
  const options = callerTypes.map((type) => ({ value: type, label: t(`caller.${type}`) }));
  return (
    <RadioGroup
      id="callerType"
      legend={t('call.caller-type')}
      options={options}
      value={draft.callerType}
      onChange={(value) => change({ callerType: value as CallerType })}
    />
  );
}

/**
 * When the call started (set when the form opened) and ended (set when it is recorded):
 * last in the form, as the operator rarely needs to correct them.
 */
export function CallTimes({ draft, change }: Props) {
  const { t } = useI18n();
  return (
    <fieldset className="group">
      <legend>{t('call.times')}</legend>
      <div className="inline">
        <TextField
          id="startedAt"
          label={t('call.started-at')}
          type="datetime-local"
          value={draft.startedAt}
          onChange={(startedAt) => change({ startedAt })}
        />
        <TextField
          id="endedAt"
          label={t('call.ended-at')}
          hint={t('call.ended-at-hint')}
          type="datetime-local"
          value={draft.endedAt}
          onChange={(endedAt) => change({ endedAt })}
        />
      </div>
    </fieldset>
  );
}
