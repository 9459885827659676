import type { Sealed } from '../command';
import type {
  AgeGroup,
  ClosureOutcome,
  ErasureRefusalGround,
  IdentificationOutcome,
  IntakeSource,
  LegalBasis,
  NrmStage,
} from './case.values';

export type CaseEvent =
  | {
      type: 'CaseOpened';
      data: {
        caseId: string;
        personId: string;
        owningAgency: string;
        /** The province of the agency that opened it; absent on cases opened before provinces (the deployment's). */
        province?: string;
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

export const caseStreamId = (caseId: string): string => `case-${caseId}`;
