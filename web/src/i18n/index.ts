export { I18nProvider } from './context.js';
export { useI18n, usePublicI18n } from './use-i18n.js';
export { languages, type Language } from './language.js';
export type { MessageKey } from './en.js';
export type { PublicKey } from './en-public.js';
