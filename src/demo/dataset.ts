import type { ReportContent } from '../reports/index.js';

/**
 * The demonstration data set: invented organisations, staff and reports, with names that
 * say they are for demonstration, example.org / example.com / .test addresses and
 * documentation IP ranges only. Every narrative begins with `demoMark`.
 */
export const demoMark = '[DÉMONSTRATION]';

export const demoOrganisations = [
  { key: 'police', name: 'Office mineurs — démonstration', kind: 'police', country: 'FR', role: 'national_police' },
  { key: 'crip', name: 'CRIP — démonstration', kind: 'child_protection', country: 'FR', role: 'child_protection_unit' },
  { key: 'interpol', name: 'BCN Interpol — démonstration', kind: 'police', country: 'FR', role: 'interpol_liaison' },
  { key: 'partner', name: 'Beispiel-Meldestelle — Demo', kind: 'hotline', country: 'DE', role: null },
] as const;
export type DemoOrganisationKey = (typeof demoOrganisations)[number]['key'] | 'hotline';

/** Invented people: one account per role a newcomer would want to try. */
export const demoStaff = [
  {
    key: 'analyst1',
    email: 'camille.analyste@demo.example.org',
    name: 'Camille Exemple (démo)',
    roles: ['analyst'],
    organisation: 'hotline',
  },
  {
    key: 'analyst2',
    email: 'dominique.analyste@demo.example.org',
    name: 'Dominique Exemple (démo)',
    roles: ['analyst'],
    organisation: 'hotline',
  },
  {
    key: 'senior',
    email: 'sacha.senior@demo.example.org',
    name: 'Sacha Exemple (démo)',
    roles: ['senior_analyst'],
    organisation: 'hotline',
  },
  {
    key: 'supervisor',
    email: 'alex.superviseur@demo.example.org',
    name: 'Alex Exemple (démo)',
    roles: ['supervisor'],
    organisation: 'hotline',
  },
  {
    key: 'liaison',
    email: 'morgan.liaison@demo.example.org',
    name: 'Morgan Exemple (démo)',
    roles: ['police_liaison'],
    organisation: 'police',
  },
  { key: 'crip', email: 'noa.crip@demo.example.org', name: 'Noa Exemple (démo)', roles: ['child_protection_worker'], organisation: 'crip' },
] as const satisfies readonly { key: string; email: string; name: string; roles: readonly string[]; organisation: DemoOrganisationKey }[];

/** How a demo report is assessed once loaded: confirmed by a second analyst, left for confirmation, or left in the queue. */
export type DemoAssessment = 'confirmed-illegal' | 'confirmed-not-illegal' | 'awaiting-confirmation' | 'none';

export interface DemoReport {
  content: ReportContent;
  /** Seeds of generated pictures; a negative seed is the picture of its absolute value, re-encoded. */
  pictures?: number[];
  assessment: DemoAssessment;
}

const narrative = (text: string) => `${demoMark} ${text}`;
const gallery = (n: number) => `https://galerie.demo.example.org/album/${n}`;

/** The reports, in the order they arrive. Links between them make the clusters the console shows. */
export const demoReports: DemoReport[] = [
  {
    content: {
      category: 'child_sexual_abuse_material',
      language: 'fr',
      narrative: narrative('Un album de photos d’enfants trouvé en suivant un lien sur un forum.'),
      urls: [gallery(1), 'https://forum.demo.example.com/sujet/88'],
      reporter: { role: 'member_of_public' },
    },
    pictures: [101, 102],
    assessment: 'confirmed-illegal',
  },
  {
    content: {
      category: 'child_sexual_abuse_material',
      language: 'fr',
      narrative: narrative('La même image que dans un autre signalement, republiée ailleurs.'),
      urls: ['https://images.demo.example.net/p/4411'],
      reporter: { role: 'member_of_public' },
    },
    pictures: [-101],
    assessment: 'confirmed-illegal',
  },
  {
    content: {
      category: 'child_sexual_abuse_material',
      language: 'en',
      narrative: narrative('The same album, reported again by someone else.'),
      urls: [`${gallery(1)}#top`],
      reporter: {
        role: 'internet_company',
        contact: { name: 'Trust & Safety (demo)', email: 'abuse@demo.example.com' },
        consentToContact: true,
      },
    },
    assessment: 'awaiting-confirmation',
  },
  {
    content: {
      category: 'online_grooming',
      childInImmediateDanger: true,
      language: 'fr',
      narrative: narrative('Un adulte a donné rendez-vous ce soir à une enfant rencontrée sur une messagerie.'),
      urls: ['https://chat.demo.example.org/salon/12'],
      onlineIdentifiers: [{ platform: 'ExempleChat', username: 'loup_demo_42' }],
      places: [{ country: 'FR', subdivision: 'FR-69M', city: 'Lyon', role: 'child' }],
      children: [{ name: 'Lina Démo', age: 12, presumedMinor: true }],
      reportedPersons: [{ aliases: ['loup_demo_42'], ageRange: { min: 30, max: 45 } }],
      reporter: {
        role: 'parent_or_relative',
        contact: { name: 'Parent Démo', email: 'parent.demo@example.org' },
        consentToContact: true,
      },
    },
    assessment: 'none',
  },
  {
    content: {
      category: 'online_grooming',
      language: 'fr',
      narrative: narrative('Le même pseudonyme écrit à plusieurs enfants d’un collège.'),
      onlineIdentifiers: [{ platform: 'ExempleChat', username: 'loup_demo_42' }],
      places: [{ country: 'FR', subdivision: 'FR-69M', city: 'Villeurbanne', role: 'incident' }],
      reporter: { role: 'professional' },
    },
    assessment: 'none',
  },
  {
    content: {
      category: 'sextortion',
      language: 'fr',
      narrative: narrative('Un adolescent reçoit des menaces : des images seront envoyées à ses amis s’il ne paie pas.'),
      onlineIdentifiers: [{ platform: 'E-mail', email: 'chantage.demo@example.com' }],
      children: [{ age: 15, presumedMinor: true }],
      reporter: { role: 'child' },
    },
    assessment: 'none',
  },
  {
    content: {
      category: 'sextortion',
      language: 'fr',
      narrative: narrative('Même adresse de chantage, une autre victime.'),
      onlineIdentifiers: [{ platform: 'E-mail', email: 'chantage.demo@example.com' }],
      reporter: { role: 'parent_or_relative' },
    },
    assessment: 'none',
  },
  {
    content: {
      category: 'trafficking_for_sexual_exploitation',
      childInImmediateDanger: true,
      language: 'fr',
      narrative: narrative('Une annonce propose une adolescente dans un hôtel, ce soir.'),
      urls: ['https://annonces.demo.example.org/a/5150'],
      places: [{ country: 'FR', subdivision: 'FR-13', city: 'Marseille', role: 'incident' }],
      children: [{ age: 16, presumedMinor: true }],
      reporter: { role: 'hotel_staff' },
    },
    assessment: 'none',
  },
  {
    content: {
      category: 'child_sexual_abuse_material',
      language: 'fr',
      narrative: narrative('Des images sur un site hébergé à l’étranger.'),
      urls: ['https://fichiers.demo.example.net/dossier/9'],
      reporter: { role: 'member_of_public' },
    },
    pictures: [103],
    assessment: 'confirmed-illegal',
  },
  {
    content: {
      category: 'misleading_domain_or_content',
      language: 'fr',
      narrative: narrative('Un nom de site trompeur renvoie vers des contenus d’abus.'),
      urls: ['https://jeux-enfants.demo.example.org/'],
      reporter: { role: 'member_of_public' },
    },
    assessment: 'confirmed-not-illegal',
  },
  {
    content: {
      category: 'unsolicited_obscene_material',
      language: 'fr',
      narrative: narrative('Une enfant a reçu des images sexuelles d’un inconnu sur un jeu en ligne.'),
      onlineIdentifiers: [{ platform: 'ExempleJeu', username: 'ombre_demo' }],
      children: [{ age: 10, presumedMinor: true }],
      reporter: { role: 'parent_or_relative' },
    },
    assessment: 'none',
  },
  {
    content: {
      category: 'exploitation_in_travel_and_tourism',
      language: 'fr',
      narrative: narrative('Un voyageur a demandé à un employé d’hôtel où « rencontrer des jeunes ».'),
      places: [{ country: 'FR', subdivision: 'FR-06', city: 'Nice', role: 'incident' }],
      reporter: { role: 'hotel_staff' },
    },
    assessment: 'none',
  },
  {
    content: {
      category: 'child_sexual_abuse_material',
      language: 'de',
      narrative: narrative('Bilder auf einer Seite, gemeldet von einer Partner-Meldestelle (Demo).'),
      urls: ['https://bilder.demo.example.net/set/3'],
      reporter: { role: 'other' },
    },
    pictures: [-103, 104],
    assessment: 'awaiting-confirmation',
  },
  {
    content: {
      category: 'child_marriage',
      language: 'fr',
      narrative: narrative('Une collégienne dit qu’on veut la marier cet été.'),
      children: [{ age: 14, presumedMinor: true }],
      places: [{ country: 'FR', subdivision: 'FR-93', city: 'Saint-Denis', role: 'child' }],
      reporter: { role: 'professional' },
    },
    assessment: 'none',
  },
];

/**
 * An invented hosting company in the home country, as RDAP would describe its abuse desk
 * (a documentation AS number, `.example` addresses). The demonstration's confirmed reports
 * hosted there get a notice each, addressed to it, as the home-hosting rule makes them.
 */
export const demoHostingCompany = {
  key: 'DEMO-ABUSE-1',
  handle: 'DEMO-ABUSE-1',
  name: 'Hébergeur Exemple SAS — démonstration',
  emails: ['abuse@hebergeur.demo.example.net'],
  network: 'DEMO-HEBERGEUR-NET',
  asn: 64500,
  country: 'FR',
  hosts: ['galerie.demo.example.org', 'forum.demo.example.com', 'images.demo.example.net'],
} as const;

/** A contact the hotline set for one of its hosts, which takes the place of the RDAP abuse desk. */
export const demoHostContact = {
  name: 'images.demo.example.net',
  emails: ['signalements@images.demo.example.net'],
  language: 'fr',
} as const;
