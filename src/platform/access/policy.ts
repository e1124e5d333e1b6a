import { staffRoles, type Role } from './roles.js';

const everyStaffRole = staffRoles;

/**
 * Who may do what, in one place. Each action names the roles that may take it; anything not
 * listed is denied. Object-level conditions (the case a user works on) are added to an
 * action's check in the service that owns the object, on top of this table.
 */
const rules = {
  'session.self': everyStaffRole,
  'organisation.list': ['administrator', 'supervisor'],
  'organisation.create': ['administrator'],
  'organisation.update': ['administrator'],
  'user.list': ['administrator', 'supervisor'],
  'user.create': ['administrator'],
  'user.roles': ['administrator'],
  'user.read-personal': ['administrator'],
  'user.update': ['administrator'],
  'user.disable': ['administrator'],
  'user.enable': ['administrator'],
  'user.reset-second-factor': ['administrator'],
  'apikey.list': ['administrator'],
  'apikey.create': ['administrator'],
  'apikey.revoke': ['administrator'],
  'audit.read': ['administrator', 'supervisor'],
  'audit.verify': ['administrator'],
  'jobs.read': ['administrator'],
  // Deployment settings changed from the console (src/webapp): the emergency numbers the portal shows.
  'settings.read': ['administrator', 'supervisor'],
  'settings.edit': ['administrator'],
  'partner.whoami': ['partner'],
  // Reports (intake). Partners' keys submit; intake operators record helpline calls. The
  // intake and analysis staff and their supervisor list and read reports without personal
  // data; analysts, who assess the content and cross-check it, open the personal fields of
  // any report (`read-personal-any`), an intake operator only those of the calls they
  // recorded themselves (an object-level rule in reports; each read audited).
  'report.submit': ['partner'],
  'report.record-call': ['intake_operator'],
  'report.list': ['intake_operator', 'analyst', 'senior_analyst', 'supervisor'],
  'report.read': ['intake_operator', 'analyst', 'senior_analyst', 'supervisor'],
  'report.read-personal': ['intake_operator', 'analyst', 'senior_analyst'],
  'report.read-personal-any': ['analyst', 'senior_analyst'],
  // The quarantined file of a reported picture or video (kept only where the deployment
  // quarantines media): the analysts who assess content, each view audited.
  'report.view-media': ['analyst', 'senior_analyst'],
  // Hotels of partner chains (the hotel reporting flow): the administrator registers them and
  // scopes the chains' keys; the supervisor sees them.
  'hotel.list': ['administrator', 'supervisor'],
  'hotel.manage': ['administrator'],
  // Hash banks (known-content detection). Analysts read what a match refers to; senior
  // analysts and administrators keep the lists; exporting a whole list (a tool for testing
  // material against it, in the wrong hands) is theirs alone. Partners never read banks:
  // they look hashes up, as analysts do.
  'bank.read': ['administrator', 'senior_analyst', 'analyst'],
  'bank.manage': ['administrator', 'senior_analyst'],
  'bank.export': ['administrator', 'senior_analyst'],
  'match.lookup': ['partner', 'analyst', 'senior_analyst'],
  // The blocklist (src/blocklist): internet providers download it with a key scoped to it;
  // senior analysts, supervisors and administrators watch its versions; administrators ask for
  // a refresh. The international contribution (src/contribution): classified hashes for a
  // national contribution to INTERPOL's ICSE, exported by administrators.
  'blocklist.download': ['partner'],
  'blocklist.read': ['administrator', 'supervisor', 'senior_analyst'],
  'blocklist.refresh': ['administrator'],
  'contribution.export': ['administrator'],
  // Routing rules (src/routing) and the referrals' settings — addressees, service levels.
  // Administrators edit them; senior analysts and supervisors read them and try a draft
  // over past reports (the dry run writes nothing).
  'routing.read': ['administrator', 'supervisor', 'senior_analyst'],
  'routing.edit': ['administrator'],
  'routing.dry-run': ['administrator', 'supervisor', 'senior_analyst'],
  // Referrals (src/referrals). The hotline's staff see every referral (`list-any`); the staff
  // of a receiving organisation only those addressed to it, and of each report only what its
  // kind grants (`read-report`, audited): an object-level rule in referrals. They record
  // where they are with it; a senior analyst records it for organisations that work outside
  // Vigie (a foreign hotline, INTERPOL) (`update-any`). Supervisors watch the escalations.
  'referral.list': ['analyst', 'senior_analyst', 'supervisor', 'police_liaison', 'child_protection_worker'],
  'referral.list-any': ['analyst', 'senior_analyst', 'supervisor'],
  'referral.read-report': ['police_liaison', 'child_protection_worker'],
  'referral.update': ['senior_analyst', 'police_liaison', 'child_protection_worker'],
  'referral.update-any': ['senior_analyst'],
  'referral.escalations': ['supervisor'],
  // Exchange between deployments (src/exchange): administrators register partner deployments.
  'exchange.read': ['administrator'],
  'exchange.manage': ['administrator'],
  // Assessment (triage). Analysts and senior analysts see the queue, claim reports, assess
  // them and confirm or dispute one another's assessments (never their own: an object-level
  // rule in triage); a senior analyst settles a dispute. The supervisor watches the queue
  // and hands claims from one analyst to another. The analysts' notes are read by analysts,
  // each read audited.
  'assessment.queue': ['analyst', 'senior_analyst', 'supervisor'],
  'assessment.claim': ['analyst', 'senior_analyst'],
  'assessment.assess': ['analyst', 'senior_analyst'],
  'assessment.confirm': ['analyst', 'senior_analyst'],
  'assessment.resolve': ['senior_analyst'],
  'assessment.reassign': ['supervisor'],
  'assessment.read-notes': ['analyst', 'senior_analyst'],
  // Notice and takedown (src/actions). The hotline's staff follow the takedown tracker (its
  // URLs opened, each listing audited); analysts stop or resume the re-sending of a notice;
  // the contacts configured for hosts are the administrators' and senior analysts'.
  'takedown.list': ['analyst', 'senior_analyst', 'supervisor'],
  'takedown.stop': ['analyst', 'senior_analyst'],
  'takedown.contacts': ['administrator', 'senior_analyst'],
  // The demonstration data set (src/demo): every staff member sees that it is loaded (the
  // console's banner); an administrator loads it, once, into a deployment without reports.
  'demo.status': everyStaffRole,
  'demo.load': ['administrator'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof rules;
export const actions = Object.keys(rules) as Action[];

/** The actions a partner's API key can be scoped to. */
export const partnerActions = actions.filter((action) => (rules[action] as readonly Role[]).includes('partner'));

export function rolesFor(action: Action): readonly Role[] {
  return rules[action];
}
