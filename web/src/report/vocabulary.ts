/** The closed lists of the report format that the pages offer; each value has a label in the catalogues. */
export const genders = ['female', 'male', 'other', 'unknown'] as const;
export const reporterRoles = ['child', 'parent_or_relative', 'professional', 'hotel_staff', 'member_of_public', 'other'] as const;
export const callerTypes = ['child', 'parent_or_relative', 'professional', 'other'] as const;
export const referrals = ['police', 'emergency_services', 'child_protection', 'medical', 'other'] as const;

export const channels = ['web', 'helpline', 'partner_api', 'partner_xml', 'hotel'] as const;
export const statuses = ['received', 'in_analysis', 'forwarded', 'closed'] as const;

export type CallerType = (typeof callerTypes)[number];
export type Referral = (typeof referrals)[number];
