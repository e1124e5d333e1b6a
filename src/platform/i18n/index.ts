export { translate, negotiateLanguage, languages, type Language } from './translate.js';
export type { MessageKey } from './messages.en.js';
