export { createMailer, MailError, type Mailer, type MailerOptions, type MailMessage, type OutgoingMail, type SentMail } from './mailer.js';
export { mailSettingsFrom, addressOf, startTlsPolicies, type MailSettings, type StartTlsPolicy } from './settings.js';
export {
  renderTemplate,
  escapeHtml,
  placeholdersOf,
  TemplateError,
  type MailTemplate,
  type RenderedMail,
  type TemplateValues,
} from './templates.js';
export {
  createMailOutbox,
  defineMailJobs,
  type MailOutbox,
  type MailOutboxDeps,
  type MailJobOptions,
  type MailSealer,
  type MailLogger,
  type QueueMail,
  type QueuedMail,
  type SettledListener,
} from './outbox.js';
export type { MailStatus } from './outbox-store.js';
export { mailMigrations } from './migrations.js';
export { mailSealedColumns, sendMailJob, type SendMailData } from './model.js';
