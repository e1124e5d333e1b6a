import { common } from './en/common.js';
import { portal } from './en/portal.js';
import { report } from './en/report.js';

/**
 * The English strings of the public pages (the portal, the neutral page) and of the code they
 * share with the console: all those pages load, so a reporter's phone does not fetch the console's.
 */
export const enPublic = {
  ...common,
  ...report,
  ...portal,
} as const;
export type PublicKey = keyof typeof enPublic;
