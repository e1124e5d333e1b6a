import { canonicalise, CanonicalUrlError } from '../urls/index.js';
import type { IllegalReport, Removal, ReportedUrl } from './ports.js';

export interface DesiredList {
  /** Canonical URLs that belong on the list now. */
  urls: Set<string>;
  /** URL items that are not web URLs (intake accepts none, but an old record could hold one). */
  skipped: number;
}

/**
 * Which URLs belong on the list, from the sources of truth. A canonical URL is listed when a
 * report naming it has an illegal final assessment, unless its content was confirmed removed
 * after the latest such assessment: a removal takes the URL off; a report assessed illegal
 * after that removal (the content put back) lists it again, until its own removal.
 */
export function desiredList(illegal: readonly IllegalReport[], urls: readonly ReportedUrl[], removals: readonly Removal[]): DesiredList {
  const assessedAt = new Map(illegal.map((report) => [report.reportId, Date.parse(report.at)]));
  const removedAt = new Map<string, number>();
  for (const removal of removals) {
    const at = Date.parse(removal.at);
    for (const itemId of removal.itemIds) removedAt.set(itemId, Math.max(removedAt.get(itemId) ?? -Infinity, at));
  }
  const latest = new Map<string, { assessed: number; removed: number }>();
  let skipped = 0;
  for (const item of urls) {
    const assessed = assessedAt.get(item.reportId);
    if (assessed === undefined) continue;
    let canonical: string;
    try {
      canonical = canonicalise(item.url).canonical;
    } catch (error) {
      if (!(error instanceof CanonicalUrlError)) throw error;
      skipped += 1;
      continue;
    }
    const seen = latest.get(canonical) ?? { assessed: -Infinity, removed: -Infinity };
    latest.set(canonical, {
      assessed: Math.max(seen.assessed, assessed),
      removed: Math.max(seen.removed, removedAt.get(item.itemId) ?? -Infinity),
    });
  }
  const listed = new Set<string>();
  for (const [canonical, times] of latest) if (times.assessed > times.removed) listed.add(canonical);
  return { urls: listed, skipped };
}
