import { useCallback, useState } from 'react';
import { usePublicI18n } from '../../i18n/index.js';
import { isProblem } from '../api.js';
import { errorsOfProblem, withoutError } from './problem-errors.js';

export { flatIds } from './problem-errors.js';

/**
 * The errors of one form: a server's problem becomes a message beside each input it names
 * (`idOf` turns the JSON pointer into the input's id), the rest a general message.
 */
export function useProblemErrors(idOf: (pointer: string) => string | undefined) {
  const { t } = usePublicI18n();
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [general, setGeneral] = useState<string[]>([]);
  const fail = useCallback(
    (failure: unknown) => {
      if (isProblem(failure)) {
        const found = errorsOfProblem(failure, idOf);
        setErrors(found.errors);
        setGeneral(found.general);
      } else {
        setErrors(new Map());
        setGeneral([t('common.network-error')]);
      }
    },
    [idOf, t],
  );
  const clear = useCallback(() => {
    setErrors(new Map());
    setGeneral([]);
  }, []);
  const changed = useCallback((id: string) => setErrors((current) => withoutError(current, id)), []);
  /** An error found before asking the server (a choice left empty). */
  const invalid = useCallback((id: string, message: string) => setErrors(new Map([[id, message]])), []);
  return { errors, general, fail, clear, changed, invalid };
}
