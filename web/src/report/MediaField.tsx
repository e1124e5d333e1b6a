import { useState } from 'react';
import { usePublicI18n } from '../i18n/index.js';
import { solvedChallengeHeaders } from '../pow/solve.js';
import { isProblem, request } from '../shared/api.js';
import { FieldMessages } from '../shared/form/FieldMessages.js';
import { useFieldError } from '../shared/form/errors.js';
import { newKey, type MediaDraft } from './draft.js';

interface Uploaded {
  uploadId: string;
  mediaType: string;
  size: number;
}

/**
 * Pictures attached to a report: each file goes to POST /api/public/media as soon as it is
 * chosen (the server keeps its hashes and, by default, discards it); the report then names
 * the upload. The file itself never stays in the page.
 */
export function MediaField({ media, onChange }: { media: readonly MediaDraft[]; onChange(media: MediaDraft[]): void }) {
  const { t, language } = usePublicI18n();
  const [busy, setBusy] = useState(false);
  const [uploadError, setUploadError] = useState<string | undefined>();
  const error = useFieldError('media') ?? uploadError;

  async function upload(files: FileList | null) {
    if (!files || files.length === 0) return;
    setBusy(true);
    setUploadError(undefined);
    const added: MediaDraft[] = [];
    try {
      for (const file of Array.from(files)) {
        const form = new FormData();
        form.append('file', file, file.name);
        const headers = await solvedChallengeHeaders(language);
        const answer = await request<Uploaded>('/api/public/media', { method: 'POST', form, headers, language });
        added.push({ key: newKey(), uploadId: answer.uploadId, fileName: file.name, size: answer.size });
      }
    } catch (failure) {
      setUploadError(isProblem(failure) ? (failure.errors[0]?.detail ?? failure.detail ?? failure.title) : t('common.network-error'));
    } finally {
      setBusy(false);
      onChange([...media, ...added]);
    }
  }

  return (
    <div className={`field${error ? ' has-error' : ''}`} id="media-field">
      <label htmlFor="media">{t('report.media')}</label>
      <FieldMessages id="media" hint={t('report.media-hint')} error={error} />
      <input
        id="media"
        type="file"
        accept="image/jpeg,image/png,image/gif,image/webp"
        multiple
        disabled={busy}
        aria-describedby={`media-hint${error ? ' media-error' : ''}`}
        onChange={(event) => {
          void upload(event.target.files);
          event.target.value = '';
        }}
      />
      {busy && <p role="status">{t('report.media-uploading')}</p>}
      {media.length > 0 && (
        <ul className="attached" aria-label={t('report.media-attached')}>
          {media.map((item) => (
            <li key={item.key} id={`media-${item.key}`}>
              <span>{t('report.media-item', { name: item.fileName, size: Math.max(1, Math.round(item.size / 1024)) })}</span>
              <button type="button" className="link-button" onClick={() => onChange(media.filter((m) => m.key !== item.key))}>
                {t('common.remove-n', { what: item.fileName })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
