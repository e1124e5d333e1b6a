import { useEffect, useRef, useState } from 'react';
import { usePublicI18n } from '../i18n/index.js';

export interface PublicReceipt {
  receiptCode: string;
  receivedAt: string;
}

/** The receipt code, shown this once: Vigie keeps only its hash and cannot show it again. */
export function Receipt({ receipt, onFollow, onRestart }: { receipt: PublicReceipt; onFollow(): void; onRestart(): void }) {
  const { t } = usePublicI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="receipt" aria-labelledby="receipt-title">
      <h2 id="receipt-title" ref={heading} tabIndex={-1}>
        {t('receipt.title')}
      </h2>
      <p>{t('receipt.thanks')}</p>
      <p>{t('receipt.code-label')}</p>
      <p className="receipt-code" data-testid="receipt-code">
        {receipt.receiptCode}
      </p>
      <p className="notice strong">{t('receipt.note-it')}</p>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(receipt.receiptCode).then(() => setCopied(true));
          }}
        >
          {t('receipt.copy')}
        </button>
        <button type="button" className="primary" onClick={onFollow}>
          {t('receipt.follow')}
        </button>
        <button type="button" className="link-button" onClick={onRestart}>
          {t('receipt.another')}
        </button>
      </div>
      <p role="status">{copied ? t('receipt.copied') : ''}</p>
    </section>
  );
}
