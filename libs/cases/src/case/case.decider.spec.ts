import { deciderSpec } from '@ruamjai/testing';
import { caseDecider } from './case.decider';
import { CaseClosedError, CaseNotFound, IllegalCaseTransition, PersonalDataAlreadyErased } from './case.errors';
import { at, caseId, cmd, opened, screened, identified, notVictim, closed, erased } from './case.fixtures';

// Rules that span several case commands; each use case's own rules are specified in its folder.
const spec = deciderSpec(caseDecider);

describe('no case yet', () => {
  it.each(['RecordScreening', 'CloseCase', 'ReopenCase', 'RecordConsent', 'ErasePersonalData'] as const)(
    'refuses %s as not found',
    (type) => {
      spec
        .given([])
        .when(
          cmd(type, {
            indicators: ['x'],
            formReference: 'f',
            outcome: 'other',
            reason: 'r',
            givenOn: '2019-01-01',
            scope: 'share_with_agencies',
            requestedOn: '2019-01-01',
          }),
        )
        .thenRefuses(CaseNotFound, 'CASE.NOT_FOUND');
    },
  );
});

describe('a case in screening', () => {
  it('cannot skip to identification or to a later stage', () => {
    spec
      .given([opened])
      .when(cmd('RecordIdentification', { outcome: 'victim', decidedOn: '2019-05-10', decidingAgency: 'PSDHS-SK' }))
      .thenRefuses(IllegalCaseTransition, 'CASE.ILLEGAL_TRANSITION');
    spec
      .given([opened])
      .when(cmd('AdvanceNrmStage', { stage: 'protection_assistance' }))
      .thenRefuses(IllegalCaseTransition);
  });
});

describe('a screened case', () => {
  it('a person found not to be a victim stays at identification and cannot move on to protection', () => {
    spec
      .given([opened, screened, notVictim])
      .when(cmd('AdvanceNrmStage', { stage: 'protection_assistance' }))
      .thenRefuses(IllegalCaseTransition);
    spec
      .given([opened, screened, notVictim])
      .when(cmd('CloseCase', { outcome: 'not_a_victim' }))
      .then([{ type: 'CaseClosed', data: { caseId, outcome: 'not_a_victim', closedAt: at.toISOString() } }]);
  });
});

describe('a closed case', () => {
  const given = [opened, screened, identified, closed];
  it('takes no case work and cannot be closed again', () => {
    spec
      .given(given)
      .when(cmd('AdvanceNrmStage', { stage: 'return_reintegration' }))
      .thenRefuses(CaseClosedError, 'CASE.CLOSED');
    spec
      .given(given)
      .when(cmd('CloseCase', { outcome: 'other' }))
      .thenRefuses(CaseClosedError);
    spec
      .given(given)
      .when(cmd('AssignCaseManager', { caseManagerId: 'x' }))
      .thenRefuses(CaseClosedError);
  });
});

describe('erasure', () => {
  it('leaves no personal data to update, share, erase again or refuse to erase', () => {
    const given = [opened, erased];
    spec
      .given(given)
      .when(cmd('UpdatePersonalData', { personalData: 'rj1.new' }))
      .thenRefuses(PersonalDataAlreadyErased, 'PERSONAL_DATA.ERASED');
    spec
      .given(given)
      .when(cmd('ErasePersonalData', { requestedOn: '2019-06-02', reason: 'again' }))
      .thenRefuses(PersonalDataAlreadyErased);
    spec
      .given(given)
      .when(cmd('RefuseErasure', { requestedOn: '2019-06-02', legalGround: 'legal_claims', explanation: 'x' }))
      .thenRefuses(PersonalDataAlreadyErased);
    spec
      .given(given)
      .when(cmd('RecordConsent', { givenOn: '2019-06-02', scope: 'share_with_agencies' }))
      .thenRefuses(PersonalDataAlreadyErased);
  });
});
