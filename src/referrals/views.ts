import type { Selectable } from 'kysely';
import type { ReferralView } from './contracts.js';
import { meetsDeadline, nextStatusesOf, type DeadlineMilestone, type ReferralKind, type ReferralStatus } from './model.js';
import type { ReferralsTable } from './tables.js';

type Organisations = ReadonlyMap<string, { name: string }>;

const iso = (value: Date | string) => new Date(value).toISOString();

/** Whether a referral is late: its deadline passed before it reached the status that meets it. */
export function isOverdue(row: Pick<Selectable<ReferralsTable>, 'status' | 'deadline' | 'deadline_status'>, now: Date): boolean {
  return !meetsDeadline(row.status as ReferralStatus, row.deadline_status as DeadlineMilestone) && new Date(row.deadline) < now;
}

export function referralViewOf(row: Selectable<ReferralsTable>, organisations: Organisations, now: Date): ReferralView {
  const organisation = row.organisation_id ? organisations.get(row.organisation_id) : undefined;
  return {
    id: row.id,
    reportId: row.report_id,
    kind: row.kind as ReferralKind,
    status: row.status as ReferralStatus,
    urgent: row.urgent,
    target: row.target,
    organisation: row.organisation_id ? { id: row.organisation_id, name: organisation?.name ?? '' } : null,
    addressee: row.addressee,
    countries: row.countries,
    itemIds: row.item_ids,
    rule: { version: row.rule_version, id: row.rule_id, trigger: row.trigger },
    deadline: iso(row.deadline),
    deadlineStatus: row.deadline_status as DeadlineMilestone,
    overdue: isOverdue(row, now),
    deadlineMet: meetsDeadline(row.status as ReferralStatus, row.deadline_status as DeadlineMilestone),
    next: [...nextStatusesOf(row.kind as ReferralKind, row.status as ReferralStatus)],
    escalatedAt: row.escalated_at ? iso(row.escalated_at) : null,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}
