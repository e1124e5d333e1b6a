import type { Referral } from './types.js';

/**
 * How close a referral is to its deadline, for the board's colours and words. The server
 * says whether it is overdue and whether it is met; the console only measures the time left.
 */
export type Urgency = 'overdue' | 'critical' | 'soon' | 'later' | 'met' | 'closed';

const hour = 3_600_000;

export function urgencyOf(referral: Pick<Referral, 'overdue' | 'deadlineMet' | 'deadline' | 'status'>, now: number): Urgency {
  // A rejection ends the deadline without meeting the request: said apart.
  if (referral.deadlineMet) return referral.status === 'rejected' ? 'closed' : 'met';
  if (referral.overdue) return 'overdue';
  const left = Date.parse(referral.deadline) - now;
  if (left < 4 * hour) return 'critical';
  if (left < 24 * hour) return 'soon';
  return 'later';
}

const rank: Record<Urgency, number> = { overdue: 0, critical: 1, soon: 2, later: 3, met: 4, closed: 4 };

/** Most urgent first: overdue, then the nearest deadline; those met last, newest first. */
export function byUrgency(now: number) {
  return (a: Referral, b: Referral): number => {
    const difference = rank[urgencyOf(a, now)] - rank[urgencyOf(b, now)];
    if (difference !== 0) return difference;
    if (a.deadlineMet) return Date.parse(b.createdAt) - Date.parse(a.createdAt);
    return Date.parse(a.deadline) - Date.parse(b.deadline);
  };
}

/** A duration in the largest unit that keeps it readable: minutes under two hours, hours under three days. */
export function durationParts(milliseconds: number): { unit: 'minutes' | 'hours' | 'days'; count: number } {
  const minutes = Math.max(1, Math.round(Math.abs(milliseconds) / 60_000));
  if (minutes < 120) return { unit: 'minutes', count: minutes };
  const hours = Math.round(minutes / 60);
  if (hours < 72) return { unit: 'hours', count: hours };
  return { unit: 'days', count: Math.round(hours / 24) };
}
