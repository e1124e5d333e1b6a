import { addressOf } from '../platform/mail/index.js';
import { parseDnsServers } from '../urls/index.js';
import { parseAllowList } from './address-policy.js';
import type { NoticeLanguage, NoticeSender } from './notice-templates.js';
import type { RemovalCheckOptions } from './removal-check.js';

/** Says what it is and why it asks, so that a host's operator can tell. */
export const removalCheckUserAgent = 'Vigie-RemovalCheck/1.0 (notice and takedown: is reported content still online?)';

/** The checker's options from the deployment's configuration; throws naming VIGIE_FETCH_ALLOW when a range is wrong. */
export function removalCheckOptionsFrom(config: {
  fetchAllow: string;
  fetchConnectTimeoutMs: number;
  fetchTimeoutMs: number;
  fetchMaxBytes: number;
  dnsServers: string;
  dnsTimeoutMs: number;
}): RemovalCheckOptions {
  return {
    allow: parseAllowList(config.fetchAllow),
    dnsServers: parseDnsServers(config.dnsServers),
    dnsTimeoutMs: config.dnsTimeoutMs,
    connectTimeoutMs: config.fetchConnectTimeoutMs,
    timeoutMs: config.fetchTimeoutMs,
    maxBytes: config.fetchMaxBytes,
    maxRedirects: 5,
    userAgent: removalCheckUserAgent,
  };
}

/** Who signs notices, from the deployment's configuration; the contact defaults to VIGIE_MAIL_FROM's address. */
export function noticeSenderFrom(config: {
  deploymentName: string;
  deploymentContact?: string;
  mailFrom?: string;
  noticeLegalBasis: Readonly<Record<NoticeLanguage, string>>;
}): NoticeSender {
  const fromAddress = config.mailFrom ? addressOf(config.mailFrom) : '';
  return {
    deploymentName: config.deploymentName,
    deploymentContact: config.deploymentContact || fromAddress,
    legalBasis: { fr: config.noticeLegalBasis.fr, en: config.noticeLegalBasis.en },
  };
}
