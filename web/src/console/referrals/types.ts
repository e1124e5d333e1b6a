/** What GET /api/referrals and GET /api/referrals/:id answer (src/referrals/contracts.ts). */
export const referralStatuses = ['unassigned', 'pending', 'sent', 'received', 'accepted', 'rejected', 'done'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

export const rejectionReasons = [
  'not_competent',
  'insufficient_information',
  'duplicate',
  'already_known',
  'not_illegal',
  'other',
] as const;
export type RejectionReason = (typeof rejectionReasons)[number];

export const referralOutcomes = [
  'investigation_opened',
  'prosecution',
  'content_removed',
  'content_not_removed',
  'no_further_action',
  'administrative_protection',
  'judicial_referral',
  'assistance_provided',
  'forwarded',
  'other',
] as const;
export type ReferralOutcome = (typeof referralOutcomes)[number];

export interface Referral {
  id: string;
  reportId: string;
  kind: string;
  status: ReferralStatus;
  urgent: boolean;
  target: string;
  organisation: { id: string; name: string } | null;
  addressee: { name: string | null; network: string | null; emails: string[] } | null;
  countries: string[];
  rule: { version: number; id: string; trigger: string };
  deadline: string;
  deadlineStatus: 'received' | 'accepted' | 'done';
  overdue: boolean;
  deadlineMet: boolean;
  /** The statuses the server lets a person move it to from here. */
  next: ReferralStatus[];
  escalatedAt: string | null;
  createdAt: string;
}

export interface ReferralEvent {
  at: string;
  event: 'created' | 'assigned' | 'status' | 'escalated';
  status: ReferralStatus;
  actor: { type: string; id: string | null };
  reason: RejectionReason | null;
  outcome: ReferralOutcome | null;
}

export interface ReferralDetail extends Referral {
  history: ReferralEvent[];
  grant: string[];
}

export interface ReferralPage {
  referrals: Referral[];
  next: string | null;
}

export interface GrantedReport {
  parts: string[];
  report: Record<string, unknown>;
}
