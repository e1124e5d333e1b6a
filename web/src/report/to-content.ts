import type { Child, OnlineIdentifier, Place, ReportContent, ReportedPerson } from './content.js';
import type { ChildDraft, IdentifierDraft, PersonDraft, PlaceDraft, ReportDraft } from './draft.js';
import * as n from './normalise.js';

/**
 * Where each part of a submission came from: the JSON pointer the server may name in an
 * error (`/urls/0`) → the id of the input (or group of inputs) that holds it on the page.
 */
export type FieldMap = Map<string, string>;

function childOf(draft: ChildDraft): Child {
  const age = draft.ageKind === 'exact' ? n.integer(draft.age) : undefined;
  const min = draft.ageKind === 'range' ? n.integer(draft.ageMin) : undefined;
  const max = draft.ageKind === 'range' ? n.integer(draft.ageMax) : undefined;
  return n.defined({
    age,
    ageRange: min !== undefined || max !== undefined ? { min: min ?? 0, max: max ?? min ?? 0 } : undefined,
    presumedMinor: draft.ageKind === 'unknown' ? true : undefined,
    gender: draft.gender || undefined,
    description: n.text(draft.description),
  }) as Child;
}

function identifierOf(draft: IdentifierDraft): OnlineIdentifier {
  return n.defined({
    platform: n.text(draft.platform),
    username: n.text(draft.username),
    email: n.email(draft.email),
    phone: n.phone(draft.phone),
    profileUrl: n.url(draft.profileUrl),
  });
}

function placeOf(draft: PlaceDraft): Place | undefined {
  const place = n.defined({
    country: draft.country || undefined,
    subdivision: n.subdivision(draft.subdivision, draft.country),
    city: n.text(draft.city),
  });
  return n.isEmpty(place) ? undefined : (place as Place);
}

function personOf(draft: PersonDraft): ReportedPerson | undefined {
  const min = n.integer(draft.ageMin);
  const max = n.integer(draft.ageMax);
  const person = n.defined({
    name: n.text(draft.name),
    ageRange: min !== undefined || max !== undefined ? { min: min ?? 0, max: max ?? min ?? 0 } : undefined,
    gender: draft.gender || undefined,
    description: n.text(draft.description),
  });
  return n.isEmpty(person) ? undefined : person;
}

/** Adds the rows that are not empty to the content, remembering which row each became. */
function rows<D extends { key: string }, C>(
  fields: FieldMap,
  member: string,
  prefix: string,
  drafts: readonly D[],
  convert: (draft: D) => C | undefined,
  parts: Record<string, string> = {},
): C[] | undefined {
  const kept: C[] = [];
  for (const draft of drafts) {
    const value = convert(draft);
    if (value === undefined || (typeof value === 'object' && value !== null && n.isEmpty(value))) continue;
    const pointer = `/${member}/${kept.length}`;
    fields.set(pointer, `${prefix}-${draft.key}`);
    for (const [part, id] of Object.entries(parts)) fields.set(`${pointer}/${part}`, `${prefix}-${draft.key}-${id}`);
    kept.push(value);
  }
  return kept.length > 0 ? kept : undefined;
}

/** The report fields of a page as `report-content` v1, with the map from pointers to inputs. */
export function reportContentOf(draft: ReportDraft, language: string): { content: ReportContent; fields: FieldMap } {
  const fields: FieldMap = new Map([
    ['/category', 'category'],
    ['/childInImmediateDanger', 'childInImmediateDanger'],
    ['/narrative', 'narrative'],
    ['/occurredAt', 'occurredAt'],
    ['/media', 'media'],
    ['/reportedPersons/0', 'person'],
    ['/reportedPersons/0/name', 'person-name'],
    ['/reportedPersons/0/ageRange', 'person-ageMin'],
    ['/reportedPersons/0/ageRange/min', 'person-ageMin'],
    ['/reportedPersons/0/ageRange/max', 'person-ageMax'],
    ['/reportedPersons/0/gender', 'person-gender'],
    ['/reportedPersons/0/description', 'person-description'],
  ]);
  const childParts = {
    age: 'age',
    ageRange: 'ageMin',
    'ageRange/min': 'ageMin',
    'ageRange/max': 'ageMax',
    gender: 'gender',
    description: 'description',
  };
  const identifierParts = { platform: 'platform', username: 'username', email: 'email', phone: 'phone', profileUrl: 'profileUrl' };
  const placeParts = { country: 'country', subdivision: 'subdivision', city: 'city' };
  const person = personOf(draft.person);
  draft.media.forEach((media, i) => fields.set(`/media/${i}`, `media-${media.key}`));
  const content: ReportContent = {
    category: draft.category,
    ...n.defined({
      childInImmediateDanger: draft.urgent || undefined,
      occurredAt: draft.occurredAt || undefined,
      language,
      narrative: n.text(draft.narrative),
      urls: rows(fields, 'urls', 'url', draft.urls, (row) => n.url(row.url)),
      media: draft.media.length > 0 ? draft.media.map((media) => ({ uploadId: media.uploadId })) : undefined,
      onlineIdentifiers: rows(fields, 'onlineIdentifiers', 'identifier', draft.identifiers, identifierOf, identifierParts),
      places: rows(fields, 'places', 'place', draft.places, placeOf, placeParts),
      children: rows(fields, 'children', 'child', draft.children, childOf, childParts),
      reportedPersons: person ? [person] : undefined,
    }),
  };
  return { content, fields };
}

/** The input a pointer names, or the closest group that holds it (`/places/0/city` → the place). */
export function fieldIdOf(fields: FieldMap, pointer: string): string | undefined {
  for (let path = pointer.replace(/^#/, ''); path !== ''; path = path.slice(0, path.lastIndexOf('/'))) {
    const id = fields.get(path);
    if (id) return id;
  }
  return undefined;
}
