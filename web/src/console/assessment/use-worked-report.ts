import type { ReportAssessment } from '../queue/types.js';
import { useLoaded, type ReportDetail } from '../reports/index.js';

/** The report being worked: its non-personal view and where it stands in the assessment. */
export function useWorkedReport(id: string) {
  const report = useLoaded<ReportDetail>(`/api/reports/${encodeURIComponent(id)}`);
  const assessment = useLoaded<ReportAssessment>(`/api/triage/reports/${encodeURIComponent(id)}`);
  return { report: report.data, assessment: assessment.data, error: report.error ?? assessment.error, reload: assessment.reload };
}
