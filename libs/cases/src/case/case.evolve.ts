import type { CaseEvent } from './case.events';
import type { CaseState } from './case.state';

export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  if (event.type === 'CaseOpened') {
    const d = event.data;
    return {
      status: 'open',
      caseId: d.caseId,
      personId: d.personId,
      owningAgency: d.owningAgency,
      province: d.province ?? null,
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
