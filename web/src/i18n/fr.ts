import type { MessageKey } from './en.js';
import { admin } from './fr/admin.js';
import { analyst } from './fr/analyst.js';
import { console_ } from './fr/console.js';
import { demo } from './fr/demo.js';
import { partners } from './fr/partners.js';
import { referrals } from './fr/referrals.js';
import { takedowns } from './fr/takedowns.js';
import { frPublic } from './fr-public.js';

/** Le catalogue français : mêmes clés que l'anglais (vérifié par le type et par un test). */
export const fr: Record<MessageKey, string> = {
  ...frPublic,
  ...console_,
  ...analyst,
  ...referrals,
  ...demo,
  ...partners,
  ...admin,
  ...takedowns,
};
