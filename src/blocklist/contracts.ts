import { Type, type Static } from 'typebox';
import { blocklistFormats } from './model.js';

const closed = { additionalProperties: false } as const;

export const DownloadQuery = Type.Object(
  {
    format: Type.Optional(
      Type.Enum([...blocklistFormats], {
        description: '`txt` (one URL a line), `csv` or `json`; without it, from the Accept header (text/plain by default)',
      }),
    ),
    since: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 2_147_483_647,
        description: 'The version the partner holds: answers the exact difference since it (0: everything, as additions)',
      }),
    ),
  },
  closed,
);
export type DownloadQuery = Static<typeof DownloadQuery>;

export const VersionList = Type.Object({
  versions: Type.Array(
    Type.Object({
      version: Type.Integer(),
      createdAt: Type.String({ format: 'date-time' }),
      size: Type.Integer({ description: 'URLs listed at this version' }),
      added: Type.Integer(),
      removed: Type.Integer(),
    }),
  ),
});

export const RefreshAnswer = Type.Object({ queued: Type.Boolean({ description: 'false: a refresh was already waiting' }) });
