/** The assessment's closed lists, as the triage and referrals APIs name them; each has a label in the analyst catalogue. */
export const stages = ['awaiting', 'confirming', 'disputed'] as const;
export const legalStatuses = ['baseline', 'national', 'not_illegal'] as const;
export const ageGroups = ['infant_toddler', 'prepubescent', 'pubescent'] as const;
export const imageryClasses = ['A1', 'A2', 'B1', 'B2'] as const;
export const disputableFields = ['legalStatus', 'category', 'ageGroup', 'imageryClass'] as const;
export const priorityReasons = ['immediate_danger', 'known_content', 'trafficking', ...ageGroups] as const;
export const linkReasons = [
  'url',
  'email',
  'phone',
  'account',
  'profile_url',
  'identity',
  'md5',
  'sha1',
  'sha256',
  'canonical_url',
  'domain_path',
  'pdq',
] as const;
export const referralKinds = [
  'police',
  'partner_hotline',
  'interpol',
  'information_preoccupante',
  'nrm',
  'travel_tourism',
  'notice',
] as const;
export const referralStatuses = ['unassigned', 'pending', 'sent', 'received', 'accepted', 'rejected', 'done'] as const;

export type Stage = (typeof stages)[number] | 'final';
export type LegalStatus = (typeof legalStatuses)[number];
export type AgeGroup = (typeof ageGroups)[number];
export type ImageryClass = (typeof imageryClasses)[number];
export type DisputableField = (typeof disputableFields)[number];
