import { Type, type Static, type TSchema } from 'typebox';
import { noticeStates, urlStates } from './model.js';
import { noticeLanguages } from './notice-templates.js';

const closed = { additionalProperties: false } as const;
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });
/** A host or registrable domain as the canonical form writes it: lower case, punycode, no trailing dot. */
const HostName = Type.String({
  minLength: 1,
  maxLength: 253,
  pattern: '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$',
});

export const NoticeState = Type.Enum([...noticeStates]);
export const UrlState = Type.Enum([...urlStates]);
export const NoticeLanguage = Type.Enum([...noticeLanguages]);

export const IdParams = Type.Object({ id: Uuid }, closed);
export const HostParams = Type.Object({ name: HostName }, closed);

export const TakedownFilter = Type.Object(
  {
    state: Type.Optional(NoticeState),
    host: Type.Optional(HostName),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200 })),
  },
  closed,
);
export type TakedownFilter = Static<typeof TakedownFilter>;

export const TakedownNotice = Type.Object({
  referralId: Uuid,
  reportId: Uuid,
  state: NoticeState,
  contactSource: Type.Enum(['host', 'domain', 'rdap', 'none']),
  recipients: Type.Array(Type.String()),
  attempts: Type.Integer({ description: 'Notices sent (queued); re-notices are attempts after the first' }),
  lastMailState: Nullable(Type.Enum(['queued', 'sent', 'failed'])),
  firstNoticedAt: Nullable(DateTime),
  lastNoticedAt: Nullable(DateTime),
  nextNoticeAt: Nullable(DateTime),
  stoppedAt: Nullable(DateTime),
  removedAt: Nullable(DateTime),
  registeredAt: DateTime,
});
export type TakedownNotice = Static<typeof TakedownNotice>;

export const TakedownUrl = Type.Object({
  id: Uuid,
  referralId: Uuid,
  url: Type.String(),
  state: UrlState,
  lastCheckedAt: Nullable(DateTime),
  lastOutcome: Nullable(Type.String()),
  lastStatus: Nullable(Type.Integer()),
  removedAt: Nullable(DateTime),
  secondsToRemoval: Nullable(Type.Integer()),
});
export type TakedownUrl = Static<typeof TakedownUrl>;

export const TakedownHost = Type.Object({
  host: Type.String(),
  registrableDomain: Type.String(),
  urls: Type.Array(TakedownUrl),
});

export const TakedownTracker = Type.Object({
  notices: Type.Array(TakedownNotice),
  hosts: Type.Array(TakedownHost),
  mailNotConfigured: Nullable(
    Type.String({
      description: 'The setting missing for notices to leave (VIGIE_SMTP_URL or VIGIE_MAIL_FROM); null when mail is configured',
    }),
  ),
  generatedAt: DateTime,
});
export type TakedownTracker = Static<typeof TakedownTracker>;

export const HostStats = Type.Object({
  host: Type.String(),
  notices: Type.Integer(),
  urls: Type.Integer(),
  removed: Type.Integer(),
  meanSecondsToRemoval: Nullable(Type.Integer()),
  medianSecondsToRemoval: Nullable(Type.Integer()),
  maxSecondsToRemoval: Nullable(Type.Integer()),
});
export const HostStatsList = Type.Object({ hosts: Type.Array(HostStats) });
export type HostStatsList = Static<typeof HostStatsList>;

export const NoticeStateView = Type.Object({ referralId: Uuid, state: NoticeState });

export const HostContactBody = Type.Object(
  {
    emails: Type.Array(Type.String({ format: 'email', maxLength: 254 }), { minItems: 1, maxItems: 10 }),
    language: Type.Optional(Nullable(NoticeLanguage)),
  },
  closed,
);
export type HostContactBody = Static<typeof HostContactBody>;

export const HostContactView = Type.Object({
  name: Type.String(),
  emails: Type.Array(Type.String()),
  language: Nullable(NoticeLanguage),
  updatedAt: DateTime,
});
export const HostContactList = Type.Object({ contacts: Type.Array(HostContactView) });
