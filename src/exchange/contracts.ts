import { Type, type Static } from 'typebox';
import { ReportV1 } from '../reports/index.js';
import { exchangeFormat, exchangeStatuses } from './model.js';

const closed = { additionalProperties: false } as const;
const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });
const KeyId = Type.String({ pattern: '^[0-9a-f]{32}$', description: 'First 16 bytes of the SHA-256 of the sender’s public key, hex' });
/** An Ed25519 public key, 32 bytes in standard base64. */
const PublicKey = Type.String({ pattern: '^[A-Za-z0-9+/]{43}=$', description: 'Ed25519 public key, 32 bytes, base64' });

const content = ReportV1.properties;

/**
 * What a deployment shares of a report with a partner hotline (README, "What is shared"): the
 * category, urgency, dates and language, the URLs and the media's hashes. The narrative,
 * places, online identifiers, children, reported persons and the reporter are not part of
 * this schema, so a receiver refuses a message that carries them.
 */
export const SharedReport = Type.Object(
  {
    category: content.category,
    childInImmediateDanger: Type.Boolean(),
    occurredAt: content.occurredAt,
    submittedAt: content.submittedAt,
    language: content.language,
    urls: content.urls,
    media: content.media,
  },
  { ...closed, title: 'A report as shared between Vigie deployments' },
);
export type SharedReport = Static<typeof SharedReport>;

export const ReportPayload = Type.Object({ referralId: Uuid, report: SharedReport }, closed);
export type ReportPayload = Static<typeof ReportPayload>;

export const StatusPayload = Type.Object(
  { inReplyTo: Uuid, status: Type.Enum([...exchangeStatuses]), at: DateTime },
  { ...closed, description: 'A status of a forwarded report, back to its sender; inReplyTo is the report message’s id' },
);
export type StatusPayload = Static<typeof StatusPayload>;

const envelope = {
  format: Type.Literal(exchangeFormat),
  id: Type.String({ format: 'uuid', description: 'The message id: a retry carries the same' }),
  sender: KeyId,
  recipient: KeyId,
  sentAt: DateTime,
};

export const ReportMessage = Type.Object({ ...envelope, type: Type.Literal('report'), payload: ReportPayload }, closed);
export const StatusMessage = Type.Object({ ...envelope, type: Type.Literal('status'), payload: StatusPayload }, closed);
export const Message = Type.Union([ReportMessage, StatusMessage], { title: 'A signed message between Vigie deployments' });
export type ReportMessage = Static<typeof ReportMessage>;
export type StatusMessage = Static<typeof StatusMessage>;
export type Message = Static<typeof Message>;

/** The receiver's answer, signed like a message. */
export const Acknowledgement = Type.Object(
  {
    format: Type.Literal(exchangeFormat),
    type: Type.Literal('ack'),
    messageId: Uuid,
    sender: KeyId,
    recipient: KeyId,
    status: Type.Enum(['received', 'applied']),
  },
  closed,
);
export type Acknowledgement = Static<typeof Acknowledgement>;

export const MessageHeaders = Type.Object({
  'vigie-exchange-key': KeyId,
  'vigie-exchange-signature': Type.String({ pattern: '^[A-Za-z0-9+/]{86}==$', description: 'Ed25519 signature of the body bytes, base64' }),
});

export const DeploymentKey = Type.Object(
  {
    format: Type.Literal(exchangeFormat),
    algorithm: Type.Literal('Ed25519'),
    keyId: KeyId,
    publicKey: PublicKey,
  },
  closed,
);
export type DeploymentKey = Static<typeof DeploymentKey>;

export const PartnerInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    baseUrl: Type.String({ minLength: 8, maxLength: 500, pattern: '^https?://', description: 'The partner’s address, https' }),
    publicKey: PublicKey,
    organisationId: Type.String({ format: 'uuid', description: 'The organisation of kind hotline the partner is' }),
  },
  closed,
);
export type PartnerInput = Static<typeof PartnerInput>;

export const PartnerView = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    baseUrl: Type.String(),
    keyId: KeyId,
    publicKey: PublicKey,
    organisationId: Uuid,
    organisationName: Type.Union([Type.String(), Type.Null()]),
    country: Type.Union([Type.String(), Type.Null()]),
    createdAt: DateTime,
    forwarded: Type.Integer({ description: 'Reports forwarded to it' }),
    pending: Type.Integer({ description: 'Of those, not acknowledged yet' }),
    imported: Type.Integer({ description: 'Reports received from it' }),
  },
  closed,
);
export type PartnerView = Static<typeof PartnerView>;
export const PartnerList = Type.Object({ partners: Type.Array(PartnerView) }, closed);
