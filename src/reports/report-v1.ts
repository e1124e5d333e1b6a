import { Type, type Static } from 'typebox';
import { categories } from './categories.js';
import * as v from './vocabulary.js';

/**
 * The harmonised report, version 1: the one definition from which the TypeScript types, the
 * validation of every intake route and the published JSON Schema derive. Documented field
 * by field in README.md; any change that is not purely additive makes a version 2.
 */
export const reportFormat = 'vigie.report/1';

export const channels = ['web', 'helpline', 'partner_api', 'partner_xml', 'hotel'] as const;
export type Channel = (typeof channels)[number];

export const limits = {
  narrative: 20_000,
  description: 2_000,
  urls: 100,
  media: 100,
  onlineIdentifiers: 50,
  places: 10,
  children: 20,
  reportedPersons: 10,
  identifiersPerPerson: 20,
  aliases: 10,
  languages: 10,
  batch: 500,
  /** URLs, media and online identifiers of a whole batch, the reported persons' included. */
  batchItems: 5_000,
} as const;

const closed = { additionalProperties: false } as const;

export const OnlineIdentifier = Type.Object(
  {
    platform: Type.Optional(v.Line(100, 'The service the identifier belongs to (a social network, a game, a messaging app)')),
    username: Type.Optional(v.Line(200, 'The user name or handle on that platform')),
    email: Type.Optional(v.Email),
    phone: Type.Optional(v.Phone),
    profileUrl: Type.Optional(v.Url),
  },
  { ...closed, description: 'An account, address or number; at least one of username, email, phone, profileUrl' },
);

export const Media = Type.Object(
  {
    hashes: Type.Object(
      {
        md5: Type.Optional(v.hex(16, 'MD5 of the file')),
        sha1: Type.Optional(v.hex(20, 'SHA-1 of the file')),
        sha256: Type.Optional(v.hex(32, 'SHA-256 of the file')),
        pdq: Type.Optional(v.hex(32, 'PDQ perceptual hash of the image (256 bits)')),
      },
      { ...closed, minProperties: 1 },
    ),
    pdqQuality: Type.Optional(Type.Integer({ minimum: 0, maximum: 100, description: 'Quality of the PDQ hash, 0–100' })),
    fileName: Type.Optional(v.FileName),
    mediaType: Type.Optional(v.MediaType),
    url: Type.Optional(v.Url),
  },
  { ...closed, description: 'A picture or video, by its hashes: Vigie keeps hashes, not images' },
);

/**
 * A media item as an author sends it: by its hashes, or by the id of a file uploaded first
 * (`POST /api/public/media`, `/api/partner/media`, `/api/helpline/media`), or both. At
 * intake the upload's hashes and type are copied into the item, which is then a `Media`.
 */
export const MediaSubmission = Type.Object(
  {
    uploadId: Type.Optional(Type.String({ format: 'uuid', description: 'The id an upload answered with; used once, before it expires' })),
    hashes: Type.Optional(Media.properties.hashes),
    pdqQuality: Media.properties.pdqQuality,
    fileName: Media.properties.fileName,
    mediaType: Media.properties.mediaType,
    url: Media.properties.url,
  },
  { ...closed, description: 'A picture or video by its hashes, or by the uploadId of a file sent before, or both' },
);

export const placeRoles = ['incident', 'child', 'reported_person', 'other'] as const;

export const Place = Type.Object(
  {
    country: v.Country,
    subdivision: Type.Optional(v.Subdivision),
    city: Type.Optional(v.Line(100, 'City, town or village')),
    role: Type.Optional(Type.Enum([...placeRoles], { description: 'What happened there, or who is there' })),
  },
  closed,
);

export const Child = Type.Object(
  {
    name: Type.Optional(v.Line(200, 'A name, first name or nickname, as the reporter knows it')),
    age: Type.Optional(v.Age(21)),
    ageRange: Type.Optional(v.AgeRange(21)),
    presumedMinor: Type.Optional(Type.Boolean({ description: 'True when the age is uncertain and the child is presumed a minor' })),
    gender: Type.Optional(v.Gender),
    languages: Type.Optional(Type.Array(v.LanguageTag, { maxItems: limits.languages })),
    nationality: Type.Optional(v.Country),
    description: Type.Optional(v.Text(limits.description, 'What the reporter knows of the child')),
  },
  closed,
);

export const ReportedPerson = Type.Object(
  {
    name: Type.Optional(v.Line(200, 'Name as known to the reporter')),
    aliases: Type.Optional(Type.Array(v.Line(200, 'Another name'), { maxItems: limits.aliases })),
    age: Type.Optional(v.Age(120)),
    ageRange: Type.Optional(v.AgeRange(120)),
    gender: Type.Optional(v.Gender),
    nationality: Type.Optional(v.Country),
    description: Type.Optional(v.Text(limits.description, 'What the reporter knows of the person')),
    onlineIdentifiers: Type.Optional(Type.Array(OnlineIdentifier, { maxItems: limits.identifiersPerPerson })),
  },
  { ...closed, minProperties: 1 },
);

export const reporterRoles = [
  'child',
  'parent_or_relative',
  'professional',
  'hotel_staff',
  'internet_company',
  'member_of_public',
  'other',
] as const;

export const Reporter = Type.Object(
  {
    role: Type.Optional(Type.Enum([...reporterRoles], { description: 'Who the reporter is, without identifying them' })),
    contact: Type.Optional(
      Type.Object(
        {
          name: Type.Optional(v.Line(200, 'Name to ask for')),
          email: Type.Optional(v.Email),
          phone: Type.Optional(v.Phone),
          language: Type.Optional(v.LanguageTag),
        },
        { ...closed, minProperties: 1 },
      ),
    ),
    consentToContact: Type.Optional(Type.Boolean({ description: 'Must be true when contact details are given' })),
  },
  { ...closed, description: 'Absent, or without contact: the report is anonymous' },
);

const contentProperties = {
  category: Type.Enum([...categories], { description: 'The form of exploitation (see the NCMEC mapping)' }),
  childInImmediateDanger: Type.Optional(Type.Boolean({ description: 'A child is in immediate danger: the report jumps every queue' })),
  occurredAt: Type.Optional(v.DateOrDateTime),
  submittedAt: Type.Optional(v.DateTime),
  language: Type.Optional(v.LanguageTag),
  narrative: Type.Optional(v.Text(limits.narrative, 'What happened, in the reporter’s words and language')),
  urls: Type.Optional(Type.Array(v.Url, { maxItems: limits.urls, description: 'Where the content or the contact was seen' })),
  media: Type.Optional(Type.Array(Media, { maxItems: limits.media })),
  onlineIdentifiers: Type.Optional(Type.Array(OnlineIdentifier, { maxItems: limits.onlineIdentifiers })),
  places: Type.Optional(Type.Array(Place, { maxItems: limits.places })),
  children: Type.Optional(Type.Array(Child, { maxItems: limits.children })),
  reportedPersons: Type.Optional(Type.Array(ReportedPerson, { maxItems: limits.reportedPersons })),
  reporter: Type.Optional(Reporter),
};

/** What the author of a report says: the body of every submission. */
export const ReportContent = Type.Object(
  { ...contentProperties, media: Type.Optional(Type.Array(MediaSubmission, { maxItems: limits.media })) },
  { ...closed, title: 'Vigie report content, version 1' },
);
export type ReportContent = Static<typeof ReportContent>;

/** A report as Vigie records and exchanges it: the content in its envelope. */
export const ReportV1 = Type.Object(
  {
    format: Type.Literal(reportFormat),
    id: Type.String({ format: 'uuid', description: 'Given by the deployment that received the report' }),
    channel: Type.Enum([...channels], { description: 'How the report arrived' }),
    receivedAt: v.DateTime,
    ...contentProperties,
  },
  { ...closed, title: 'Vigie report, version 1' },
);
export type ReportV1 = Static<typeof ReportV1>;

export type OnlineIdentifier = Static<typeof OnlineIdentifier>;
export type Media = Static<typeof Media>;
export type MediaSubmission = Static<typeof MediaSubmission>;
export type Place = Static<typeof Place>;
export type Child = Static<typeof Child>;
export type ReportedPerson = Static<typeof ReportedPerson>;
export type Reporter = Static<typeof Reporter>;

/** The published JSON Schema documents, with their identifiers under the deployment's URL. */
export function publishedSchema(which: 'report' | 'report-content', publicUrl: string): Record<string, unknown> {
  const schema = which === 'report' ? ReportV1 : ReportContent;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${publicUrl.replace(/\/$/, '')}/api/schemas/${which}/v1.json`,
    ...JSON.parse(JSON.stringify(schema)),
  };
}
