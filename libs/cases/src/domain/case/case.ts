import type { Base, Sealed } from '../command';

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

export type OpenCase = Base<
  'OpenCase',
  {
    caseId: string;
    personId: string;
    source: IntakeSource;
    districtCode: string;
    foundOn: string;
    ageGroup: AgeGroup;
    personalData: Sealed;
  }
>;
export type RecordScreening = Base<'RecordScreening', { caseId: string; indicators: string[]; formReference: string }>;
export type RecordIdentification = Base<
  'RecordIdentification',
  { caseId: string; outcome: IdentificationOutcome; decidedOn: string; decidingAgency: string }
>;
export type AdvanceNrmStage = Base<'AdvanceNrmStage', { caseId: string; stage: NrmStage }>;
export type AssignCaseManager = Base<'AssignCaseManager', { caseId: string; caseManagerId: string }>;
export type UpdatePersonalData = Base<'UpdatePersonalData', { caseId: string; personalData: Sealed }>;
export type CloseCase = Base<'CloseCase', { caseId: string; outcome: ClosureOutcome }>;
export type ReopenCase = Base<'ReopenCase', { caseId: string; reason: string }>;
export type RecordConsent = Base<'RecordConsent', { caseId: string; givenOn: string; scope: 'share_with_agencies' }>;
export type WithdrawConsent = Base<'WithdrawConsent', { caseId: string; withdrawnOn: string }>;
export type RecordLegalBasis = Base<'RecordLegalBasis', { caseId: string; basis: LegalBasis; reference: string }>;
export type ErasePersonalData = Base<'ErasePersonalData', { caseId: string; requestedOn: string; reason: string }>;
export type RefuseErasure = Base<
  'RefuseErasure',
  { caseId: string; requestedOn: string; legalGround: ErasureRefusalGround; explanation: string }
>;

export type CaseCommand =
  | OpenCase
  | RecordScreening
  | RecordIdentification
  | AdvanceNrmStage
  | AssignCaseManager
  | UpdatePersonalData
  | CloseCase
  | ReopenCase
  | RecordConsent
  | WithdrawConsent
  | RecordLegalBasis
  | ErasePersonalData
  | RefuseErasure;

export type CaseEvent =
  | {
      type: 'CaseOpened';
      data: {
        caseId: string;
        personId: string;
        owningAgency: string;
        source: IntakeSource;
        districtCode: string;
        foundOn: string;
        ageGroup: AgeGroup;
        openedAt: string;
        personalData: Sealed;
      };
    }
  | { type: 'CaseScreened'; data: { caseId: string; indicators: string[]; formReference: string } }
  | {
      type: 'VictimIdentificationRecorded';
      data: { caseId: string; outcome: IdentificationOutcome; decidedOn: string; decidingAgency: string };
    }
  | { type: 'NrmStageAdvanced'; data: { caseId: string; from: NrmStage; to: NrmStage } }
  | { type: 'CaseManagerAssigned'; data: { caseId: string; caseManagerId: string } }
  | { type: 'PersonalDataUpdated'; data: { caseId: string; personalData: Sealed } }
  | { type: 'CaseClosed'; data: { caseId: string; outcome: ClosureOutcome; closedAt: string } }
  | { type: 'CaseReopened'; data: { caseId: string; reason: string } }
  | { type: 'ConsentRecorded'; data: { caseId: string; givenOn: string; scope: 'share_with_agencies' } }
  | { type: 'ConsentWithdrawn'; data: { caseId: string; withdrawnOn: string } }
  | { type: 'LegalBasisRecorded'; data: { caseId: string; basis: LegalBasis; reference: string } }
  | {
      type: 'PersonalDataErased';
      data: { caseId: string; personId: string; requestedOn: string; erasedAt: string; reason: string };
    }
  | {
      type: 'ErasureRefused';
      data: {
        caseId: string;
        personId: string;
        requestedOn: string;
        legalGround: ErasureRefusalGround;
        explanation: string;
      };
    };

export const CASE_EVENT_TYPES: ReadonlySet<string> = new Set<CaseEvent['type']>([
  'CaseOpened',
  'CaseScreened',
  'VictimIdentificationRecorded',
  'NrmStageAdvanced',
  'CaseManagerAssigned',
  'PersonalDataUpdated',
  'CaseClosed',
  'CaseReopened',
  'ConsentRecorded',
  'ConsentWithdrawn',
  'LegalBasisRecorded',
  'PersonalDataErased',
  'ErasureRefused',
]);

export interface KnownCase {
  readonly status: 'open' | 'closed';
  readonly caseId: string;
  readonly personId: string;
  readonly owningAgency: string;
  readonly stage: NrmStage;
  readonly identification: IdentificationOutcome | null;
  readonly caseManagerId: string | null;
  readonly consent: boolean;
  readonly legalBasis: LegalBasis | null;
  /** The latest sealed personal data, or 'erased' once the key is gone. */
  // eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents -- sealed text is a version prefix and base64url ciphertext, never the word; the union names the state a reader must handle
  readonly personalData: Sealed | 'erased';
}

export type CaseState = { readonly status: 'none' } | KnownCase;

export const caseStreamId = (caseId: string): string => `case-${caseId}`;
