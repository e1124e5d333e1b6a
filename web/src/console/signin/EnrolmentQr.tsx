import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/index.js';
import type { Enrolment } from './SecondFactor.js';

/** The authenticator's setup as a QR code (drawn in the page, never sent elsewhere) and as text. */
export function EnrolmentQr({ enrolment }: { enrolment: Enrolment }) {
  const { t } = useI18n();
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(enrolment.uri, { errorCorrectionLevel: 'M', margin: 2, width: 224 }).then(
      (url) => live && setImage(url),
      () => live && setImage(null),
    );
    return () => {
      live = false;
    };
  }, [enrolment.uri]);
  const grouped = enrolment.secret.replace(/(.{4})/g, '$1 ').trim();
  return (
    <section className="enrolment" aria-labelledby="enrolment-title">
      <h2 id="enrolment-title">{t('signin.enrol-scan')}</h2>
      <p>{t('signin.enrol-intro')}</p>
      {image && <img src={image} width={224} height={224} alt={t('signin.enrol-qr-alt')} />}
      <p>{t('signin.enrol-manual')}</p>
      <p className="secret" data-testid="totp-secret">
        <code>{grouped}</code>
      </p>
    </section>
  );
}
