/**
 * The forms of sexual exploitation of children a report is about (OSCE 15/06 §1, the IPEC
 * definition), and how each maps to the incident types of NCMEC's CyberTipline, so that a
 * report can be exchanged with systems that speak that vocabulary.
 */
export const categories = [
  'child_sexual_abuse_material',
  'online_grooming',
  'sextortion',
  'child_prostitution',
  'trafficking_for_sexual_exploitation',
  'exploitation_in_travel_and_tourism',
  'child_marriage',
  'unsolicited_obscene_material',
  'misleading_domain_or_content',
  'other',
] as const;
export type Category = (typeof categories)[number];

/** The CyberTipline's incident types, spelt as its reporting API expects them. */
export const ncmecIncidentTypes = [
  'Child Pornography (possession, manufacture, and distribution)',
  'Child Sex Trafficking',
  'Child Sex Tourism',
  'Child Sexual Molestation',
  'Misleading Domain Name',
  'Misleading Words or Digital Images on the Internet',
  'Online Enticement of Children for Sexual Acts',
  'Unsolicited Obscene Material Sent to a Child',
] as const;
export type NcmecIncidentType = (typeof ncmecIncidentTypes)[number];

/** The CyberTipline's report annotations that a category implies. */
export const ncmecReportAnnotations = ['sextortion', 'csamSolicitation', 'minorToMinorInteraction', 'spam'] as const;
export type NcmecReportAnnotation = (typeof ncmecReportAnnotations)[number];

export interface NcmecMapping {
  /** The incident types the category corresponds to; empty when NCMEC has no equivalent. */
  incidentTypes: readonly NcmecIncidentType[];
  annotations: readonly NcmecReportAnnotation[];
}

export const ncmecMapping: Readonly<Record<Category, NcmecMapping>> = {
  child_sexual_abuse_material: { incidentTypes: ['Child Pornography (possession, manufacture, and distribution)'], annotations: [] },
  online_grooming: { incidentTypes: ['Online Enticement of Children for Sexual Acts'], annotations: [] },
  sextortion: { incidentTypes: ['Online Enticement of Children for Sexual Acts'], annotations: ['sextortion'] },
  child_prostitution: { incidentTypes: ['Child Sex Trafficking'], annotations: [] },
  trafficking_for_sexual_exploitation: { incidentTypes: ['Child Sex Trafficking'], annotations: [] },
  exploitation_in_travel_and_tourism: { incidentTypes: ['Child Sex Tourism'], annotations: [] },
  child_marriage: { incidentTypes: [], annotations: [] },
  unsolicited_obscene_material: { incidentTypes: ['Unsolicited Obscene Material Sent to a Child'], annotations: [] },
  misleading_domain_or_content: {
    incidentTypes: ['Misleading Domain Name', 'Misleading Words or Digital Images on the Internet'],
    annotations: [],
  },
  other: { incidentTypes: [], annotations: [] },
};

/**
 * The other way, for reports that arrive in NCMEC's format. Child sexual molestation has no
 * category of its own here (the categories are forms of exploitation), so it maps to other.
 */
export function categoryOfNcmec(incidentType: NcmecIncidentType, annotations: readonly string[] = []): Category {
  switch (incidentType) {
    case 'Child Pornography (possession, manufacture, and distribution)':
      return 'child_sexual_abuse_material';
    case 'Child Sex Trafficking':
      return 'trafficking_for_sexual_exploitation';
    case 'Child Sex Tourism':
      return 'exploitation_in_travel_and_tourism';
    case 'Misleading Domain Name':
    case 'Misleading Words or Digital Images on the Internet':
      return 'misleading_domain_or_content';
    case 'Online Enticement of Children for Sexual Acts':
      return annotations.includes('sextortion') ? 'sextortion' : 'online_grooming';
    case 'Unsolicited Obscene Material Sent to a Child':
      return 'unsolicited_obscene_material';
    case 'Child Sexual Molestation':
      return 'other';
  }
}
