import { usePublicI18n } from '../i18n/index.js';

/** Always in the same place at the top, reachable first by keyboard; Escape twice does the same. */
export function QuickExit({ onExit }: { onExit(): void }) {
  const { t } = usePublicI18n();
  return (
    <button type="button" className="quick-exit" onClick={onExit} aria-describedby="quick-exit-hint">
      {t('portal.quick-exit')}
      <span id="quick-exit-hint" className="quick-exit-hint">
        {t('portal.quick-exit-hint')}
      </span>
    </button>
  );
}
