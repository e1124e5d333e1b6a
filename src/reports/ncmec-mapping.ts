import { fieldProblem } from '../platform/http/index.js';
import { categoryOfNcmec, ncmecIncidentTypes, type NcmecIncidentType } from './categories.js';
import { Draft, every, first, phoneOf, textOf } from './ncmec-draft.js';
import { defined, leafLines, mapRecipient, mapReportedPerson, mapReporter, mapVictim, placeOfAddress } from './ncmec-people.js';
import { checkStructure, ncmecReport } from './ncmec-schema.js';
import type { XmlElement } from './xml-document.js';

/**
 * A CyberTipline report (NCMEC's XML) mapped into report-content v1; the table is in
 * README.md. Values are carried as they are and judged afterwards by the format's own schema
 * and checks, whose problems are reported at the element each value came from.
 */

/** Spellings seen in the wild for the incident types of `categories.ts`. */
const incidentTypeAliases: Readonly<Record<string, NcmecIncidentType>> = {
  'Online Enticement of Children for Sexual Act': 'Online Enticement of Children for Sexual Acts',
};

const hashKinds: Readonly<Record<string, 'md5' | 'sha1' | 'sha256'>> = { MD5: 'md5', SHA1: 'sha1', SHA256: 'sha256' };

function incidentTypeOf(raw: string): NcmecIncidentType | undefined {
  return (ncmecIncidentTypes as readonly string[]).includes(raw) ? (raw as NcmecIncidentType) : incidentTypeAliases[raw];
}

function mapSummary(draft: Draft, report: XmlElement): void {
  const summary = first(report, 'incidentSummary')!;
  const typeElement = first(summary, 'incidentType')!;
  const annotations = first(summary, 'reportAnnotations')?.children.map((child) => child.name) ?? [];
  const type = incidentTypeOf(textOf(typeElement) ?? '');
  if (type === undefined) draft.problems.push(fieldProblem(typeElement.path, 'choice'));
  else draft.set('/category', categoryOfNcmec(type, annotations), typeElement.path);
  const escalation = first(summary, 'escalateToHighPriority');
  draft.set('/childInImmediateDanger', textOf(escalation) !== undefined, escalation?.path ?? summary.path);
  draft.note('escalateToHighPriority', escalation);
  const when = first(summary, 'incidentDateTime');
  if (when && textOf(when) !== undefined) draft.set('/occurredAt', textOf(when), when.path);
  draft.note('incidentDateTimeDescription', first(summary, 'incidentDateTimeDescription'));
  const annotationsElement = first(summary, 'reportAnnotations');
  if (annotationsElement && annotations.length > 0) draft.line(annotationsElement, `reportAnnotations: ${annotations.join(', ')}`);
}

/** The elements of each incident kind that become items of the report; the rest goes to the narrative. */
const itemElements = new Set(['url', 'emailAddress', 'phoneNumber']);

function mapIncident(draft: Draft, incident: XmlElement): void {
  for (const url of every(incident, 'url')) draft.push('urls', textOf(url) ?? '', url.path);
  for (const email of every(incident, 'emailAddress')) draft.push('onlineIdentifiers', { email: textOf(email) ?? '' }, email.path);
  for (const phone of every(incident, 'phoneNumber')) draft.push('onlineIdentifiers', { phone: phoneOf(phone) ?? '' }, phone.path);
  for (const address of every(incident, 'incidentAddress')) placeOfAddress(draft, address, 'incident');
  for (const child of incident.children) {
    if (itemElements.has(child.name)) continue;
    for (const line of leafLines(child, `${incident.name} ${child.name}`)) draft.line(child, line);
  }
  if (incident.attributes.thirdPartyHostedContent === 'true') draft.line(incident, `${incident.name}: hosted by a third party`);
}

/** Vigie's addition: the files, by their original hashes; NCMEC takes them apart from the report. */
function mapFile(draft: Draft, file: XmlElement): void {
  const hashes: Record<string, string> = {};
  const inner: Record<string, string | undefined> = { '/hashes': `${file.path}/originalFileHash` };
  for (const hash of every(file, 'originalFileHash')) {
    const kind = hashKinds[(hash.attributes.hashType ?? '').toUpperCase().replace('-', '')];
    if (kind === undefined) draft.problems.push(fieldProblem(`${hash.path}/@hashType`, 'choice'));
    else {
      hashes[kind] = textOf(hash) ?? '';
      inner[`/hashes/${kind}`] = hash.path;
    }
  }
  const name = first(file, 'originalFileName') ?? first(file, 'fileName');
  const location = first(file, 'locationOfFile');
  inner['/fileName'] = name?.path;
  inner['/url'] = location?.path;
  draft.push('media', defined({ hashes, fileName: textOf(name), url: textOf(location) }), file.path, inner);
}

export function mapNcmecReport(root: XmlElement): Draft {
  const draft = new Draft();
  if (root.name !== 'report') {
    draft.problems.push(fieldProblem(root.path, 'unknown'));
    return draft;
  }
  checkStructure(root, ncmecReport, draft.problems);
  if (draft.problems.length > 0) return draft;
  mapSummary(draft, root);
  for (const details of every(root, 'internetDetails')) for (const incident of details.children) mapIncident(draft, incident);
  mapReporter(draft, root);
  for (const section of every(root, 'personOrUserReported')) mapReportedPerson(draft, section);
  for (const section of every(root, 'victim')) mapVictim(draft, section);
  for (const section of every(root, 'intendedRecipient')) mapRecipient(draft, section);
  draft.note('additionalInfo', first(root, 'additionalInfo'));
  for (const file of every(root, 'fileDetails')) mapFile(draft, file);
  draft.finish();
  return draft;
}
