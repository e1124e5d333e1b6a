import { Type, type Static, type TSchema } from 'typebox';
import { dnsOutcomes } from './dns.js';
import { rdapOutcomes } from './rdap.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });

export const IdParams = Type.Object({ id: Uuid });

export const AddressHosting = Type.Object({
  address: Type.String({ description: 'An IPv4 or IPv6 address of the host' }),
  country: Nullable(Type.String({ description: 'ISO 3166-1 alpha-2, from the offline dataset' })),
  asn: Nullable(Type.Integer({ description: 'The autonomous system that announces the address' })),
  organisation: Nullable(Type.String()),
  rdap: Type.Enum([...rdapOutcomes]),
  network: Nullable(Type.Object({ handle: Nullable(Type.String()), name: Nullable(Type.String()), country: Nullable(Type.String()) })),
  abuse: Nullable(Type.Object({ handle: Nullable(Type.String()), name: Nullable(Type.String()), emails: Type.Array(Type.String()) })),
});
export type AddressHosting = Static<typeof AddressHosting>;

export const AnalysisProblem = Type.Object({
  stage: Type.Enum(['url', 'dns', 'geo', 'rdap']),
  code: Type.String(),
  address: Type.Optional(Type.String()),
  detail: Type.Optional(Type.String()),
});

/** What is known of where one reported URL is hosted: no part of the URL but its host. */
export const UrlAnalysis = Type.Object({
  itemId: Uuid,
  reportId: Uuid,
  host: Type.String(),
  registrableDomain: Nullable(Type.String()),
  dns: Type.Enum([...dnsOutcomes]),
  countries: Type.Array(Type.String(), { description: 'Countries of the addresses, in their order' }),
  addresses: Type.Array(AddressHosting),
  errors: Type.Array(AnalysisProblem),
  dataset: Nullable(Type.String({ description: 'The versions of the geo dataset used' })),
  analysedAt: Type.String({ format: 'date-time' }),
});
export type UrlAnalysis = Static<typeof UrlAnalysis>;

export const ReportHosting = Type.Object({
  reportId: Uuid,
  urls: Type.Array(UrlAnalysis, { description: 'The analysed URLs of the report and its additions; a URL not yet analysed is absent' }),
  attribution: Type.Array(Type.String(), { description: 'Sources of the country and network data, to show with them' }),
});
export type ReportHosting = Static<typeof ReportHosting>;
