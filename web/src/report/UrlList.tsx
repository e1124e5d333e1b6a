import { usePublicI18n } from '../i18n/index.js';
import { TextField } from '../shared/form/TextField.js';
import { emptyUrl, type UrlDraft } from './draft.js';
import { useList } from './use-list.js';

export function UrlList({ urls, onChange }: { urls: readonly UrlDraft[]; onChange(urls: UrlDraft[]): void }) {
  const { t } = usePublicI18n();
  const list = useList(urls, onChange, emptyUrl);
  return (
    <fieldset className="group" id="urls">
      <legend>{t('report.urls')}</legend>
      <p className="hint">{t('report.urls-hint')}</p>
      {urls.map((row, index) => (
        <div className="row" key={row.key}>
          <TextField
            id={`url-${row.key}`}
            label={t('report.url-n', { n: index + 1 })}
            type="url"
            inputMode="url"
            value={row.url}
            autoFocus={list.added === row.key}
            onChange={(url) => list.update(row.key, { url })}
          />
          <button type="button" className="link-button" onClick={() => list.remove(row.key)}>
            {t('common.remove-n', { what: t('report.url-n', { n: index + 1 }) })}
          </button>
        </div>
      ))}
      <button type="button" className="secondary" data-add="url" onClick={list.add}>
        {t('report.add-url')}
      </button>
    </fieldset>
  );
}
