import { fieldProblem, type FieldProblem } from '../platform/http/index.js';
import type { XmlElement } from './xml-document.js';

/**
 * The elements of NCMEC's CyberTipline report (`<report>`, as its reporting API takes it),
 * and, as Vigie's addition, the `<fileDetails>` NCMEC receives separately for each uploaded
 * file: one request here carries the whole report. Closed, like the JSON format: an element
 * not listed is refused, naming its path. `skipped` elements are NCMEC's and accepted, but
 * the report format has no place for them (law enforcement already involved, the company's
 * boilerplate, file annotations); they are not stored.
 */
export interface ElementSpec {
  /** A leaf that holds text. */
  text?: true;
  /** May appear more than once. */
  many?: true;
  required?: true;
  skipped?: true;
  children?: Readonly<Record<string, ElementSpec>>;
}

const leaf: ElementSpec = { text: true };
const leaves: ElementSpec = { text: true, many: true };
const flag: ElementSpec = {};
const skipped: ElementSpec = { skipped: true, many: true };

const address: ElementSpec = {
  many: true,
  children: { address: leaf, city: leaf, zipCode: leaf, state: leaf, nonUsaState: leaf, country: leaf },
};
const person: ElementSpec = {
  children: { firstName: leaf, lastName: leaf, phone: leaves, email: leaves, address, age: leaf, dateOfBirth: leaf },
};
const ipCaptureEvent: ElementSpec = {
  many: true,
  children: { ipAddress: leaf, eventName: leaf, dateTime: leaf, possibleProxy: leaf, port: leaf },
};
const deviceId: ElementSpec = { many: true, children: { idType: leaf, idValue: leaf, eventName: leaf, dateTime: leaf } };
const estimatedLocation: ElementSpec = { children: { city: leaf, region: leaf, countryCode: leaf, verified: leaf, timestamp: leaf } };

/** What the reported person, an intended recipient and a child victim have in common. */
const account = {
  espIdentifier: leaf,
  espService: leaf,
  screenName: leaf,
  displayName: leaves,
  profileUrl: leaves,
  ipCaptureEvent,
  deviceId,
  priorCTReports: leaves,
  groupIdentifier: leaf,
  estimatedLocation,
  additionalInfo: leaf,
};

const incident = (children: Record<string, ElementSpec>): ElementSpec => ({ children: { ...children, additionalInfo: leaf } });

export const ncmecReport: ElementSpec = {
  children: {
    incidentSummary: {
      required: true,
      children: {
        incidentType: { text: true, required: true },
        escalateToHighPriority: leaf,
        reportAnnotations: { children: { sextortion: flag, csamSolicitation: flag, minorToMinorInteraction: flag, spam: flag } },
        incidentDateTime: leaf,
        incidentDateTimeDescription: leaf,
      },
    },
    internetDetails: {
      many: true,
      children: {
        webPageIncident: incident({ url: leaves, thirdPartyHostedContent: leaf }),
        emailIncident: incident({ emailAddress: leaves, content: leaf }),
        newsgroupIncident: incident({ name: leaf, emailAddress: leaves, content: leaf }),
        chatImIncident: incident({ chatClient: leaf, chatRoomName: leaf, content: leaf }),
        onlineGamingIncident: incident({ gameName: leaf, console: leaf, content: leaf }),
        cellPhoneIncident: incident({ phoneNumber: leaf, latitude: leaf, longitude: leaf }),
        nonInternetIncident: incident({ locationName: leaf, incidentAddress: address }),
        peer2peerIncident: incident({ client: leaf, ipCaptureEvent, fileNames: leaf }),
      },
    },
    lawEnforcement: skipped,
    reporter: {
      children: { reportingPerson: person, contactPerson: skipped, companyTemplate: skipped, termsOfService: skipped, legalUrl: skipped },
    },
    personOrUserReported: {
      many: true,
      children: {
        personOrUserReportedPerson: person,
        vehicleDescription: leaf,
        thirdPartyUserReported: leaf,
        accountTemporarilyDisabled: skipped,
        accountPermanentlyDisabled: skipped,
        ...account,
      },
    },
    intendedRecipient: {
      many: true,
      children: { intendedRecipientPerson: person, accountTemporarilyDisabled: skipped, accountPermanentlyDisabled: skipped, ...account },
    },
    victim: { many: true, children: { victimPerson: person, schoolName: leaf, ...account } },
    additionalInfo: leaf,
    fileDetails: {
      many: true,
      children: {
        reportId: skipped,
        fileId: skipped,
        fileName: leaf,
        originalFileName: leaf,
        locationOfFile: leaf,
        originalFileHash: leaves,
        fileViewedByEsp: skipped,
        exifViewedByEsp: skipped,
        publiclyAvailable: skipped,
        fileRelevance: skipped,
        fileAnnotations: skipped,
        industryClassification: skipped,
        ipCaptureEvent: skipped,
        deviceId: skipped,
        details: skipped,
        additionalInfo: skipped,
      },
    },
  },
};

/** Checks a tree against a spec: unknown, missing, repeated elements, text where none belongs. */
export function checkStructure(element: XmlElement, spec: ElementSpec, out: FieldProblem[]): void {
  if (spec.skipped) return;
  const children = spec.children ?? {};
  if (spec.text && element.children.length > 0) out.push(fieldProblem(element.children[0]!.path, 'unknown'));
  if (!spec.text && element.text.trim() !== '') out.push(fieldProblem(element.path, 'type'));
  const seen = new Set<string>();
  for (const child of element.children) {
    const childSpec = children[child.name];
    if (!childSpec) out.push(fieldProblem(child.path, 'unknown'));
    else if (seen.has(child.name) && !childSpec.many) out.push(fieldProblem(child.path, 'too-long'));
    else checkStructure(child, childSpec, out);
    seen.add(child.name);
  }
  for (const [name, childSpec] of Object.entries(children)) {
    if (childSpec.required && !seen.has(name)) out.push(fieldProblem(`${element.path}/${name}`, 'required'));
  }
}
