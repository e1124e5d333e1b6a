import { usePublicI18n } from '../../i18n/index.js';
import { CategoryField } from '../../report/CategoryField.js';
import { MediaField } from '../../report/MediaField.js';
import { UrgencyField } from '../../report/UrgencyField.js';
import { TextField } from '../../shared/form/TextField.js';
import type { StepProps } from './step-props.js';

export function WhatStep({ draft, change, settings }: StepProps) {
  const { t } = usePublicI18n();
  return (
    <>
      <UrgencyField urgent={draft.urgent} onChange={(urgent) => change({ urgent })} />
      <CategoryField categories={settings.categories} value={draft.category} onChange={(category) => change({ category })} />
      <TextField
        id="narrative"
        label={t('report.narrative')}
        hint={t('portal.narrative-hint')}
        multiline
        maxLength={20000}
        value={draft.narrative}
        onChange={(narrative) => change({ narrative })}
      />
      <TextField
        id="occurredAt"
        label={t('report.occurred-at')}
        hint={t('report.occurred-at-hint')}
        type="date"
        value={draft.occurredAt}
        onChange={(occurredAt) => change({ occurredAt })}
      />
      {settings.uploadsAccepted && <MediaField media={draft.media} onChange={(media) => change({ media })} />}
    </>
  );
}
