/* The closed lists a referral's commands, events and state share. */

/** Services a victim is entitled to under s.33 of the Anti-Trafficking in Persons Act, plus interpretation. */
export const REFERRAL_SERVICES = [
  'shelter',
  'medical',
  'psychosocial',
  'legal_aid',
  'education',
  'vocational_training',
  'return',
  'compensation_claim',
  'interpretation',
] as const;
export type ReferralService = (typeof REFERRAL_SERVICES)[number];

export const URGENCIES = ['urgent', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const REFERRAL_OUTCOMES = ['service_provided', 'partially_provided', 'not_provided'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];
