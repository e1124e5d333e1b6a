import type { MessageKey } from './messages.en.js';

/** Catalogue français des messages du serveur ; mêmes clés que l'anglais (vérifié au typage). */
export const fr: Record<MessageKey, string> = {
  'problem.validation': 'Certains champs ne sont pas valides',
  'problem.unauthenticated': 'Connexion requise',
  'problem.forbidden': "Vous n'êtes pas autorisé à faire cela",
  'problem.not-found': 'Introuvable',
  'problem.conflict': "Cela entre en conflit avec l'état actuel",
  'problem.payload-too-large': 'La requête est trop volumineuse',
  'problem.unsupported-media-type': "Ce type de contenu n'est pas accepté",
  'problem.rate-limited': 'Trop de requêtes ; réessayez plus tard',
  'problem.csrf': 'Il manque à la requête son jeton anti-falsification',
  'problem.login-failed': 'La connexion a échoué',
  'problem.account-locked': "Trop d'échecs ; le compte est verrouillé pour un moment",
  'problem.second-factor-required': 'Le second facteur est requis',
  'problem.setup-token-invalid': "Ce lien d'installation n'est pas valide ou a déjà servi",
  'problem.bad-request': "La requête n'a pas pu être comprise",
  'problem.internal': 'Une erreur est survenue de notre côté',
  'problem.challenge': "La vérification anti-saturation n'a pas abouti ; veuillez réessayer",
  'field.required': 'Ce champ est obligatoire',
  'field.unknown': "Ce champ n'est pas attendu",
  'field.invalid': "Cette valeur n'est pas valide",
  'field.too-short': 'Cette valeur est trop courte',
  'field.too-long': 'Cette valeur est trop longue',
  'field.format': "Cette valeur n'a pas le format attendu",
  'field.type': "Cette valeur n'a pas le bon type",
  'field.choice': 'Cette valeur ne fait pas partie des choix permis',
  'field.range': 'Cette valeur est hors des limites',
  // reports : réception des signalements
  'detail.body-not-utf8': "Le corps de la requête n'est pas de l'UTF-8 valide",
  'detail.body-not-json': "Le corps de la requête n'est pas du JSON valide",
  'detail.idempotency-key-reused': "Cette clé d'idempotence a déjà servi pour une requête différente",
  // platform/challenge : preuve de travail contre la saturation
  'detail.challenge-missing': 'Il manque le défi anti-saturation résolu',
  'detail.challenge-invalid': "Le défi anti-saturation n'est pas résolu ou pas valide",
  'detail.challenge-expired': 'Le défi anti-saturation a expiré ; demandez-en un nouveau',
  'detail.challenge-used': 'Ce défi anti-saturation a déjà servi ; demandez-en un nouveau',
};
