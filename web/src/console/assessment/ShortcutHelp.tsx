import { useCallback, useRef, type RefObject } from 'react';
import { useI18n } from '../../i18n/index.js';

export interface ShortcutLine {
  keys: readonly string[];
  does: string;
}

/**
 * Opens the shortcuts' help and says whether it is open (the form's keys wait while it is).
 * The page's <dialog> is the only record: Escape closes it at once, before React could hear
 * of it, and a state kept beside it would trail (a key typed right after Escape was lost, and
 * a `?` found the help "already open" and showed nothing).
 */
export function useShortcutHelp() {
  const dialog = useRef<HTMLDialogElement>(null);
  const isOpen = useCallback(() => dialog.current?.open === true, []);
  const show = useCallback(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);
  return { dialog, isOpen, show };
}

/** The list of the page's keys, in a modal dialog that `?` opens and Escape closes (the browser's own <dialog>). */
export function ShortcutHelp({ dialog, lines }: { dialog: RefObject<HTMLDialogElement | null>; lines: readonly ShortcutLine[] }) {
  const { t } = useI18n();
  return (
    <dialog ref={dialog} aria-labelledby="shortcuts-title" className="shortcuts">
      <h2 id="shortcuts-title">{t('analyst.keys.title')}</h2>
      <table className="reports">
        <caption className="visually-hidden">{t('analyst.keys.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('analyst.keys.key')}</th>
            <th scope="col">{t('analyst.keys.does')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.does}>
              <td>
                {line.keys.map((key, index) => (
                  <span key={key}>
                    {index > 0 && ' '}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </td>
              <td>{line.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
        {t('analyst.keys.close')}
      </button>
    </dialog>
  );
}
