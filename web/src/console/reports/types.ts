/** The staff API's views of reports (GET /api/reports, /api/reports/:id, /api/reports/:id/personal-data). */
export interface ReportSummary {
  id: string;
  channel: string;
  category: string;
  urgent: boolean;
  status: string;
  language: string | null;
  countries: string[];
  receivedAt: string;
  counts: { urls: number; media: number; onlineIdentifiers: number; children: number; reportedPersons: number };
  priority?: number;
  knownContent?: boolean;
  ageGroup?: string | null;
}

export interface ReportPage {
  reports: ReportSummary[];
  next: string | null;
}

export interface ReportDetail extends ReportSummary {
  subdivisions: string[];
  occurredAt: string | null;
  submittedAt: string | null;
  updatedAt: string;
  reporter: { role: string | null; anonymous: boolean; consentToContact: boolean };
  ncmec: { incidentTypes: string[]; annotations: string[] };
  urlHosts: string[];
  media: MediaItem[];
  additions: { id: string; receivedAt: string }[];
  links: { reportId: string; kinds: string[] }[];
  /** Set for a helpline call: what staff may see of it without personal data. */
  call?: { callerType: string; durationSeconds: number; immediateReferrals: string[] } | null;
}

export interface PersonalView {
  report: Record<string, unknown> & { narrative?: string };
  additions: (Record<string, unknown> & { id: string; receivedAt: string; narrative?: string })[];
  call?: Record<string, unknown>;
}

export interface BankMatch {
  bankId: string;
  bankName: string;
  bankPurpose: string;
  entryId: string;
  kind: 'pdq' | 'md5' | 'sha1' | 'sha256';
  distance: number;
  classification: { legalStatus: string; industryCategory: string | null; ageGroup: string | null };
  matchedAt: string;
}

export interface MediaItem {
  id: string;
  hashes: Partial<Record<'md5' | 'sha1' | 'sha256' | 'pdq', string>>;
  pdqQuality: number | null;
  mediaType: string | null;
  matchedAt: string | null;
  matches: BankMatch[];
  suppressed: (BankMatch & { suppressedBy: { bankName: string; entryId: string }[] })[];
  quarantined: boolean;
}

/** GET /api/reports/:id/hosting */
export interface ReportHosting {
  urls: {
    itemId: string;
    host: string;
    registrableDomain: string | null;
    dns: string;
    countries: string[];
    addresses: {
      address: string;
      country: string | null;
      asn: number | null;
      organisation: string | null;
      network: { handle: string | null; name: string | null; country: string | null } | null;
      abuse: { handle: string | null; name: string | null; emails: string[] } | null;
    }[];
    analysedAt: string;
  }[];
  attribution: string[];
}

export interface ReferralOfReport {
  reportId: string;
  referralId: string;
  organisationName: string | null;
  kind: string;
  status: string;
  deadline: string;
}

/** GET /api/reports/:id/cluster */
export interface ClusterView {
  reportId: string;
  reports: { reportId: string; referrals: ReferralOfReport[] }[];
  links: { a: string; b: string; reasons: string[] }[];
  handledBy: { organisationId: string | null; organisationName: string | null; kinds: string[]; reportIds: string[] }[];
}

/** GET /api/referrals?reportId= */
export interface Referral {
  id: string;
  reportId: string;
  kind: string;
  status: string;
  urgent: boolean;
  target: string;
  organisation: { id: string; name: string } | null;
  addressee: { name: string | null; emails: string[]; network: string | null; hosts: string[] } | null;
  countries: string[];
  deadline: string;
  overdue: boolean;
  createdAt: string;
}

/** GET /api/reports/:id/history */
export interface HistoryEntry {
  seq: string | null;
  at: string;
  actorType: string;
  actorId: string | null;
  action: string;
  detail: Record<string, unknown>;
}
