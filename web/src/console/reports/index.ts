export type { ReportDetail, ReportSummary, MediaItem } from './types.js';
export { useLoaded, type Loaded } from './use-loaded.js';
