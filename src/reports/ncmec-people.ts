import { every, first, numberOf, phoneOf, textOf, type Draft } from './ncmec-draft.js';
import type { XmlElement } from './xml-document.js';

/**
 * The people of a CyberTipline report: the reporting company's contact, the reported persons,
 * the child victims and the intended recipients, with their accounts and locations.
 */

type Role = 'incident' | 'child' | 'reported_person' | 'other';

/** The members that have a value (the format's objects are closed and refuse `undefined`). */
export function defined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as Partial<T>;
}

function nameOf(person: XmlElement | undefined): string | undefined {
  const name = [textOf(first(person, 'firstName')), textOf(first(person, 'lastName'))].filter(Boolean).join(' ');
  return name === '' ? undefined : name;
}

/** `label: text` for every leaf under an element (for what the format keeps as free text). */
export function leafLines(element: XmlElement | undefined, label: string): string[] {
  if (!element) return [];
  if (element.children.length === 0) {
    const text = textOf(element);
    return text === undefined ? [] : [`${label}: ${text}`];
  }
  return element.children.flatMap((child) => leafLines(child, `${label} ${child.name}`));
}

/** A place from an estimated location (country code, city; the region in words stays in the text). */
function placeOfLocation(draft: Draft, location: XmlElement | undefined, role: Role): void {
  if (!location) return;
  const country = first(location, 'countryCode');
  const city = first(location, 'city');
  if (textOf(country) === undefined && textOf(city) === undefined) return;
  draft.push('places', defined({ country: textOf(country), city: textOf(city), role }), location.path, {
    '/country': country?.path ?? `${location.path}/countryCode`,
    '/city': city?.path,
  });
}

/**
 * A place from a postal address that names its country: the country, city and, in the United
 * States, the state (US-XX). The street stays in the text it came with (sealed).
 */
export function placeOfAddress(draft: Draft, address: XmlElement, role: Role): void {
  const country = first(address, 'country');
  const city = first(address, 'city');
  const state = first(address, 'state');
  const code = textOf(country);
  if (code === undefined) return;
  const subdivision = code === 'US' && textOf(state) !== undefined ? `US-${textOf(state)}` : undefined;
  draft.push('places', defined({ country: code, subdivision, city: textOf(city), role }), address.path, {
    '/country': country?.path,
    '/subdivision': state?.path,
    '/city': city?.path,
  });
}

/** What an account-holding section (reported person, victim, recipient) says that has no field of its own. */
function accountLines(section: XmlElement, person: XmlElement | undefined): string[] {
  const skip = new Set(['personOrUserReportedPerson', 'victimPerson', 'intendedRecipientPerson', 'displayName', 'estimatedLocation']);
  const own = section.children.filter((child) => !skip.has(child.name)).flatMap((child) => leafLines(child, child.name));
  const region = textOf(first(first(section, 'estimatedLocation'), 'region'));
  const personal = ['dateOfBirth', 'address'].flatMap((name) => every(person, name).flatMap((child) => leafLines(child, name)));
  return [...own, ...personal, ...(region !== undefined ? [`estimatedLocation region: ${region}`] : [])];
}

export function mapReporter(draft: Draft, report: XmlElement): void {
  const section = first(report, 'reporter');
  const person = first(section, 'reportingPerson');
  const email = first(person, 'email');
  const phone = first(person, 'phone');
  const contact = defined({ name: nameOf(person), email: textOf(email), phone: phoneOf(phone) });
  const reporter =
    Object.keys(contact).length > 0 ? { role: 'internet_company', contact, consentToContact: true } : { role: 'internet_company' };
  draft.set('/reporter', reporter, section?.path ?? '/report/reporter', {
    '/contact/name': first(person, 'firstName')?.path,
    '/contact/email': email?.path,
    '/contact/phone': phone?.path,
  });
}

export function mapReportedPerson(draft: Draft, section: XmlElement): void {
  const person = first(section, 'personOrUserReportedPerson');
  const identifiers: object[] = [];
  const inner: Record<string, string | undefined> = {};
  const identifier = (value: object, element: XmlElement) => {
    inner[`/onlineIdentifiers/${identifiers.length}`] = element.path;
    identifiers.push(value);
  };
  const screenName = first(section, 'screenName');
  if (screenName && textOf(screenName) !== undefined) {
    identifier(defined({ platform: textOf(first(section, 'espService')), username: textOf(screenName) }), screenName);
  }
  for (const url of every(section, 'profileUrl')) identifier({ profileUrl: textOf(url) ?? '' }, url);
  for (const email of every(person, 'email')) identifier({ email: textOf(email) ?? '' }, email);
  for (const phone of every(person, 'phone')) identifier({ phone: phoneOf(phone) ?? '' }, phone);
  const aliases = every(section, 'displayName');
  aliases.forEach((alias, i) => (inner[`/aliases/${i}`] = alias.path));
  const lines = accountLines(section, person).filter((line) => !/^(screenName|profileUrl|espService):/.test(line));
  const value = defined({
    name: nameOf(person),
    aliases: aliases.length > 0 ? aliases.map((alias) => textOf(alias) ?? '') : undefined,
    age: numberOf(first(person, 'age')),
    description: lines.length > 0 ? lines.join('\n') : undefined,
    onlineIdentifiers: identifiers.length > 0 ? identifiers : undefined,
  });
  inner['/name'] = first(person, 'firstName')?.path;
  inner['/age'] = first(person, 'age')?.path;
  if (Object.keys(value).length > 0) draft.push('reportedPersons', value, section.path, inner);
  placeOfLocation(draft, first(section, 'estimatedLocation'), 'reported_person');
  for (const address of every(person, 'address')) placeOfAddress(draft, address, 'reported_person');
}

/** A child victim becomes a child of the report, presumed a minor; their accounts stay in the description (sealed). */
export function mapVictim(draft: Draft, section: XmlElement): void {
  const person = first(section, 'victimPerson');
  const contacts = ['email', 'phone'].flatMap((name) => every(person, name).flatMap((child) => leafLines(child, name)));
  const lines = [...accountLines(section, person), ...contacts];
  const value = defined({
    name: nameOf(person),
    age: numberOf(first(person, 'age')),
    presumedMinor: true,
    description: lines.length > 0 ? lines.join('\n') : undefined,
  });
  draft.push('children', value, section.path, { '/name': first(person, 'firstName')?.path, '/age': first(person, 'age')?.path });
  placeOfLocation(draft, first(section, 'estimatedLocation'), 'child');
  for (const address of every(person, 'address')) placeOfAddress(draft, address, 'child');
}

/** An intended recipient (not always a child) is kept in the narrative, whole. */
export function mapRecipient(draft: Draft, section: XmlElement): void {
  for (const child of section.children) {
    for (const line of leafLines(child, `intendedRecipient ${child.name}`)) draft.line(child, line);
  }
}
