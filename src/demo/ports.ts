import type { Transaction } from 'kysely';
import type { TakedownService } from '../actions/index.js';
import type { IdentityService } from '../identity/index.js';
import type { AnyDatabase } from '../platform/store/index.js';
import type { ReferralService } from '../referrals/index.js';
import type { ReportService } from '../reports/index.js';
import type { TriageService } from '../triage/index.js';

export interface Actor {
  actorType: 'user' | 'api_key' | 'system' | 'public';
  actorId: string | null;
  organisationId?: string | null;
  requestId?: string | null;
}

export interface AuditRecord {
  action: string;
  subjectType: string;
  subjectId: string;
  detail?: Record<string, string | number | boolean | null | string[]>;
}

export type AuditWriter = (trx: Transaction<AnyDatabase>, actor: Actor, record: AuditRecord) => Promise<void>;

/** The services the demonstration goes through: the same as real work, so clusters, routing and referrals are real. */
export interface DemoServices {
  identity: Pick<IdentityService, 'createOrganisation' | 'createUser' | 'listOrganisations' | 'createApiKey'>;
  reports: Pick<ReportService, 'submitPartnerReport' | 'listReports' | 'readUrlsForAnalysis'>;
  triage: Pick<TriageService, 'claimReport' | 'assessReport' | 'confirmAssessment'>;
  referrals: Pick<ReferralService, 'setAddressee' | 'planReferrals' | 'recordRouting'>;
  takedowns: Pick<TakedownService, 'setHostContact'>;
}
