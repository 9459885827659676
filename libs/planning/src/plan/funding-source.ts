/** Where a budget line's money comes from. */
export const FUNDING_SOURCES = [
  'provincial_budget',
  'anti_trafficking_fund',
  'agency_own',
  'local_administration',
  'private_ngo',
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/** What the Anti-Trafficking in Persons Fund may pay for (Act B.E. 2551, s.44). */
export const FUND_CATEGORIES = [
  'victim_assistance',
  'safety_protection',
  'return_from_abroad',
  'prevention_suppression',
  'administration',
] as const;
export type FundCategory = (typeof FUND_CATEGORIES)[number];
