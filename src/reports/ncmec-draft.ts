import { fieldProblem, type FieldProblem } from '../platform/http/index.js';
import { limits } from './report-v1.js';
import { textPattern } from './vocabulary.js';
import type { XmlElement } from './xml-document.js';

/** Reading the tree: the first or every child of a name, a leaf's text. */
export const first = (element: XmlElement | undefined, name: string) => element?.children.find((child) => child.name === name);
export const every = (element: XmlElement | undefined, name: string) => element?.children.filter((child) => child.name === name) ?? [];
export const textOf = (element: XmlElement | undefined): string | undefined => {
  const text = element?.text.trim();
  return text === undefined || text === '' ? undefined : text;
};

const allowedText = new RegExp(textPattern, 'u');

type Lists = 'urls' | 'media' | 'onlineIdentifiers' | 'places' | 'children' | 'reportedPersons';

/**
 * A report-content document being built from XML, with the XML path every member came
 * from, so that a problem found later in a member is reported at the element that held it.
 * What has no field of its own in the format goes, labelled, into the narrative (sealed).
 */
export class Draft {
  readonly content: Record<string, unknown> = {};
  readonly problems: FieldProblem[] = [];
  readonly #origins = new Map<string, string>();
  readonly #narrative: { line: string; path: string }[] = [];

  /** Sets a member of the content, remembering the element it came from (and its members', `inner`). */
  set(pointer: `/${string}`, value: unknown, path: string, inner: Record<string, string | undefined> = {}): void {
    this.content[pointer.slice(1)] = value;
    this.#origins.set(pointer, path);
    for (const [member, origin] of Object.entries(inner)) if (origin !== undefined) this.#origins.set(`${pointer}${member}`, origin);
  }

  /** Appends to one of the content's lists; `inner` maps members of the value (`/age`) to their elements. */
  push(list: Lists, value: unknown, path: string, inner: Record<string, string | undefined> = {}): void {
    const items = (this.content[list] ??= []) as unknown[];
    const pointer = `/${list}/${items.length}`;
    items.push(value);
    // The list as a whole is named by its first element's name, without a position.
    if (!this.#origins.has(`/${list}`)) this.#origins.set(`/${list}`, path.replace(/\[[0-9]+\]$/, ''));
    this.#origins.set(pointer, path);
    for (const [member, origin] of Object.entries(inner)) if (origin !== undefined) this.#origins.set(`${pointer}${member}`, origin);
  }

  /** A line of the narrative from an element (checked here, where the element is known: the narrative is composed). */
  line(element: XmlElement, line: string): void {
    if (!allowedText.test(line)) this.problems.push(fieldProblem(element.path, 'format'));
    else this.#narrative.push({ line, path: element.path });
  }

  /** A labelled line of the narrative, from a leaf's text. */
  note(label: string, element: XmlElement | undefined): void {
    const value = textOf(element);
    if (value !== undefined && element !== undefined) this.line(element, `${label}: ${value}`);
  }

  /** Joins the narrative's lines; the element whose line passes the cap is named. */
  finish(): void {
    let length = 0;
    const lines: string[] = [];
    for (const { line, path } of this.#narrative) {
      length += line.length + (lines.length > 0 ? 2 : 0);
      if (length > limits.narrative) {
        this.problems.push(fieldProblem(path, 'too-long'));
        return;
      }
      lines.push(line);
    }
    if (lines.length > 0) this.set('/narrative', lines.join('\n\n'), this.#narrative[0]!.path);
  }

  /** The element a problem at this pointer of the content is about: the nearest member with a known origin. */
  originOf(pointer: string, fallback: string): string {
    for (let at = pointer; at !== ''; at = at.slice(0, at.lastIndexOf('/'))) {
      const origin = this.#origins.get(at);
      if (origin !== undefined) return origin;
    }
    return fallback;
  }
}

/** A telephone number in E.164 if it can be made one: `+` and digits, or a national number with its country calling code. */
export function phoneOf(element: XmlElement | undefined): string | undefined {
  const raw = textOf(element);
  if (raw === undefined) return undefined;
  const compact = raw.replace(/[\s().-]/g, '');
  if (compact.startsWith('+')) return compact;
  const code = element?.attributes.countryCallingCode?.replace(/[^0-9]/g, '');
  return code ? `+${code}${compact.replace(/^0/, '')}` : compact;
}

/** Whole numbers stay numbers; anything else is left as text for the schema to refuse, at its element. */
export function numberOf(element: XmlElement | undefined): number | string | undefined {
  const raw = textOf(element);
  if (raw === undefined) return undefined;
  return /^[0-9]{1,3}$/.test(raw) ? Number(raw) : raw;
}
