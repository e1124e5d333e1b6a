import { useI18n } from '../../i18n/index.js';
import { RadioGroup } from '../../shared/form/RadioGroup.js';
import { TextField } from '../../shared/form/TextField.js';
import { callerTypes, type CallerType } from '../../report/vocabulary.js';
import type { CallDraft } from './call-model.js';

interface Props {
  draft: CallDraft;
  change(patch: Partial<CallDraft>): void;
}

/** Who called and when: the first thing the operator sets, the caller type taking the focus. */
export function CallDetails({ draft, change }: Props) {
  const { t } = useI18n();
  const options = callerTypes.map((type) => ({ value: type, label: t(`caller.${type}`) }));
  return (
    <fieldset className="group">
      <legend>{t('call.details')}</legend>
      <RadioGroup
        id="callerType"
        legend={t('call.caller-type')}
        options={options}
        value={draft.callerType}
        autoFocus
        onChange={(value) => change({ callerType: value as CallerType })}
      />
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
