import type { MessageKey, useI18n } from '../../i18n/index.js';

type Translate = ReturnType<typeof useI18n>['t'];

/** The names of the assessment's fields a second analyst disagreed on, in the reader's language. */
export function fieldList(t: Translate, fields: readonly string[]): string {
  return fields.map((field) => t(`analyst.field.${field}` as MessageKey)).join(', ');
}

/** A user as the console may name them: "you", or a short form of the id (names are the administrators'). */
export function whoLabel(t: Translate, userId: string | null, me: string): string {
  if (userId === null) return t('analyst.who.system');
  return userId === me ? t('analyst.who.you') : t('analyst.who.colleague', { id: userId.slice(0, 8) });
}
