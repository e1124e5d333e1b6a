import { useState } from 'react';
import { useI18n } from '../../i18n/index.js';

/**
 * A quarantined file, shown as hotlines protect their analysts: blurred and in greyscale
 * until the analyst reveals this one image (a button, so the keyboard reaches it), a video
 * muted and without autoplay. The server answers the bytes with `no-store`, and each read is
 * audited (`report.view-media`).
 */
export function QuarantinedMedia({
  reportId,
  itemId,
  mediaType,
  index,
}: {
  reportId: string;
  itemId: string;
  mediaType: string | null;
  index: number;
}) {
  const { t } = useI18n();
  const [revealed, setRevealed] = useState(false);
  const source = `/api/reports/${encodeURIComponent(reportId)}/media/${encodeURIComponent(itemId)}/content`;
  const label = t('analyst.media.item', { n: index + 1 });
  const className = revealed ? 'quarantined revealed' : 'quarantined';
  return (
    <figure className="quarantine">
      {mediaType?.startsWith('video/') ? (
        <video
          className={className}
          src={source}
          muted
          preload="metadata"
          controls={revealed}
          aria-label={label}
          data-testid={`media-${index + 1}`}
        />
      ) : (
        <img className={className} src={source} alt={label} referrerPolicy="no-referrer" data-testid={`media-${index + 1}`} />
      )}
      <figcaption>
        <button type="button" className="secondary" aria-pressed={revealed} onClick={() => setRevealed(!revealed)}>
          {t('analyst.media.reveal', { n: index + 1 })}
        </button>
      </figcaption>
    </figure>
  );
}
