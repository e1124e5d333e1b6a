import { sql, type Kysely } from 'kysely';
import type { Migrations } from '../platform/store/index.js';

/**
 * The assessment stage of each report (assessment-stage.ts), which triage moves; every
 * report, those already held included, starts awaiting an analyst. The queue reads the
 * reports not final, by priority then age, and counts them by stage, each from a partial
 * index that holds only the queue (final reports drop out of both).
 */
export const reportAssessmentMigrations: Migrations = {
  '20261210-10-reports-assessment-stage': {
    async up(db: Kysely<unknown>) {
      await sql`
        alter table reports add column assessment_stage text not null default 'awaiting'
          check (assessment_stage in ('awaiting', 'confirming', 'disputed', 'final'));
        create index reports_assessment_queue on reports (priority desc, received_at, id) where assessment_stage <> 'final';
        create index reports_assessment_counts on reports (assessment_stage, urgent, known_content) where assessment_stage <> 'final';
      `.execute(db);
    },
  },
};
