/** Routing: rules that turn a report into referrals, at intake (urgent) and at assessment. */
export const triggers = ['received', 'assessed'] as const;
export type Trigger = (typeof triggers)[number];

/** The job triage enqueues when an assessment becomes final: `{ reportId, trigger: 'assessed' }`. */
export const routeJob = 'routing.route';
export interface RouteData {
  reportId: string;
  trigger: Trigger;
  /** How many times this job was put off to wait for the URL analysis (absent: never). */
  waited?: number;
}

/** The intake follow-up for a child in immediate danger: `{ reportIds }`, routed at once. */
export const routeUrgentJob = 'routing.route-urgent';
export interface RouteUrgentData {
  reportIds: string[];
}

/** Registered with the reports module (main.ts): an intake whose child is in immediate danger is routed at once. */
export const urgentRoutingFollowUp = {
  job: routeUrgentJob,
  wants: (content: { childInImmediateDanger?: boolean }) => content.childInImmediateDanger === true,
} as const;

/**
 * How long an `assessed` routing waits for the analysis of the report's URLs, in seconds,
 * each time it finds some not analysed yet; after the last it routes with what is known.
 */
export const hostingWaits = [10, 30, 60, 120, 300, 600] as const;
