import type { PublicKey } from './en-public.js';
import { common } from './fr/common.js';
import { portal } from './fr/portal.js';
import { report } from './fr/report.js';

/** Les textes français des pages publiques et du code qu'elles partagent avec la console (mêmes clés que l'anglais). */
export const frPublic: Record<PublicKey, string> = {
  ...common,
  ...report,
  ...portal,
};
