let lastKey = 0;
/** A key for a row of a list: React's key and the row's DOM ids, stable while the row lives. */
export const newKey = (): string => `r${(lastKey += 1)}`;

export type AgeKind = 'unknown' | 'exact' | 'range';

export interface UrlDraft {
  key: string;
  url: string;
}
export interface IdentifierDraft {
  key: string;
  platform: string;
  username: string;
  email: string;
  phone: string;
  profileUrl: string;
}
export interface PlaceDraft {
  key: string;
  country: string;
  subdivision: string;
  city: string;
}
export interface ChildDraft {
  key: string;
  ageKind: AgeKind;
  age: string;
  ageMin: string;
  ageMax: string;
  gender: string;
  description: string;
}
export interface PersonDraft {
  name: string;
  ageMin: string;
  ageMax: string;
  gender: string;
  description: string;
}
export interface MediaDraft {
  key: string;
  uploadId: string;
  fileName: string;
  size: number;
}

/** What the report fields of a page hold while the person types: strings, as the inputs give them. */
export interface ReportDraft {
  category: string;
  urgent: boolean;
  narrative: string;
  occurredAt: string;
  urls: UrlDraft[];
  identifiers: IdentifierDraft[];
  places: PlaceDraft[];
  children: ChildDraft[];
  person: PersonDraft;
  media: MediaDraft[];
}

export const emptyUrl = (): UrlDraft => ({ key: newKey(), url: '' });
export const emptyIdentifier = (): IdentifierDraft => ({ key: newKey(), platform: '', username: '', email: '', phone: '', profileUrl: '' });
export const emptyPlace = (country = ''): PlaceDraft => ({ key: newKey(), country, subdivision: '', city: '' });
export const emptyChild = (): ChildDraft => ({
  key: newKey(),
  ageKind: 'unknown',
  age: '',
  ageMin: '',
  ageMax: '',
  gender: '',
  description: '',
});
export const emptyPerson = (): PersonDraft => ({ name: '', ageMin: '', ageMax: '', gender: '', description: '' });

export function emptyReportDraft(): ReportDraft {
  return {
    category: '',
    urgent: false,
    narrative: '',
    occurredAt: '',
    urls: [emptyUrl()],
    identifiers: [],
    places: [],
    children: [],
    person: emptyPerson(),
    media: [],
  };
}
