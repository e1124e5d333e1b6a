import { Type } from 'typebox';
import { countryCodes, subdivisionPattern } from './countries.js';

/**
 * The building blocks of the report schema. Every string is capped, and text refuses the
 * control characters (C0 but tab and newline, DEL, C1) and unpaired surrogates, which
 * have no place in a report and can hide content from the analyst who reads it.
 */
const forbiddenInText = '\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF';
const forbiddenInLine = '\\u0000-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF';
export const textPattern = `^[^${forbiddenInText}]*$`;
export const linePattern = `^[^${forbiddenInLine}]*$`;

/** Free text over several lines (tab and newline allowed), in any language. */
export const Text = (maxLength: number, description: string) => Type.String({ minLength: 1, maxLength, pattern: textPattern, description });

/** One line of text. */
export const Line = (maxLength: number, description: string) => Type.String({ minLength: 1, maxLength, pattern: linePattern, description });

export const Url = Type.String({
  format: 'uri',
  maxLength: 2048,
  pattern: '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s]+$',
  description: 'An absolute http or https URL (an IRI is sent in its URI form, as `new URL(iri).href` gives it)',
});

export const Email = Type.String({ format: 'email', maxLength: 254, description: 'An e-mail address' });

export const Phone = Type.String({
  pattern: '^\\+[1-9][0-9]{6,14}$',
  description: 'A telephone number in E.164 form: +, country code, number, digits only',
});

export const LanguageTag = Type.String({
  maxLength: 35,
  pattern: '^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-(?:[a-zA-Z]{2}|[0-9]{3}))?(-(?:[a-zA-Z0-9]{5,8}|[0-9][a-zA-Z0-9]{3}))*$',
  description: 'A BCP 47 language tag: language, then optionally script, region and variants (fr, en-GB, zh-Hant-TW)',
});

export const Country = Type.Enum([...countryCodes], { description: 'An ISO 3166-1 alpha-2 country code (and XK for Kosovo)' });

export const Subdivision = Type.String({
  pattern: subdivisionPattern,
  description: 'An ISO 3166-2 subdivision code, CC-XXX, whose country part is a known country code',
});

export const DateTime = Type.String({ format: 'date-time', maxLength: 40, description: 'RFC 3339 date and time with its offset' });

export const DateOrDateTime = Type.String({
  maxLength: 40,
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2}))?$',
  description: 'A date (2024-05-01) or an RFC 3339 date and time (2024-05-01T21:30:00+02:00)',
});

export const hex = (bytes: number, description: string) => Type.String({ pattern: `^[0-9a-fA-F]{${bytes * 2}}$`, description });

export const FileName = Type.String({
  minLength: 1,
  maxLength: 255,
  pattern: '^[^/\\\\\\u0000-\\u001F\\u007F-\\u009F\\uD800-\\uDFFF]+$',
  description: 'A file name as the reporter knew it, without any folder (no / or \\)',
});

export const MediaType = Type.String({
  maxLength: 100,
  pattern: '^[a-z]+/[a-z0-9][a-z0-9.+-]*$',
  description: 'A media type, lower case, without parameters (image/jpeg, video/mp4)',
});

export const Uuid = Type.String({ format: 'uuid' });

export const Age = (maximum: number) => Type.Integer({ minimum: 0, maximum, description: 'Age in completed years' });

export const AgeRange = (maximum: number) =>
  Type.Object(
    { min: Age(maximum), max: Age(maximum) },
    { additionalProperties: false, description: 'An estimated age range, bounds included' },
  );

export const Gender = Type.Enum(['female', 'male', 'other', 'unknown'], { description: 'Gender as perceived or stated' });
