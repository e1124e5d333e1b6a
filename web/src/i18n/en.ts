import { admin } from './en/admin.js';
import { analyst } from './en/analyst.js';
import { common } from './en/common.js';
import { console_ } from './en/console.js';
import { demo } from './en/demo.js';
import { portal } from './en/portal.js';
import { partners } from './en/partners.js';
import { referrals } from './en/referrals.js';
import { report } from './en/report.js';
import { takedowns } from './en/takedowns.js';

/** The English catalogue: every string the pages show. The French one has the same keys (checked by the type and by a test). */
export const en = {
  ...common,
  ...report,
  ...portal,
  ...console_,
  ...analyst,
  ...referrals,
  ...demo,
  ...partners,
  ...admin,
  ...takedowns,
} as const;
export type MessageKey = keyof typeof en;
