import type { Decider } from '@ruamjai/kernel';
import { NRM_STAGES, type CaseCommand, type CaseEvent, type CaseState, type KnownCase, type NrmStage } from './case';
import {
  CaseAlreadyExists,
  CaseClosedError,
  CaseFieldRequired,
  CaseNotFound,
  CaseUnchanged,
  IllegalCaseTransition,
  NoConsentToWithdraw,
  PersonalDataAlreadyErased,
} from './case.errors';

function known(state: CaseState, caseId: string): KnownCase {
  if (state.status === 'none') throw new CaseNotFound(caseId);
  return state;
}

/** Case work happens on open cases; personal-data rights (consent, erasure) apply to closed ones too. */
function open(state: CaseState, caseId: string): KnownCase {
  const c = known(state, caseId);
  if (c.status === 'closed') throw new CaseClosedError(caseId);
  return c;
}

function withData(state: CaseState, caseId: string): KnownCase {
  const c = known(state, caseId);
  if (c.personalData === 'erased') throw new PersonalDataAlreadyErased(caseId);
  return c;
}

const stageIndex = (stage: NrmStage) => NRM_STAGES.indexOf(stage);
const required = (value: string, field: string) => {
  if (!value.trim()) throw new CaseFieldRequired(field);
  return value.trim();
};

function decide(command: CaseCommand, state: CaseState): CaseEvent[] {
  const { caseId } = command.data;
  switch (command.type) {
    case 'OpenCase': {
      if (state.status !== 'none') throw new CaseAlreadyExists(caseId);
      const { personId, source, districtCode, foundOn, ageGroup, personalData } = command.data;
      return [
        {
          type: 'CaseOpened',
          data: {
            caseId,
            personId,
            owningAgency: command.actor.agency,
            source,
            districtCode,
            foundOn,
            ageGroup,
            openedAt: command.at.toISOString(),
            personalData,
          },
        },
      ];
    }
    case 'RecordScreening': {
      const c = open(state, caseId);
      if (c.stage !== 'screening') throw new IllegalCaseTransition(caseId, c.stage, 'RecordScreening');
      const indicators = [...new Set(command.data.indicators.map((i) => i.trim()).filter(Boolean))];
      if (indicators.length === 0) throw new CaseFieldRequired('indicators');
      return [
        {
          type: 'CaseScreened',
          data: { caseId, indicators, formReference: required(command.data.formReference, 'formReference') },
        },
      ];
    }
    case 'RecordIdentification': {
      const c = open(state, caseId);
      if (c.stage !== 'identification') throw new IllegalCaseTransition(caseId, c.stage, 'RecordIdentification');
      const { outcome, decidedOn, decidingAgency } = command.data;
      return [
        {
          type: 'VictimIdentificationRecorded',
          data: { caseId, outcome, decidedOn, decidingAgency: required(decidingAgency, 'decidingAgency') },
        },
      ];
    }
    case 'AdvanceNrmStage': {
      const c = open(state, caseId);
      const to = command.data.stage;
      // Screening and identification end by their own records; later stages only move forward.
      if (stageIndex(c.stage) < stageIndex('protection_assistance') || stageIndex(to) <= stageIndex(c.stage)) {
        throw new IllegalCaseTransition(caseId, c.stage, `AdvanceNrmStage(${to})`);
      }
      return [{ type: 'NrmStageAdvanced', data: { caseId, from: c.stage, to } }];
    }
    case 'AssignCaseManager': {
      const c = open(state, caseId);
      const caseManagerId = required(command.data.caseManagerId, 'caseManagerId');
      if (c.caseManagerId === caseManagerId) throw new CaseUnchanged(caseId, 'case manager');
      return [{ type: 'CaseManagerAssigned', data: { caseId, caseManagerId } }];
    }
    case 'UpdatePersonalData': {
      open(state, caseId);
      withData(state, caseId);
      return [{ type: 'PersonalDataUpdated', data: { caseId, personalData: command.data.personalData } }];
    }
    case 'CloseCase': {
      open(state, caseId);
      return [
        { type: 'CaseClosed', data: { caseId, outcome: command.data.outcome, closedAt: command.at.toISOString() } },
      ];
    }
    case 'ReopenCase': {
      const c = known(state, caseId);
      if (c.status !== 'closed') throw new IllegalCaseTransition(caseId, 'open', 'ReopenCase');
      return [{ type: 'CaseReopened', data: { caseId, reason: required(command.data.reason, 'reason') } }];
    }
    case 'RecordConsent': {
      const c = withData(state, caseId);
      if (c.consent) throw new CaseUnchanged(caseId, 'consent');
      return [{ type: 'ConsentRecorded', data: { caseId, givenOn: command.data.givenOn, scope: command.data.scope } }];
    }
    case 'WithdrawConsent': {
      const c = known(state, caseId);
      if (!c.consent) throw new NoConsentToWithdraw(caseId);
      return [{ type: 'ConsentWithdrawn', data: { caseId, withdrawnOn: command.data.withdrawnOn } }];
    }
    case 'RecordLegalBasis': {
      const c = withData(state, caseId);
      if (c.legalBasis === command.data.basis) throw new CaseUnchanged(caseId, 'legal basis');
      return [
        {
          type: 'LegalBasisRecorded',
          data: { caseId, basis: command.data.basis, reference: required(command.data.reference, 'reference') },
        },
      ];
    }
    case 'ErasePersonalData': {
      const c = withData(state, caseId);
      return [
        {
          type: 'PersonalDataErased',
          data: {
            caseId,
            personId: c.personId,
            requestedOn: command.data.requestedOn,
            erasedAt: command.at.toISOString(),
            reason: required(command.data.reason, 'reason'),
          },
        },
      ];
    }
    case 'RefuseErasure': {
      const c = withData(state, caseId);
      const { requestedOn, legalGround } = command.data;
      return [
        {
          type: 'ErasureRefused',
          data: {
            caseId,
            personId: c.personId,
            requestedOn,
            legalGround,
            explanation: required(command.data.explanation, 'explanation'),
          },
        },
      ];
    }
    default: {
      const _: never = command;
      throw new Error(`unknown command ${JSON.stringify(_)}`);
    }
  }
}

function evolve(state: CaseState, event: CaseEvent): CaseState {
  if (event.type === 'CaseOpened') {
    const d = event.data;
    return {
      status: 'open',
      caseId: d.caseId,
      personId: d.personId,
      owningAgency: d.owningAgency,
      stage: 'screening',
      identification: null,
      caseManagerId: null,
      consent: false,
      legalBasis: null,
      personalData: d.personalData,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'CaseScreened':
      return { ...state, stage: 'identification' };
    case 'VictimIdentificationRecorded':
      return {
        ...state,
        identification: event.data.outcome,
        stage: event.data.outcome === 'victim' ? 'protection_assistance' : state.stage,
      };
    case 'NrmStageAdvanced':
      return { ...state, stage: event.data.to };
    case 'CaseManagerAssigned':
      return { ...state, caseManagerId: event.data.caseManagerId };
    case 'PersonalDataUpdated':
      return { ...state, personalData: event.data.personalData };
    case 'CaseClosed':
      return { ...state, status: 'closed' };
    case 'CaseReopened':
      return { ...state, status: 'open' };
    case 'ConsentRecorded':
      return { ...state, consent: true };
    case 'ConsentWithdrawn':
      return { ...state, consent: false };
    case 'LegalBasisRecorded':
      return { ...state, legalBasis: event.data.basis };
    case 'PersonalDataErased':
      return { ...state, personalData: 'erased' };
    case 'ErasureRefused':
      return state;
    default: {
      const _: never = event;
      return state;
    }
  }
}

export const caseDecider: Decider<CaseCommand, CaseState, CaseEvent> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};
