import type { ReportSummary } from '../reports/index.js';
import type { AgeGroup, DisputableField, ImageryClass, LegalStatus, Stage } from './vocabulary.js';

/** The triage API's views (GET /api/triage/queue, /counts, /reports/:id and the steps' answers). */
export interface Claim {
  reportId: string;
  claimedBy: string;
  purpose: 'assess' | 'confirm' | 'resolve';
  claimedAt: string;
  expiresAt: string;
}

export interface Review {
  id: string;
  reviewedBy: string;
  reviewedAt: string;
  decision: 'confirmed' | 'disagreed';
  fields: DisputableField[];
  hasNote: boolean;
}

export interface Assessment {
  id: string;
  kind: 'assessment' | 'resolution';
  assessedBy: string;
  assessedAt: string;
  legalStatus: LegalStatus;
  category: string;
  ageGroup: AgeGroup | null;
  imageryClass: ImageryClass | null;
  hasNote: boolean;
  state: 'awaiting_confirmation' | 'confirmed' | 'disputed' | 'final';
  finalAt: string | null;
  review: Review | null;
}

export interface QueueItem {
  report: ReportSummary;
  stage: Exclude<Stage, 'final'>;
  priorityReasons: string[];
  claim: Claim | null;
  assessment: Assessment | null;
}

export interface QueuePage {
  items: QueueItem[];
  next: string | null;
}

export interface StageCounts {
  total: number;
  urgent: number;
  knownContent: number;
  claimed: number;
}

export interface QueueCounts {
  stages: { awaiting: StageCounts; confirming: StageCounts; disputed: StageCounts };
  mine: number;
}

export interface ReportAssessment {
  reportId: string;
  stage: Stage;
  claim: Claim | null;
  assessments: Assessment[];
  final: { assessmentId: string; basis: 'confirmed' | 'unconfirmed' | 'resolved'; at: string } | null;
}

export interface ClaimResult {
  claim: Claim;
  renewed: boolean;
}

export interface Note {
  source: 'assessment' | 'review';
  id: string;
  writtenBy: string;
  writtenAt: string;
  note: string;
}

/** Someone a supervisor may hand a claim to (GET /api/triage/assignees). */
export interface Assignee {
  id: string;
  name: string;
  roles: string[];
  mayResolve: boolean;
}
