import { bindContext as bind } from '../platform/context/index.js';
import { assessmentCounts, assessmentQueue } from './assessment-queue.js';
import { assessmentPositionsOf, lockForAssessment, moveAssessment } from './assessment-stage.js';
import { ReportContext, type ReportDeps } from './context.js';
import { clusterOf, clustersOf } from './clusters.js';
import { crossMatch } from './cross-match.js';
import * as helpline from './helpline.js';
import * as hotelIntake from './hotel-intake.js';
import * as hotels from './hotels.js';
import { expireIdempotencyClaims, expireIdempotencyJob, type ExpireIdempotencyData } from './idempotency-expiry.js';
import * as ncmec from './ncmec.js';
import { detectMedia } from './media-detection.js';
import { mediaHashesOf } from './media-hashes.js';
import { purgeMedia } from './media-retention.js';
import { crossMatchJob, detectMediaJob, purgeMediaJob, type CrossMatchData, type DetectMediaData } from './model.js';
import { viewQuarantinedMedia } from './quarantine.js';
import { stageUpload } from './upload-stage.js';
import * as publicUse from './public.js';
import * as staff from './staff.js';
import { readGrantedReport } from './granted.js';
import * as submit from './submit.js';
import * as urlAnalysis from './url-analysis.js';

/** What this module needs to define its jobs. */
export interface JobDefiner {
  define<Data extends object>(
    name: string,
    handler: (job: { data: Data }) => Promise<void>,
    options?: { retryLimit?: number; expireSeconds?: number },
  ): void;
}

/** The intake use cases, bound to one database. */
export function createReportService(deps: ReportDeps) {
  const ctx = new ReportContext(deps);
  return {
    submitPartnerReport: bind(ctx, submit.submitPartnerReport),
    submitPartnerBatch: bind(ctx, submit.submitPartnerBatch),
    submitForwardedReport: bind(ctx, submit.submitForwardedReport),
    submitPublicReport: bind(ctx, submit.submitPublicReport),
    recordCall: bind(ctx, helpline.recordCall),
    submitNcmecReport: bind(ctx, ncmec.submitNcmecReport),
    submitHotelReport: bind(ctx, hotelIntake.submitHotelReport),
    addHotel: bind(ctx, hotels.addHotel),
    listHotels: bind(ctx, hotels.listHotels),
    readKeyScope: bind(ctx, hotels.readKeyScope),
    setKeyScope: bind(ctx, hotels.setKeyScope),
    hotelsOfKey: bind(ctx, hotels.hotelsOfKey),
    expireIdempotencyClaims: bind(ctx, expireIdempotencyClaims),
    readUrlsForAnalysis: bind(ctx, urlAnalysis.readUrlsForAnalysis),
    addUrlMatchKeys: bind(ctx, urlAnalysis.addUrlMatchKeys),
    reportExists: bind(ctx, urlAnalysis.reportExists),
    publicStatus: bind(ctx, publicUse.publicStatus),
    addInformation: bind(ctx, publicUse.addInformation),
    listReports: bind(ctx, staff.listReports),
    readReport: bind(ctx, staff.readReport),
    readPersonalData: bind(ctx, staff.readPersonalData),
    readGrantedReport: bind(ctx, readGrantedReport),
    crossMatch: bind(ctx, crossMatch),
    clusterOf: bind(ctx, clusterOf),
    clustersOf: bind(ctx, clustersOf),
    /** The PDQ hashes of reports' media held by this process for linking, and the bytes they take. */
    linkingIndexStats: () => ({ hashes: ctx.pdqIndex.size, bytes: ctx.pdqIndex.bytesUsed() }),
    // Triage: the assessment queue, and the steps of an assessment in triage's own transaction.
    assessmentQueue: bind(ctx, assessmentQueue),
    assessmentCounts: bind(ctx, assessmentCounts),
    assessmentPositionsOf: bind(ctx, assessmentPositionsOf),
    lockForAssessment: bind(ctx, lockForAssessment),
    moveAssessment: bind(ctx, moveAssessment),
    stageUpload: bind(ctx, stageUpload),
    viewQuarantinedMedia: bind(ctx, viewQuarantinedMedia),
    detectMedia: bind(ctx, detectMedia),
    mediaHashesOf: bind(ctx, mediaHashesOf),
    purgeMedia: bind(ctx, purgeMedia),
  };
}

export type ReportService = ReturnType<typeof createReportService>;

/** Declares the module's jobs on the queue (before it starts). */
export function defineReportJobs(jobs: JobDefiner, reports: ReportService): void {
  jobs.define<CrossMatchData>(
    crossMatchJob,
    async (job) => {
      await reports.crossMatch(job.data.reportIds);
    },
    { retryLimit: 10, expireSeconds: 300 },
  );
  jobs.define<DetectMediaData>(
    detectMediaJob,
    async (job) => {
      await reports.detectMedia(job.data.reportIds);
    },
    { retryLimit: 10, expireSeconds: 300 },
  );
  jobs.define<ExpireIdempotencyData>(
    expireIdempotencyJob,
    async (job) => {
      await reports.expireIdempotencyClaims(job.data.retentionDays);
    },
    { retryLimit: 5, expireSeconds: 600 },
  );
  jobs.define<object>(
    purgeMediaJob,
    async () => {
      await reports.purgeMedia();
    },
    { retryLimit: 5, expireSeconds: 600 },
  );
}
