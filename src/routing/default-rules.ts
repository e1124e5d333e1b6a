import { ruleFormat, type RuleSet } from './rule-format.js';

/**
 * The rule set a French deployment starts with (version 1, active, written by a migration),
 * each rule with its why from DOMAIN.md, "Routing". The addressee roles it names are mapped
 * to the deployment's organisations by an administrator (`PUT /api/referrals/addressees/:role`):
 * the OFMIN for `national_police`, the département's CRIP for `child_protection_unit`…
 */
export const frenchDefaultRules: RuleSet = {
  format: ruleFormat,
  rules: [
    {
      id: 'child-in-immediate-danger',
      why: {
        en: 'A child in immediate danger: urgent referral to the police and to child protection, at intake, without waiting for an assessment.',
        fr: "Un enfant en danger immédiat : transmission urgente à la police et à la protection de l'enfance, dès la réception, sans attendre l'évaluation.",
      },
      when: { trigger: ['received', 'assessed'], urgent: true },
      then: [{ refer: 'national_police' }, { refer: 'child_protection_unit' }],
    },
    {
      id: 'illegal-content-hosted-at-home',
      why: {
        en: 'Content hosted in the home country: refer to the specialised police unit and send a notice to the host, followed until removed.',
        fr: "Contenu hébergé en France : transmission à l'office spécialisé de police et notification à l'hébergeur, suivie jusqu'au retrait.",
      },
      when: { trigger: ['assessed'], legalStatus: ['baseline', 'national'], hosting: ['home'] },
      then: [{ refer: 'national_police' }, { notice: 'host', hosting: 'home' }],
    },
    {
      id: 'illegal-content-hosted-abroad',
      why: {
        en: 'Content hosted abroad: forward to the hotline of the hosting country; where there is none, to the police international liaison (INTERPOL channel).',
        fr: "Contenu hébergé à l'étranger : transmission à la hotline du pays d'hébergement ; à défaut, à la liaison internationale de la police (canal INTERPOL).",
      },
      when: { trigger: ['assessed'], legalStatus: ['baseline', 'national'], hosting: ['abroad'] },
      then: [{ refer: 'hosting_partner', otherwise: 'interpol_liaison' }],
    },
    {
      id: 'child-at-risk',
      why: {
        en: 'A child at risk or a victim: an information préoccupante to the child-protection unit (CRIP).',
        fr: 'Un enfant en risque ou victime : une information préoccupante à la cellule départementale (CRIP).',
      },
      when: { trigger: ['assessed'], childDescribed: true, legalStatus: ['baseline', 'national'] },
      then: [{ refer: 'child_protection_unit' }],
    },
    {
      id: 'trafficking-indicators',
      why: {
        en: 'Trafficking indicators: referral to the national referral mechanism, without delay.',
        fr: 'Des indices de traite : orientation vers le mécanisme national d’orientation, sans délai.',
      },
      when: { trigger: ['assessed'], trafficking: true, unless: { legalStatus: ['not_illegal'] } },
      then: [{ refer: 'referral_mechanism' }],
    },
    {
      id: 'travel-and-tourism',
      why: {
        en: 'Exploitation in travel and tourism, or a report from hotel staff: the specialised police office.',
        fr: 'Exploitation dans le voyage et le tourisme, ou signalement du personnel d’un hôtel : l’office spécialisé de police.',
      },
      when: { trigger: ['assessed'], travelAndTourism: true, unless: { legalStatus: ['not_illegal'] } },
      then: [{ refer: 'travel_tourism_office' }],
    },
    {
      id: 'hotel-report',
      why: {
        en: 'A report from hotel staff through their chain (The Code): the specialised travel-and-tourism police office.',
        fr: "Un signalement du personnel d'un hôtel par sa chaîne (The Code) : l'office spécialisé voyage et tourisme.",
      },
      when: { trigger: ['assessed'], hotel: true, unless: { legalStatus: ['not_illegal'] } },
      then: [{ refer: 'travel_tourism_office' }],
    },
  ],
};
