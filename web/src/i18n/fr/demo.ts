import type { demo as en } from '../en/demo.js';

export const demo: Record<keyof typeof en, string> = {
  'demo.banner-label': 'Données de démonstration',
  'demo.banner-title': 'Données de démonstration.',
  'demo.banner-text':
    'Depuis le {since}, cette installation contient un jeu de données inventé : ses signalements, personnes et organisations ne sont pas réels.',
};
