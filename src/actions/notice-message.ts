import type { MailMessage } from '../platform/mail/index.js';
import { renderNotice, type NoticeLanguage, type NoticeSender } from './notice-templates.js';

/**
 * One notice in every language of the deployment, in one message: the subjects joined by
 * ` / `, each body after the other (a line between texts, a rule between HTML bodies), so
 * that a host reads it in whichever it reads.
 */
export function composeNotice(
  languages: readonly NoticeLanguage[],
  sender: NoticeSender,
  content: { to: readonly string[]; urls: readonly string[]; reference: string; references: readonly string[] },
): MailMessage {
  const rendered = languages.map((language) =>
    renderNotice(language, sender, { urls: content.urls, reference: content.reference, references: content.references }),
  );
  const first = rendered[0];
  if (!first) throw new Error('A notice needs at least one language');
  return {
    to: [...content.to],
    subject: rendered.map((part) => part.subject).join(' / '),
    text: rendered.map((part) => part.text).join('\n----------------------------------------\n\n'),
    html: rendered.map((part) => part.html ?? '').join('\n<hr>\n'),
    headers: { ...first.headers, 'Content-Language': languages.join(', ') },
  };
}
