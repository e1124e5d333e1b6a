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
  media: { hashes: Record<string, string>; pdqQuality: number | null; mediaType: string | null }[];
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
