/** Kinds of agency that take part in a provincial plan and receive referrals. */
export const AGENCY_TYPES = [
  'police',
  'immigration',
  'labour',
  'employment',
  'health',
  'education',
  'social_development',
  'provincial_administration',
  'district_office',
  'local_administration',
  'shelter',
  'ngo',
  'private_sector',
  'youth_council',
  'other',
] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];

export type AgencyState =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'active' | 'inactive';
      readonly code: string;
      readonly nameTh: string;
      /** Left out where a plan only needs to know the agency exists (fixtures, admission). */
      readonly nameEn?: string | null;
      readonly agencyType: AgencyType;
      readonly districtCode: string | null;
      /**
       * The agency's province; null when registered before provinces (the deployment's,
       * DEPLOYMENT_PROVINCE). Left out, like the English name, where only existence matters.
       */
      readonly province?: string | null;
    };
