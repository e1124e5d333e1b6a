/** The shapes the administration pages read, as the server declares them (the contracts.ts of each module). */

export interface Organisation {
  id: string;
  name: string;
  kind: string;
  country: string | null;
}

export interface UserSummary {
  id: string;
  organisationId: string;
  roles: string[];
  secondFactorEnrolled: boolean;
  disabled: boolean;
  lockedUntil: string | null;
}

export interface UserPersonalData {
  email: string;
  name: string;
}

export interface ApiKeySummary {
  id: string;
  organisationId: string;
  name: string;
  scopes: string[];
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface CreatedApiKey {
  key: ApiKeySummary;
  secret: string;
}

export interface VersionSummary {
  version: number;
  note: string | null;
  basedOn: number | null;
  createdAt: string;
  active: boolean;
  rules: number;
}

export interface VersionDetail extends VersionSummary {
  ruleSet: unknown;
}

export interface DryRunReferral {
  trigger: string;
  ruleId: string;
  kind: string;
  target: string;
  organisation: { id: string; name: string } | null;
  countries: string[];
  unassigned: boolean;
  existingReferralId: string | null;
}

export interface DryRunAnswer {
  version: number;
  homeCountry: string;
  reports: { reportId: string; receivedAt: string; fired: { trigger: string; rules: string[] }[]; referrals: DryRunReferral[] }[];
  summary: { reports: number; referrals: number; new: number; byKind: Record<string, number> };
}

export interface Addressee {
  role: string;
  kind: string;
  organisation: { id: string; name: string } | null;
  updatedAt: string | null;
}

export interface Level {
  hours: number;
  metAt: string;
}

export interface ServiceLevels {
  levels: { kind: string; urgent: Level; normal: Level }[];
}

export interface Bank {
  id: string;
  name: string;
  purpose: string;
  source: string;
  description: string;
  enabled: boolean;
  createdAt: string;
}

export interface BankDetail extends Bank {
  counts: { entries: number; enabled: number; pdq: number };
}

export interface BankImport {
  id: string;
  format: string;
  status: 'queued' | 'validating' | 'applying' | 'succeeded' | 'failed';
  progress: { phase: string; bytesRead: number; totalBytes: number; records: number; applied: number };
  counts: { inserted: number; updated: number; disabled: number; skipped: number };
  errorCount: number;
  errors: { line: number | null; record: number; field: string; code: string; title: string }[];
  createdAt: string;
  finishedAt: string | null;
}

export interface EmergencyNumber {
  number: string;
  label: { fr: string; en: string };
}

export interface EmergencyNumbersView {
  emergencyNumbers: EmergencyNumber[];
  source: 'configuration' | 'administrator';
  updatedAt: string | null;
}

export interface Hotel {
  id: string;
  chainId: string;
  name: string;
  country: string;
  city: string;
}

export interface HotelScope {
  apiKeyId: string;
  chainId: string;
  allHotels: boolean;
  hotelIds: string[];
}
