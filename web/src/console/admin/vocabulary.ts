/** The closed lists the server's contracts declare, which the administration pages offer. */
export const organisationKinds = [
  'hotline',
  'police',
  'child_protection',
  'referral_mechanism',
  'ngo',
  'observatory',
  'partner',
  'other',
] as const;

export const staffRoles = [
  'intake_operator',
  'analyst',
  'senior_analyst',
  'police_liaison',
  'child_protection_worker',
  'guardian',
  'supervisor',
  'statistician',
  'administrator',
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
export const milestones = ['received', 'accepted', 'done'] as const;

export const bankPurposes = ['baseline', 'national', 'false_positive', 'partner'] as const;
export const bankFormats = ['csv', 'pdq', 'ncmec-xml', 'vics-json'] as const;
