import { usePublicI18n, type PublicKey } from '../../i18n/index.js';
import type { PortalDraft, Step } from '../model.js';

interface ReviewProps {
  draft: PortalDraft;
  goTo(step: Step): void;
}

const filled = (values: readonly string[]) => values.filter((value) => value.trim() !== '').length;

/** What will be sent, step by step, each with a way back to change it. */
export function ReviewStep({ draft, goTo }: ReviewProps) {
  const { t } = usePublicI18n();
  const none = t('portal.review-none');
  const rows: { step: Step; label: string; value: string }[] = [
    { step: 'what', label: t('report.urgent'), value: draft.urgent ? t('common.yes') : t('common.no') },
    { step: 'what', label: t('report.category'), value: draft.category ? t(`category.${draft.category}` as PublicKey) : none },
    { step: 'what', label: t('report.narrative'), value: draft.narrative.trim() || none },
    { step: 'what', label: t('report.media'), value: draft.media.length > 0 ? draft.media.map((m) => m.fileName).join(', ') : none },
    {
      step: 'where',
      label: t('report.urls'),
      value:
        draft.urls
          .map((u) => u.url.trim())
          .filter(Boolean)
          .join(', ') || none,
    },
    { step: 'where', label: t('report.places'), value: String(draft.places.filter((p) => p.country || p.city).length) },
    { step: 'who', label: t('report.children'), value: String(draft.children.length) },
    { step: 'who', label: t('report.person'), value: filled(Object.values(draft.person)) > 0 ? t('common.yes') : none },
    { step: 'who', label: t('report.identifiers'), value: String(draft.identifiers.length) },
    {
      step: 'about',
      label: t('portal.review-contact'),
      value: draft.reporter.consent ? t('portal.review-contact-yes') : t('portal.review-anonymous'),
    },
  ];
  return (
    <>
      <dl className="review">
        {rows.map((row) => (
          <div key={row.label} className="review-row">
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
            <dd>
              <button type="button" className="link-button" onClick={() => goTo(row.step)}>
                {t('portal.review-change', { what: row.label })}
              </button>
            </dd>
          </div>
        ))}
      </dl>
      <p className="notice">{t('portal.review-proof-of-work')}</p>
    </>
  );
}
