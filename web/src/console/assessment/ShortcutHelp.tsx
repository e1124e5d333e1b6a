import { useI18n } from '../../i18n/index.js';
import { useModalDialog } from '../../shared/use-modal-dialog.js';

export interface ShortcutLine {
  keys: readonly string[];
  does: string;
}

/** The list of the page's keys, in a modal dialog that `?` opens and Escape closes (the browser's own <dialog>). */
export function ShortcutHelp({ open, lines, onClose }: { open: boolean; lines: readonly ShortcutLine[]; onClose(): void }) {
  const { t } = useI18n();
  const ref = useModalDialog(open);
  return (
    <dialog ref={ref} aria-labelledby="shortcuts-title" className="shortcuts" onClose={onClose}>
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
      <button type="button" className="secondary" onClick={onClose} autoFocus>
        {t('analyst.keys.close')}
      </button>
    </dialog>
  );
}
