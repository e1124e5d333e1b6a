import type { partners as en } from '../en/partners.js';

export const partners: Record<keyof typeof en, string> = {
  'nav.partners': 'Déploiements partenaires',
  'nav.partners-description': 'Les hotlines étrangères qui utilisent Vigie : les signalements hébergés dans leur pays leur sont transmis.',

  'partners.title': 'Déploiements partenaires',
  'partners.intro':
    'Un signalement orienté vers une hotline étrangère inscrite ici est envoyé à son Vigie dans un message signé : seulement la catégorie, les dates, les URL et les empreintes — jamais le signalant, le récit ni aucune personne. Ses statuts reviennent à l’orientation.',
  'partners.own-key': 'La clé publique de ce déploiement',
  'partners.own-key-intro':
    'Donnez-la à l’administrateur de chaque partenaire, qui l’inscrit avec l’adresse de ce déploiement. Comparez l’identifiant de clé par téléphone ou de vive voix.',
  'partners.key-id': 'Identifiant de clé',
  'partners.public-key': 'Clé publique (Ed25519, base64)',
  'partners.caption': 'Déploiements partenaires inscrits',
  'partners.none': 'Aucun déploiement partenaire n’est encore inscrit.',
  'partners.name': 'Nom',
  'partners.organisation': 'Hotline',
  'partners.country': 'Pays',
  'partners.address': 'Adresse',
  'partners.forwarded': 'Transmis',
  'partners.pending': 'Sans accusé',
  'partners.imported': 'Reçus',
  'partners.new': 'Inscrire un déploiement partenaire',
  'partners.base-url': 'Adresse de son Vigie',
  'partners.base-url-hint': 'https seulement, par exemple https://vigie.hotline.example.org',
  'partners.public-key-hint': 'Telle que sa page « Déploiements partenaires » l’affiche : 44 caractères finissant par « = ».',
  'partners.organisation-hint':
    'L’organisation de type hotline qu’il est dans ce déploiement ; l’orientation lui adresse les signalements hébergés dans son pays.',
  'partners.no-hotline': 'Créez d’abord l’organisation du partenaire (type : hotline, avec son pays) dans Administration.',
  'partners.register': 'Inscrire',
  'partners.registered': 'Partenaire {name} inscrit.',
};
