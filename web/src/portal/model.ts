import type { PublicKey } from '../i18n/index.js';
import type { ReportContent } from '../report/content.js';
import { emptyReportDraft, type ReportDraft } from '../report/draft.js';
import * as n from '../report/normalise.js';
import { reportContentOf, type FieldMap } from '../report/to-content.js';

export const steps = ['what', 'where', 'who', 'about', 'review'] as const;
export type Step = (typeof steps)[number];

export interface ReporterDraft {
  role: string;
  consent: boolean;
  name: string;
  email: string;
  phone: string;
}

/** Everything the portal's form holds, in memory only: nothing is written to the browser's storage. */
export interface PortalDraft extends ReportDraft {
  reporter: ReporterDraft;
}

export function emptyPortalDraft(): PortalDraft {
  return { ...emptyReportDraft(), reporter: { role: '', consent: false, name: '', email: '', phone: '' } };
}

/** The step that holds the part of the report a pointer names. */
export function stepOfPointer(pointer: string): Step {
  const member = pointer.replace(/^#?\//, '').split('/')[0] ?? '';
  if (['urls', 'places'].includes(member)) return 'where';
  if (['children', 'reportedPersons', 'onlineIdentifiers'].includes(member)) return 'who';
  if (member === 'reporter') return 'about';
  if (['category', 'childInImmediateDanger', 'narrative', 'occurredAt', 'media'].includes(member)) return 'what';
  return 'review';
}

/** The report as the portal sends it: anonymous unless the person agreed to be contacted. */
export function portalContentOf(draft: PortalDraft, language: string): { content: ReportContent; fields: FieldMap } {
  const { content, fields } = reportContentOf(draft, language);
  const { reporter } = draft;
  const contact = reporter.consent
    ? n.defined({ name: n.text(reporter.name), email: n.email(reporter.email), phone: n.phone(reporter.phone), language })
    : {};
  const withContact = Object.keys(contact).length > 1; // more than the language alone
  const role = reporter.role || undefined;
  if (role || withContact) {
    content.reporter = n.defined({ role, contact: withContact ? contact : undefined, consentToContact: withContact ? true : undefined });
  }
  for (const [pointer, id] of [
    ['/reporter', 'reporter-role'],
    ['/reporter/role', 'reporter-role'],
    ['/reporter/consentToContact', 'reporter-consent'],
    ['/reporter/contact', 'reporter-consent'],
    ['/reporter/contact/name', 'reporter-name'],
    ['/reporter/contact/email', 'reporter-email'],
    ['/reporter/contact/phone', 'reporter-phone'],
  ] as const) {
    fields.set(pointer, id);
  }
  content.submittedAt = new Date().toISOString();
  return { content, fields };
}

/** What the page can tell before sending: what must be chosen, and contact details the person meant to give. */
export function localErrors(step: Step, draft: PortalDraft, t: (key: PublicKey) => string): Map<string, string> {
  const errors = new Map<string, string>();
  if ((step === 'what' || step === 'review') && draft.category === '') errors.set('category', t('portal.error-category'));
  if ((step === 'about' || step === 'review') && draft.reporter.consent) {
    const { email, phone } = draft.reporter;
    if (!n.text(email) && !n.text(phone)) errors.set('reporter-email', t('portal.error-contact'));
  }
  return errors;
}
