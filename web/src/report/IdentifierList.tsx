import { usePublicI18n } from '../i18n/index.js';
import { TextField } from '../shared/form/TextField.js';
import { emptyIdentifier, type IdentifierDraft } from './draft.js';
import { useList } from './use-list.js';

export function IdentifierList({
  identifiers,
  onChange,
}: {
  identifiers: readonly IdentifierDraft[];
  onChange(rows: IdentifierDraft[]): void;
}) {
  const { t } = usePublicI18n();
  const list = useList(identifiers, onChange, emptyIdentifier);
  return (
    <fieldset className="group" id="identifiers">
      <legend>{t('report.identifiers')}</legend>
      <p className="hint">{t('report.identifiers-hint')}</p>
      {identifiers.map((row, index) => {
        const id = `identifier-${row.key}`;
        const set = (patch: Partial<IdentifierDraft>) => list.update(row.key, patch);
        return (
          <fieldset className="item" id={id} key={row.key}>
            <legend>{t('report.identifier-n', { n: index + 1 })}</legend>
            <TextField
              id={`${id}-platform`}
              label={t('report.platform')}
              hint={t('report.platform-hint')}
              value={row.platform}
              autoFocus={list.added === row.key}
              onChange={(platform) => set({ platform })}
            />
            <TextField id={`${id}-username`} label={t('report.username')} value={row.username} onChange={(username) => set({ username })} />
            <TextField id={`${id}-email`} label={t('report.email')} type="email" value={row.email} onChange={(email) => set({ email })} />
            <TextField
              id={`${id}-phone`}
              label={t('report.phone')}
              hint={t('report.phone-hint')}
              type="tel"
              value={row.phone}
              onChange={(phone) => set({ phone })}
            />
            <TextField
              id={`${id}-profileUrl`}
              label={t('report.profile-url')}
              type="url"
              value={row.profileUrl}
              onChange={(profileUrl) => set({ profileUrl })}
            />
            <button type="button" className="link-button" onClick={() => list.remove(row.key)}>
              {t('common.remove-n', { what: t('report.identifier-n', { n: index + 1 }) })}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="secondary" data-add="identifier" onClick={list.add}>
        {t('report.add-identifier')}
      </button>
    </fieldset>
  );
}
