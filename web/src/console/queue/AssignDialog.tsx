import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/index.js';
import { ErrorSummary } from '../../shared/form/ErrorSummary.js';
import { FieldErrorsContext } from '../../shared/form/errors.js';
import { SelectField } from '../../shared/form/SelectField.js';
import { useProblemErrors } from '../../shared/form/use-problem-errors.js';
import { useModalDialog } from '../../shared/use-modal-dialog.js';
import { useStaffApi } from '../use-staff-api.js';
import { claimPath } from './claims.js';
import type { Assignee, Claim } from './types.js';

const selectId = 'assign-userId';
const idOfPointer = (pointer: string) => (pointer.replace(/^#?\//, '') === 'userId' ? selectId : undefined);

/** A report's short reference, as the console names a report in a sentence. */
export const referenceOf = (reportId: string) => reportId.slice(0, 8);

export interface AssignTarget {
  reportId: string;
  claim: Claim | null;
}

/**
 * A supervisor hands a report's claim to an analyst of the organisation (PUT
 * /api/triage/reports/:id/claim): a modal <dialog> (the browser's own: Escape closes it and
 * focus goes back to the button that opened it). The server's refusal — someone who may
 * not take the report at its stage — is shown beside the choice, as the other forms do.
 */
export function AssignDialog({
  target,
  assignees,
  onClose,
  onAssigned,
}: {
  target: AssignTarget | null;
  assignees: readonly Assignee[] | null;
  onClose(): void;
  onAssigned(message: string): void;
}) {
  const { t } = useI18n();
  const api = useStaffApi();
  const ref = useModalDialog(target !== null);
  const [chosen, setChosen] = useState('');
  const { errors, general, fail, clear, changed, invalid } = useProblemErrors(idOfPointer);
  const [sending, setSending] = useState(false);

  function close() {
    setChosen('');
    clear();
    onClose();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!target || sending) return;
    clear();
    if (!chosen) {
      invalid(selectId, t('analyst.assign.choose-first'));
      return;
    }
    setSending(true);
    try {
      await api<unknown>(claimPath(target.reportId), { method: 'PUT', body: { userId: chosen } });
      const name = assignees?.find((assignee) => assignee.id === chosen)?.name ?? '';
      onAssigned(t('analyst.assign.done', { ref: referenceOf(target.reportId), name }));
      close();
    } catch (failure) {
      fail(failure);
    } finally {
      setSending(false);
    }
  }

  const options = (assignees ?? []).map((assignee) => ({
    value: assignee.id,
    label: assignee.mayResolve ? t('analyst.assign.senior', { name: assignee.name }) : assignee.name,
  }));
  return (
    <dialog ref={ref} aria-labelledby="assign-title" className="shortcuts assign" onClose={close}>
      {target && (
        <FieldErrorsContext.Provider value={errors}>
          <form onSubmit={(event) => void submit(event)} noValidate>
            <h2 id="assign-title">{t('analyst.assign.title', { ref: referenceOf(target.reportId) })}</h2>
            <p>{target.claim ? t('analyst.assign.held') : t('analyst.assign.free')}</p>
            <ErrorSummary title={t('common.error-summary')} errors={errors} general={general} />
            {assignees === null ? (
              <p role="status">{t('analyst.assign.loading')}</p>
            ) : (
              <SelectField
                id={selectId}
                label={t('analyst.assign.to')}
                hint={t('analyst.assign.hint')}
                value={chosen}
                options={options}
                placeholder={t('analyst.assign.choose')}
                required
                autoFocus
                onChange={(value) => {
                  setChosen(value);
                  changed(selectId);
                }}
              />
            )}
            <div className="row-actions">
              <button type="submit" className="primary" disabled={assignees === null || sending}>
                {t('analyst.assign.submit')}
              </button>
              <button type="button" className="secondary" onClick={close}>
                {t('analyst.assign.cancel')}
              </button>
            </div>
          </form>
        </FieldErrorsContext.Provider>
      )}
    </dialog>
  );
}
