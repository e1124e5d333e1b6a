import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** Who is working on a report now, until when: one row per report, exclusive by its key. */
export interface TriageClaimsTable {
  report_id: string;
  /** A staff user id. */
  claimed_by: string;
  purpose: string;
  claimed_at: Timestamp;
  /** Past it the claim no longer holds: anyone may claim the report. */
  expires_at: Timestamp;
}

/** An analyst's assessment of a report (or a senior analyst's resolution of a dispute). */
export interface TriageAssessmentsTable {
  id: string;
  report_id: string;
  kind: string;
  assessed_by: string;
  assessed_at: Timestamp;
  legal_status: string;
  category: string;
  age_group: string | null;
  imagery_class: string | null;
  /** Free text, sealed (model.ts, triageSealedColumns). */
  note_sealed: string | null;
  state: string;
  /** When it became final (at most one per report); null until then. */
  final_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  confirmed_by: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A second analyst's confirmation of an assessment, or their disagreement and its fields. */
export interface TriageReviewsTable {
  id: string;
  assessment_id: string;
  report_id: string;
  reviewed_by: string;
  reviewed_at: Timestamp;
  decision: string;
  fields: string[];
  note_sealed: string | null;
}

export interface TriageTables {
  triage_claims: TriageClaimsTable;
  triage_assessments: TriageAssessmentsTable;
  triage_reviews: TriageReviewsTable;
}
