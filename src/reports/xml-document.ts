import { SaxesParser } from 'saxes';
import { Problem, type FieldCode } from '../platform/http/index.js';
import type { MessageKey } from '../platform/i18n/index.js';

/**
 * Partners' XML, read safely into a small tree. The document must be UTF-8; a document type
 * declaration (and with it every entity definition: external entities, "billion laughs") is
 * refused outright, never read; only XML's five predefined entities and character
 * references are understood. Depth, element count and attribute count are capped, so the
 * tree costs at most a small multiple of the body, which the route caps too.
 */
export interface XmlElement {
  /** Local name (a namespace prefix is dropped). */
  name: string;
  /** Where it is: `/report/internetDetails/webPageIncident/url`, with `[n]` (from 1) on repeated names. */
  path: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Its own text and CDATA, not its children's. */
  text: string;
}

export const xmlLimits = { depth: 24, elements: 20_000, attributesPerElement: 16 } as const;

const wholeDocument = (code: FieldCode, detail: MessageKey) =>
  new Problem('bad-request', { detail, fields: [{ in: 'body', pointer: '', code }] });

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** Decodes the body as UTF-8, refusing any invalid sequence (the default would replace it silently). */
function utf8(body: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(body);
  } catch {
    throw wholeDocument('format', 'detail.body-not-utf8');
  }
}

/** Gives repeated sibling names their position, so that a path names one element. */
function numberSiblings(element: XmlElement): void {
  const counts = new Map<string, number>();
  for (const child of element.children) counts.set(child.name, (counts.get(child.name) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const child of element.children) {
    const position = (seen.get(child.name) ?? 0) + 1;
    seen.set(child.name, position);
    child.path = `${element.path}/${child.name}${(counts.get(child.name) ?? 0) > 1 ? `[${position}]` : ''}`;
    numberSiblings(child);
  }
}

export function parseXml(body: Buffer): XmlElement {
  const text = utf8(body);
  const parser = new SaxesParser({ position: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let elements = 0;
  let refusal: Problem | null = null;
  const refuse = (problem: Problem) => {
    refusal ??= problem;
    throw problem;
  };

  parser.on('xmldecl', (decl) => {
    if (decl.encoding !== undefined && !/^utf-?8$/i.test(decl.encoding)) refuse(wholeDocument('choice', 'detail.xml-not-utf8'));
  });
  parser.on('doctype', () => refuse(wholeDocument('invalid', 'detail.xml-doctype')));
  parser.on('opentag', (tag) => {
    elements += 1;
    if (stack.length >= xmlLimits.depth || elements > xmlLimits.elements) refuse(wholeDocument('too-long', 'detail.xml-too-large'));
    const attributes = tag.attributes as Record<string, string>;
    if (Object.keys(attributes).length > xmlLimits.attributesPerElement) refuse(wholeDocument('too-long', 'detail.xml-too-large'));
    const element: XmlElement = { name: localName(tag.name), path: '', attributes: {}, children: [], text: '' };
    for (const [name, value] of Object.entries(attributes)) {
      if (!name.startsWith('xmlns') && !name.includes(':')) element.attributes[name] = value;
    }
    stack[stack.length - 1]?.children.push(element);
    root ??= element;
    stack.push(element);
  });
  const addText = (chunk: string) => {
    const current = stack[stack.length - 1];
    if (current) current.text += chunk;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    stack.pop();
  });

  try {
    parser.write(text).close();
  } catch (error) {
    if (refusal) throw refusal;
    if (error instanceof Problem) throw error;
    throw wholeDocument('format', 'detail.body-not-xml');
  }
  if (!root) throw wholeDocument('format', 'detail.body-not-xml');
  const top: XmlElement = root;
  top.path = `/${top.name}`;
  numberSiblings(top);
  return top;
}
