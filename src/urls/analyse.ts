import { canonicalise, CanonicalUrlError, type CanonicalUrl } from './canonical.js';
import type { HostAddresses, HostResolver } from './dns.js';
import type { GeoFacts } from './geo-dataset.js';
import type { UrlItem } from './ports.js';
import type { RdapAnswer } from './rdap.js';

/** Something that could not be learnt about a URL, recorded with its analysis. */
export interface AnalysisError {
  stage: 'url' | 'dns' | 'geo' | 'rdap';
  code: string;
  address?: string;
  detail?: string;
}

export interface AddressAnalysis {
  address: string;
  geo: GeoFacts;
  rdap: RdapAnswer;
}

export interface UrlAnalysisResult {
  item: UrlItem;
  canonical: CanonicalUrl | null;
  dns: HostAddresses;
  addresses: AddressAnalysis[];
  errors: AnalysisError[];
}

export interface AnalysisTools {
  resolve: HostResolver;
  /** Throws when the dataset cannot be loaded; names the parts of it that are missing. */
  locate: (address: string) => Promise<GeoFacts & { missing?: readonly string[] }>;
  rdap: (address: string) => Promise<RdapAnswer>;
  /** Hosts looked up at once. */
  concurrency?: number;
}

const unknownPlace: GeoFacts = { country: null, asn: null, organisation: null };

/** Runs `work` over the items, at most `limit` at a time, keeping their order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const at = next++;
      results[at] = await work(items[at]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * RDAP queries one after the other: an address in a network just asked about is then
 * answered from the cache, and a registry gets one query at a time from a job.
 */
function oneAtATime<R>(lookup: (key: string) => Promise<R>): (key: string) => Promise<R> {
  let queue: Promise<unknown> = Promise.resolve();
  return (key) => {
    const result = queue.then(() => lookup(key));
    queue = result.catch(() => undefined);
    return result;
  };
}

/** Memoises an async lookup by its key for the length of one analysis. */
function once<R>(lookup: (key: string) => Promise<R>): (key: string) => Promise<R> {
  const seen = new Map<string, Promise<R>>();
  return (key) => {
    let pending = seen.get(key);
    if (!pending) seen.set(key, (pending = lookup(key)));
    return pending;
  };
}

/**
 * Analyses reported URLs without ever fetching them: canonical form and registrable domain,
 * the host's addresses, each address's country and network from the offline dataset and its
 * network's abuse contact by RDAP. Each host is looked up once, each address once, however
 * many URLs share them; hosts several at a time, RDAP one query at a time. Nothing here
 * throws for a URL: what fails is recorded in `errors`.
 */
export async function analyseUrls(items: readonly UrlItem[], tools: AnalysisTools): Promise<UrlAnalysisResult[]> {
  const resolve = once(tools.resolve);
  const rdap = once(oneAtATime(tools.rdap));
  const locate = once(async (address: string): Promise<(GeoFacts & { missing?: readonly string[] }) | { failed: string }> => {
    try {
      return await tools.locate(address);
    } catch (error) {
      return { failed: error instanceof Error ? error.name : 'Error' };
    }
  });

  return mapLimited(items, tools.concurrency ?? 8, async (item) => {
    const errors: AnalysisError[] = [];
    let canonical: CanonicalUrl;
    try {
      canonical = canonicalise(item.url);
    } catch (error) {
      const code = error instanceof CanonicalUrlError ? error.code : 'invalid_url';
      return {
        item,
        canonical: null,
        dns: { outcome: 'error', addresses: [], errors: [] },
        addresses: [],
        errors: [{ stage: 'url', code }],
      };
    }
    const dns = await resolve(canonical.host);
    if (dns.outcome !== 'resolved' && dns.outcome !== 'ip_literal') errors.push({ stage: 'dns', code: dns.outcome });
    // Looked up concurrently, but each address's errors are listed in the DNS answer's order.
    const perAddress = await Promise.all(
      dns.addresses.map(async (address): Promise<{ analysis: AddressAnalysis; errors: AnalysisError[] }> => {
        const [place, answer] = await Promise.all([locate(address), rdap(address)]);
        const found: AnalysisError[] = [];
        if ('failed' in place) found.push({ stage: 'geo', code: 'dataset_unavailable', address });
        else for (const part of place.missing ?? []) found.push({ stage: 'geo', code: `${part}_dataset_missing`, address });
        if (answer.outcome !== 'found')
          found.push({ stage: 'rdap', code: answer.outcome, address, ...(answer.detail ? { detail: answer.detail } : {}) });
        const geo = 'failed' in place ? unknownPlace : { country: place.country, asn: place.asn, organisation: place.organisation };
        return { analysis: { address, geo, rdap: answer }, errors: found };
      }),
    );
    for (const each of perAddress) errors.push(...each.errors);
    return { item, canonical, dns, addresses: perAddress.map((each) => each.analysis), errors };
  });
}

/** The countries of a URL's addresses, in the order of its addresses, without repeats. */
export const countriesOf = (result: Pick<UrlAnalysisResult, 'addresses'>) => [
  ...new Set(result.addresses.flatMap((address) => (address.geo.country ? [address.geo.country] : []))),
];
