import type { ColumnType } from 'kysely';
import type { NoticeAddressee } from './contracts.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface ReferralsTable {
  id: string;
  report_id: string;
  kind: string;
  /** Who it is for, as the rules named it (`role:national_police`, `partner:DE`, `notice:…`): one referral per report and target. */
  target: string;
  /** Null while unassigned, and for a notice (its addressee is outside Vigie). */
  organisation_id: string | null;
  addressee: ColumnType<NoticeAddressee | null, string | null, string | null>;
  status: string;
  urgent: boolean;
  /** Hosting countries it concerns (a partner, INTERPOL, a notice); empty otherwise. */
  countries: string[];
  /** The URL items it concerns (a partner, INTERPOL, a notice). */
  item_ids: string[];
  rule_version: number;
  rule_id: string;
  trigger: string;
  deadline: Timestamp;
  /** The status that meets the deadline. */
  deadline_status: string;
  escalated_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Every change of a referral: creation, assignment, status, escalation. */
export interface ReferralEventsTable {
  id: string;
  referral_id: string;
  at: Timestamp;
  event: string;
  status: string;
  actor_type: string;
  actor_id: string | null;
  reason: string | null;
  outcome: string | null;
  note_sealed: string | null;
}

/** The organisation each addressee role is mapped to. */
export interface ReferralAddresseesTable {
  role: string;
  organisation_id: string;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** The deployment's service-level table: how long each kind of referral has, urgent or not. */
export interface ReferralServiceLevelsTable {
  kind: string;
  urgent: boolean;
  hours: number;
  met_at: string;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface ReferralTables {
  referrals: ReferralsTable;
  referral_events: ReferralEventsTable;
  referral_addressees: ReferralAddresseesTable;
  referral_service_levels: ReferralServiceLevelsTable;
}
