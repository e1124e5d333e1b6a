/**
 * The parts of the `report-content` v1 format (GET /api/schemas/report-content/v1.json)
 * that the portal and the helpline form write. The server validates every submission
 * against the schema itself; the browser tests prove that what these pages send is accepted.
 */
export interface OnlineIdentifier {
  platform?: string;
  username?: string;
  email?: string;
  phone?: string;
  profileUrl?: string;
}

export interface Place {
  country: string;
  subdivision?: string;
  city?: string;
  role?: 'incident' | 'child' | 'reported_person' | 'other';
}

export interface AgeRange {
  min: number;
  max: number;
}

export interface Child {
  name?: string;
  age?: number;
  ageRange?: AgeRange;
  presumedMinor?: boolean;
  gender?: string;
  description?: string;
}

export interface ReportedPerson {
  name?: string;
  ageRange?: AgeRange;
  gender?: string;
  description?: string;
}

export interface Reporter {
  role?: string;
  contact?: { name?: string; email?: string; phone?: string; language?: string };
  consentToContact?: boolean;
}

export interface ReportContent {
  category: string;
  childInImmediateDanger?: boolean;
  occurredAt?: string;
  submittedAt?: string;
  language?: string;
  narrative?: string;
  urls?: string[];
  media?: { uploadId: string }[];
  onlineIdentifiers?: OnlineIdentifier[];
  places?: Place[];
  children?: Child[];
  reportedPersons?: ReportedPerson[];
  reporter?: Reporter;
}
