import { sealedColumn } from '../platform/crypto/index.js';
import type { GrantablePart } from '../reports/index.js';

/**
 * Referrals: a report handed to an organisation that acts on it (DOMAIN.md, "Routing"). The
 * vocabulary below is shared with routing, whose rules name the addressees.
 */

/** What the receiving organisation is asked to do, which decides its deadline and what it may see. */
export const referralKinds = [
  'police',
  'partner_hotline',
  'interpol',
  'information_preoccupante',
  'nrm',
  'travel_tourism',
  'notice',
] as const;
export type ReferralKind = (typeof referralKinds)[number];

/**
 * The addressees a deployment names once (`PUT /api/referrals/addressees/:role`): each role
 * is mapped to one of its organisations, so rules never carry an organisation's id and a
 * French deployment is configured without code.
 */
export const addresseeRoles = [
  'national_police',
  'child_protection_unit',
  'referral_mechanism',
  'travel_tourism_office',
  'interpol_liaison',
] as const;
export type AddresseeRole = (typeof addresseeRoles)[number];

export const kindOfRole: Record<AddresseeRole, ReferralKind> = {
  national_police: 'police',
  child_protection_unit: 'information_preoccupante',
  referral_mechanism: 'nrm',
  travel_tourism_office: 'travel_tourism',
  interpol_liaison: 'interpol',
};

/**
 * `unassigned`: the role has no organisation yet (it gets one, and becomes `sent`, when an
 * administrator maps the role); `pending`: a notice waiting to be sent by the actions
 * module; `sent`: in the receiving organisation's list; then `received`, `accepted` (under
 * investigation, evaluation, assistance…), `rejected` with a reason, `done` with an outcome.
 */
export const referralStatuses = ['unassigned', 'pending', 'sent', 'received', 'accepted', 'rejected', 'done'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

/** The statuses a referral may move to from each, by a person (assignment is the system's). */
export const nextStatuses: Record<ReferralStatus, readonly ReferralStatus[]> = {
  unassigned: [],
  pending: ['sent'],
  sent: ['received', 'accepted', 'rejected'],
  received: ['accepted', 'rejected'],
  accepted: ['done'],
  rejected: [],
  done: [],
};

/**
 * A notice goes to a host outside Vigie: the actions module sends it (`pending` → `sent`),
 * then closes it when the content is gone (`done`) or the host refuses (`rejected`).
 */
const noticeNextStatuses: Partial<Record<ReferralStatus, readonly ReferralStatus[]>> = { pending: ['sent'], sent: ['done', 'rejected'] };

export function nextStatusesOf(kind: ReferralKind, status: ReferralStatus): readonly ReferralStatus[] {
  return kind === 'notice' ? (noticeNextStatuses[status] ?? []) : nextStatuses[status];
}

/** How far a referral has gone; a deadline is met once its status reaches the one it names. */
const progress: Record<ReferralStatus, number> = { unassigned: 0, pending: 0, sent: 1, received: 2, accepted: 3, done: 4, rejected: 9 };

export const deadlineMilestones = ['received', 'accepted', 'done'] as const;
export type DeadlineMilestone = (typeof deadlineMilestones)[number];

export function meetsDeadline(status: ReferralStatus, milestone: DeadlineMilestone): boolean {
  return progress[status] >= progress[milestone];
}

/** Statuses below each milestone: those of a referral still late once its deadline has passed. */
export function statusesShortOf(milestone: DeadlineMilestone): ReferralStatus[] {
  return referralStatuses.filter((status) => !meetsDeadline(status, milestone));
}

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

/**
 * What the receiving organisation's staff may read of the report, per kind: only what that
 * work needs (README, "What a referral grants"). A notice goes to a host outside Vigie: nothing.
 */
export const grants: Record<ReferralKind, readonly GrantablePart[]> = {
  police: ['narrative', 'urls', 'media', 'onlineIdentifiers', 'places', 'children', 'reportedPersons', 'reporterContact'],
  travel_tourism: ['narrative', 'urls', 'onlineIdentifiers', 'places', 'children', 'reportedPersons', 'reporterContact'],
  interpol: ['narrative', 'urls', 'media', 'onlineIdentifiers', 'places', 'reportedPersons'],
  partner_hotline: ['urls', 'media'],
  information_preoccupante: ['narrative', 'places', 'children', 'reportedPersons', 'reporterContact'],
  nrm: ['narrative', 'places', 'children', 'reportedPersons', 'reporterContact'],
  notice: [],
};

/** A rejected referral no longer grants anything: the organisation declined the work. */
export const grantHolds = (status: ReferralStatus) => status !== 'rejected' && status !== 'unassigned' && status !== 'pending';

/** The periodic job that marks overdue referrals escalated. */
export const escalateOverdueJob = 'referral.escalate-overdue';

export const referralSealedContext = (eventId: string) => `referral_events.note_sealed:${eventId}`;

/** A note given with a status (a reason, an outcome) may name people: sealed, bound to its event. */
export const referralSealedColumns = [sealedColumn({ table: 'referral_events', column: 'note_sealed' })] as const;
