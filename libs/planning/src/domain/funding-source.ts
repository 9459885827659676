/** Where a budget line's money comes from. */
export const FUNDING_SOURCES = [
  'provincial_budget',
  'anti_trafficking_fund',
  'agency_own',
  'local_administration',
  'private_ngo',
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];
