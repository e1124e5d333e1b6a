import { admin } from './en/admin.js';
import { analyst } from './en/analyst.js';
import { console_ } from './en/console.js';
import { demo } from './en/demo.js';
import { partners } from './en/partners.js';
import { referrals } from './en/referrals.js';
import { takedowns } from './en/takedowns.js';
import { enPublic } from './en-public.js';

/** The English catalogue: every string the pages show. The French one has the same keys (checked by the type and by a test). */
export const en = {
  ...enPublic,
  ...console_,
  ...analyst,
  ...referrals,
  ...demo,
  ...partners,
  ...admin,
  ...takedowns,
} as const;
export type MessageKey = keyof typeof en;
