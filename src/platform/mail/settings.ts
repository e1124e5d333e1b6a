/**
 * How a deployment sends mail. `startTls` applies to `smtp://` (an `smtps://` URL is TLS from
 * the first byte): `required` refuses to send over a connection that could not be upgraded
 * (the default), `opportunistic` upgrades when the server offers it, `never` stays in clear
 * (a relay on the same machine or network only).
 */
export const startTlsPolicies = ['required', 'opportunistic', 'never'] as const;
export type StartTlsPolicy = (typeof startTlsPolicies)[number];

export interface MailSettings {
  /** VIGIE_SMTP_URL: `smtp://user:pass@host:587` or `smtps://…:465`; undefined: mail is not configured. */
  smtpUrl?: string;
  /** VIGIE_SMTP_STARTTLS */
  startTls: StartTlsPolicy;
  /** VIGIE_MAIL_FROM: `Name <address>` or an address; undefined: mail is not configured. */
  from?: string;
}

/** The settings from the deployment's configuration. */
export function mailSettingsFrom(config: { smtpUrl?: string; smtpStartTls: StartTlsPolicy; mailFrom?: string }): MailSettings {
  return {
    ...(config.smtpUrl ? { smtpUrl: config.smtpUrl } : {}),
    startTls: config.smtpStartTls,
    ...(config.mailFrom ? { from: config.mailFrom } : {}),
  };
}

/** The address part of `Name <address>` (or the whole value), without checking it further. */
export function addressOf(mailbox: string): string {
  const bracketed = /<([^<>]+)>\s*$/.exec(mailbox);
  return (bracketed ? bracketed[1]! : mailbox).trim();
}

/** The domain Message-IDs are made under: the sender's. */
export function messageIdDomainOf(from: string): string {
  const address = addressOf(from);
  const at = address.lastIndexOf('@');
  return at >= 0 ? address.slice(at + 1).toLowerCase() : 'vigie.invalid';
}
