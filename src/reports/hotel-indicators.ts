/**
 * The warning signs hotel staff are trained to notice (the ECPAT / The Code procedure, as
 * hotel chains such as Accor teach it): a closed list, so that reports from every chain can
 * be counted together. `other` leaves the details to the narrative.
 */
export const hotelIndicators = {
  adult_with_unrelated_child: {
    en: 'An adult arrives or stays with a child who does not seem to be family',
    fr: 'Un adulte arrive ou séjourne avec un enfant qui ne semble pas être de sa famille',
  },
  child_frightened_or_controlled: {
    en: 'The child seems frightened, anxious, submissive or controlled by the adult',
    fr: "L'enfant semble apeuré, anxieux, soumis ou contrôlé par l'adulte",
  },
  adult_answers_for_child: {
    en: 'The adult answers for the child, who cannot say where they are or who they are with',
    fr: "L'adulte répond à la place de l'enfant, qui ne sait pas dire où il est ni avec qui",
  },
  no_identity_documents: {
    en: 'The child has no identity document, or the adult keeps it',
    fr: "L'enfant n'a pas de pièce d'identité, ou l'adulte la garde",
  },
  clothing_or_behaviour_unsuited_to_age: {
    en: 'The child is dressed or behaves in a way unsuited to their age',
    fr: "L'enfant est habillé ou se comporte d'une manière inadaptée à son âge",
  },
  many_visitors_to_room: {
    en: 'Many visitors, often adults, come to a room where a child stays',
    fr: 'De nombreux visiteurs, souvent adultes, passent dans une chambre où séjourne un enfant',
  },
  short_stay_or_cash_payment: {
    en: 'The room is taken for a few hours, or paid in cash by someone else than the guest',
    fr: 'La chambre est prise pour quelques heures, ou payée en espèces par un autre que le client',
  },
  housekeeping_refused: {
    en: 'Housekeeping is refused for a long time, or the "do not disturb" sign stays on',
    fr: 'Le ménage est refusé longtemps, ou le panneau « ne pas déranger » reste en place',
  },
  child_alone_or_out_late: {
    en: 'The child is left alone in the room, or goes out or comes back late at night',
    fr: "L'enfant est laissé seul dans la chambre, ou sort ou rentre tard la nuit",
  },
  alcohol_drugs_or_injuries: {
    en: 'Signs that the child was given alcohol or drugs, or has injuries',
    fr: "Des signes que l'enfant a reçu de l'alcool ou des drogues, ou qu'il est blessé",
  },
  sexual_material_or_cameras: {
    en: 'Sexual material, cameras or many phones seen in the room',
    fr: 'Du matériel sexuel, des caméras ou de nombreux téléphones vus dans la chambre',
  },
  advertised_online: {
    en: 'The room, or a child, seems to be offered online',
    fr: 'La chambre, ou un enfant, semble proposé en ligne',
  },
  other: {
    en: 'Another sign (described in the narrative)',
    fr: 'Un autre signe (décrit dans le récit)',
  },
} as const satisfies Record<string, { en: string; fr: string }>;

export type HotelIndicator = keyof typeof hotelIndicators;
export const hotelIndicatorCodes = Object.keys(hotelIndicators) as HotelIndicator[];
