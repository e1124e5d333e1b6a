/**
 * Mail templates: a subject, a text body and, optionally, an HTML body, with placeholders
 * `{{name}}`. A value is a string or a list of strings (one per line in the text, joined by
 * commas in the subject). In the HTML body every value is escaped; in the subject, line
 * breaks become spaces, so a value can never add a header.
 */
export interface MailTemplate {
  subject: string;
  text: string;
  html?: string;
}

export type TemplateValues = Readonly<Record<string, string | readonly string[]>>;

export interface RenderedMail {
  subject: string;
  text: string;
  html?: string;
}

export class TemplateError extends Error {
  constructor(readonly placeholder: string) {
    super(`The template needs a value for {{${placeholder}}}`);
    this.name = 'TemplateError';
  }
}

const placeholder = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => htmlEscapes[character]!);
}

/** Every placeholder a template names, in any of its parts. */
export function placeholdersOf(template: MailTemplate): string[] {
  const names = new Set<string>();
  for (const part of [template.subject, template.text, template.html ?? '']) {
    for (const match of part.matchAll(placeholder)) names.add(match[1]!);
  }
  return [...names];
}

function fill(part: string, values: TemplateValues, format: (value: string | readonly string[]) => string): string {
  return part.replace(placeholder, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new TemplateError(name);
    return format(value);
  });
}

const oneLine = (text: string) => text.replace(/[\r\n\t]+/g, ' ');

/** Fills a template; throws a TemplateError when a placeholder has no value. */
export function renderTemplate(template: MailTemplate, values: TemplateValues): RenderedMail {
  const subject = fill(template.subject, values, (value) => oneLine(typeof value === 'string' ? value : value.join(', ')));
  const text = fill(template.text, values, (value) => (typeof value === 'string' ? value : value.join('\n')));
  if (template.html === undefined) return { subject, text };
  const html = fill(template.html, values, (value) =>
    typeof value === 'string' ? escapeHtml(value).replace(/\r?\n/g, '<br>\n') : value.map(escapeHtml).join('<br>\n'),
  );
  return { subject, text, html };
}
