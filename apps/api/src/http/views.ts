/**
 * The projections each kind of query reads. Read-your-writes (`?minPosition=`) waits for these
 * only, so a projection stalled on an event holds up the queries that read it and no others.
 * Every name is checked against the registered projections (views.spec.ts).
 */
export const VIEWS = {
  agencies: ['agency-directory'],
  plans: ['plan-view'],
  planDashboards: ['plan-view', 'agency-directory'],
  cases: ['case-register', 'referral-register'],
  referrals: ['referral-register'],
  commitments: ['case-register', 'referral-register', 'commitment-register'],
  personalData: ['referral-register'],
  accessLog: ['personal-data-access-log'],
  users: ['user-directory'],
  caseDashboard: ['case-register'],
  referralDashboard: ['referral-register'],
  commitmentDashboard: ['commitment-register'],
  nationalRollup: ['plan-view', 'case-register', 'referral-register'],
} as const satisfies Record<string, readonly string[]>;
