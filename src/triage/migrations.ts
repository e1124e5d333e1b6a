import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../platform/store/index.js';

/**
 * Claims, assessments and their reviews. Each hangs off its report and goes with it (the
 * foreign keys cascade when a report is deleted at the end of its retention). Staff are
 * named by their user id, without a foreign key into identity's tables.
 */
export const triageMigrations: Migrations = {
  '20261210-20-triage': {
    async up(db: Kysely<unknown>) {
      await sql`
        create table triage_claims (
          report_id uuid primary key references reports(id) on delete cascade,
          claimed_by uuid not null,
          purpose text not null check (purpose in ('assess', 'confirm', 'resolve')),
          claimed_at timestamptz not null,
          expires_at timestamptz not null
        );
        create index triage_claims_expiry on triage_claims (expires_at);
        create index triage_claims_user on triage_claims (claimed_by, expires_at);

        create table triage_assessments (
          id uuid primary key,
          report_id uuid not null references reports(id) on delete cascade,
          kind text not null check (kind in ('assessment', 'resolution')),
          assessed_by uuid not null,
          assessed_at timestamptz not null,
          legal_status text not null check (legal_status in ('baseline', 'national', 'not_illegal')),
          category text not null,
          age_group text check (age_group in ('infant_toddler', 'prepubescent', 'pubescent')),
          imagery_class text check (imagery_class in ('A1', 'A2', 'B1', 'B2')),
          note_sealed text,
          state text not null check (state in ('awaiting_confirmation', 'confirmed', 'disputed', 'final')),
          final_at timestamptz,
          confirmed_by uuid,
          check ((final_at is not null) = (state in ('confirmed', 'final')))
        );
        create index triage_assessments_report on triage_assessments (report_id, assessed_at);
        create unique index triage_assessments_final on triage_assessments (report_id) where final_at is not null;

        create table triage_reviews (
          id uuid primary key,
          assessment_id uuid not null references triage_assessments(id) on delete cascade,
          report_id uuid not null references reports(id) on delete cascade,
          reviewed_by uuid not null,
          reviewed_at timestamptz not null,
          decision text not null check (decision in ('confirmed', 'disagreed')),
          fields text[] not null,
          note_sealed text
        );
        create index triage_reviews_report on triage_reviews (report_id, reviewed_at);
        create unique index triage_reviews_assessment on triage_reviews (assessment_id);
      `.execute(db);
    },
  },
};
