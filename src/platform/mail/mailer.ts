import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { messageIdDomainOf, type MailSettings } from './settings.js';

/** A message as callers give it; the sender is the deployment's (VIGIE_MAIL_FROM). */
export interface MailMessage {
  to: string | readonly string[];
  subject: string;
  text: string;
  html?: string;
  /** Extra header fields (`Auto-Submitted`, `X-…`, `References`). */
  headers?: Readonly<Record<string, string>>;
}

export interface OutgoingMail extends MailMessage {
  /** `<id@domain>`; a new one when absent. The same one on a retry makes it the same message. */
  messageId?: string;
  /** The Date header; now when absent. */
  date?: Date;
}

export interface SentMail {
  messageId: string;
  /** How many recipients the server accepted and refused (never their addresses: logs and tables keep counts). */
  accepted: number;
  rejected: number;
}

/**
 * Why sending failed: `not_configured` (VIGIE_SMTP_URL or VIGIE_MAIL_FROM missing),
 * `refused` (the server refused the message or every recipient, a 5xx: sending it again
 * would be refused again), `transient` (anything else: a connection, a timeout, a 4xx, the
 * TLS policy, authentication — sending again later may succeed). The message names codes
 * only, never an address or a server's text, which may quote one.
 */
export class MailError extends Error {
  constructor(
    readonly kind: 'not_configured' | 'refused' | 'transient',
    readonly code: string,
    readonly responseCode?: number,
  ) {
    super(
      kind === 'not_configured'
        ? `Mail is not configured: ${code} is not set`
        : `Sending failed: ${code}${responseCode ? ` ${responseCode}` : ''}`,
    );
    this.name = 'MailError';
  }
}

export interface Mailer {
  /** The setting that is missing, if one is: every send then fails with a `not_configured` MailError. */
  readonly missingSetting: 'VIGIE_SMTP_URL' | 'VIGIE_MAIL_FROM' | null;
  /** A new Message-ID, under the sender's domain. */
  newMessageId(): string;
  sendMail(mail: OutgoingMail): Promise<SentMail>;
  close(): void;
}

export interface MailerOptions {
  /** Trust anchors for the server's certificate instead of Node's bundled ones (a private relay's CA; tests). */
  ca?: string | Buffer;
  connectionTimeoutMs?: number;
  /** The longest the connection may stay idle, the DATA phase included. */
  socketTimeoutMs?: number;
}

const codeOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'EUNKNOWN';
const responseCodeOf = (error: unknown): number | undefined =>
  typeof error === 'object' && error !== null && 'responseCode' in error && typeof error.responseCode === 'number'
    ? error.responseCode
    : undefined;

function mailErrorOf(error: unknown): MailError {
  const code = codeOf(error);
  const responseCode = responseCodeOf(error);
  // A 5xx to MAIL FROM, RCPT TO or DATA, or an envelope nodemailer cannot even write (no
  // valid recipient): this message will never go. A 5xx to AUTH is a setting to fix: transient.
  const aboutTheMessage = code === 'EENVELOPE' || code === 'EMESSAGE';
  const refusedByServer = aboutTheMessage && (responseCode === undefined || responseCode >= 500);
  return new MailError(refusedByServer ? 'refused' : 'transient', code, responseCode);
}

function transportOptions(smtpUrl: string, settings: MailSettings, options: MailerOptions): SMTPTransport.Options {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port === '' ? (secure ? 465 : 587) : Number(url.port),
    secure,
    requireTLS: !secure && settings.startTls === 'required',
    ignoreTLS: !secure && settings.startTls === 'never',
    opportunisticTLS: settings.startTls === 'opportunistic',
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    tls: { rejectUnauthorized: true, minVersion: 'TLSv1.2', ...(options.ca !== undefined ? { ca: options.ca } : {}) },
    connectionTimeout: options.connectionTimeoutMs ?? 30_000,
    greetingTimeout: options.connectionTimeoutMs ?? 30_000,
    socketTimeout: options.socketTimeoutMs ?? 60_000,
    // Messages are made of text given by Vigie: never read a file or fetch a URL named in one.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/**
 * Mail by SMTP (nodemailer), one connection per message: notices are few, and a fresh
 * connection leaves no half-dead pooled socket behind a failure.
 */
export function createMailer(settings: MailSettings, options: MailerOptions = {}): Mailer {
  const { smtpUrl, from } = settings;
  const missing = !smtpUrl ? 'VIGIE_SMTP_URL' : !from ? 'VIGIE_MAIL_FROM' : null;
  const transport = smtpUrl && from ? nodemailer.createTransport(transportOptions(smtpUrl, settings, options)) : null;
  const domain = from ? messageIdDomainOf(from) : 'vigie.invalid';
  const newMessageId = () => `<${randomUUID()}@${domain}>`;
  return {
    missingSetting: missing,
    newMessageId,
    async sendMail(mail) {
      if (!transport || !from) throw new MailError('not_configured', missing ?? 'VIGIE_SMTP_URL');
      const messageId = mail.messageId ?? newMessageId();
      try {
        const info = await transport.sendMail({
          from,
          to: typeof mail.to === 'string' ? mail.to : [...mail.to],
          subject: mail.subject,
          text: mail.text,
          ...(mail.html !== undefined ? { html: mail.html } : {}),
          ...(mail.headers ? { headers: { ...mail.headers } } : {}),
          messageId,
          date: mail.date ?? new Date(),
        });
        return { messageId, accepted: info.accepted.length, rejected: info.rejected.length };
      } catch (error) {
        throw mailErrorOf(error);
      }
    },
    close: () => transport?.close(),
  };
}
