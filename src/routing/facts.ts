import type { AgeGroup, Category, Channel } from '../reports/index.js';
import type { UrlAnalysis } from '../urls/index.js';
import type { AssessmentFacts, AssessmentSource, RoutingReports, RoutingUrls } from './ports.js';

/** Where one URL of the report is hosted: each address's country, network and abuse contact. */
export interface HostedUrl {
  itemId: string;
  host: string;
  addresses: {
    country: string | null;
    asn: number | null;
    organisation: string | null;
    network: { handle: string | null; name: string | null } | null;
    abuse: { handle: string | null; name: string | null; emails: string[] } | null;
  }[];
}

/** Everything a rule may test about one report: no personal data. */
export interface ReportFacts {
  reportId: string;
  receivedAt: string;
  urgent: boolean;
  /** The reported category (rules read the assessed one first, `effectiveCategory`). */
  category: Category;
  channel: Channel;
  hotel: boolean;
  knownContent: boolean;
  ageGroup: AgeGroup | null;
  childDescribed: boolean;
  placeCountries: string[];
  assessment: AssessmentFacts | null;
  urls: HostedUrl[];
  /** False while some URL of the report has not been analysed yet. */
  hostingComplete: boolean;
}

export interface FactSources {
  reports: RoutingReports;
  urls: RoutingUrls;
  assessments: AssessmentSource;
}

function hostedUrlOf(analysis: UrlAnalysis): HostedUrl {
  return {
    itemId: analysis.itemId,
    host: analysis.host,
    addresses: analysis.addresses.map((address) => ({
      country: address.country,
      asn: address.asn,
      organisation: address.organisation,
      network: address.network ? { handle: address.network.handle, name: address.network.name } : null,
      abuse: address.abuse,
    })),
  };
}

/** The category rules test: the analyst's, who may correct the reporter's, else the reported one. */
export const effectiveCategory = (facts: ReportFacts): Category => facts.assessment?.category ?? facts.category;

/** Reads the facts of a report from the modules that hold them: reports, URL analysis, triage. */
export async function factsOf(sources: FactSources, reportId: string): Promise<ReportFacts> {
  const [report, analyses, assessment] = await Promise.all([
    sources.reports.readReport(reportId),
    sources.urls.urlAnalysesOf([reportId]),
    sources.assessments.finalAssessmentOf(reportId),
  ]);
  return {
    reportId,
    receivedAt: report.receivedAt,
    urgent: report.urgent,
    category: report.category,
    channel: report.channel,
    hotel: report.channel === 'hotel' || report.hotel !== null,
    knownContent: report.knownContent,
    ageGroup: report.ageGroup,
    childDescribed: report.counts.children > 0,
    placeCountries: report.countries,
    assessment,
    urls: analyses.map(hostedUrlOf),
    hostingComplete: analyses.length >= report.counts.urls,
  };
}
