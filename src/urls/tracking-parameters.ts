/**
 * Query parameters that only say how a visitor arrived (campaign tags, advertising click
 * ids, newsletter and analytics ids): they never choose the content, so the canonical form
 * drops them. Matched on the decoded name, without regard to case. Kept short on purpose:
 * a parameter that may select content on some site (`ref`, `source`, `si`, `s`, `id`) is
 * never dropped. The README lists them.
 */
export const trackingParameterPrefixes: readonly string[] = [
  'utm_', // Google Analytics campaign tags (utm_source, utm_medium, utm_campaign, utm_term, utm_content, utm_id…)
  'mtm_', // Matomo campaign tags
  'hsa_', // HubSpot ads
];

export const trackingParameterNames: readonly string[] = [
  // Advertising click ids
  'fbclid', // Facebook
  'gclid', // Google Ads
  'gclsrc',
  'dclid', // Google Display
  'gbraid', // Google Ads (iOS)
  'wbraid',
  'gad_source',
  'msclkid', // Microsoft Ads
  'yclid', // Yandex
  'ysclid',
  'twclid', // X / Twitter
  'ttclid', // TikTok
  'li_fat_id', // LinkedIn
  'epik', // Pinterest
  'rdt_cid', // Reddit
  'srsltid', // Google Merchant
  'igshid', // Instagram share ids
  'igsh',
  // Analytics and newsletters
  '_ga',
  '_gl',
  'mc_cid', // Mailchimp
  'mc_eid',
  '_hsenc', // HubSpot
  '_hsmi',
  '__hssc',
  '__hstc',
  '__hsfp',
  'mkt_tok', // Marketo
  'oly_anon_id', // Omeda
  'oly_enc_id',
  'vero_id', // Vero
  'vero_conv',
  'wickedid',
  'pk_campaign', // Piwik / Matomo (older names)
  'pk_kwd',
  'pk_source',
  'pk_medium',
  'pk_content',
];

const names = new Set(trackingParameterNames);

/** Whether a query parameter, by its decoded name, is a tracking parameter. */
export function isTrackingParameter(decodedName: string): boolean {
  const name = decodedName.toLowerCase();
  return names.has(name) || trackingParameterPrefixes.some((prefix) => name.startsWith(prefix));
}
