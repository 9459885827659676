/* The closed lists a case's commands, events and state share. */

/** Where a person came to the centre's notice. */
export const INTAKE_SOURCES = [
  'hotline_1300',
  'police',
  'immigration',
  'labour_inspection',
  'border_screening',
  'ngo',
  'self_referral',
  'other_province',
] as const;
export type IntakeSource = (typeof INTAKE_SOURCES)[number];

/** The national referral mechanism's stages, in order. */
export const NRM_STAGES = [
  'screening',
  'identification',
  'protection_assistance',
  'return_reintegration',
  'prosecution_support',
] as const;
export type NrmStage = (typeof NRM_STAGES)[number];

export const AGE_GROUPS = ['child', 'adult', 'unknown'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export const IDENTIFICATION_OUTCOMES = ['victim', 'not_victim'] as const;
export type IdentificationOutcome = (typeof IDENTIFICATION_OUTCOMES)[number];

export const CLOSURE_OUTCOMES = [
  'reintegrated',
  'returned_home',
  'not_a_victim',
  'transferred',
  'lost_contact',
  'other',
] as const;
export type ClosureOutcome = (typeof CLOSURE_OUTCOMES)[number];

/** Lawful bases for processing sensitive data without consent (PDPA s.24, s.26). */
export const LEGAL_BASES = ['vital_interest', 'legal_obligation', 'public_task', 'legal_claims'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** Grounds on which an erasure request may be refused (PDPA s.33 paragraph 2). */
export const ERASURE_REFUSAL_GROUNDS = [
  'legal_obligation',
  'legal_claims',
  'public_task',
  'archiving_research_statistics',
] as const;
export type ErasureRefusalGround = (typeof ERASURE_REFUSAL_GROUNDS)[number];
