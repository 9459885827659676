import type { Actor } from '@ruamjai/kernel';
import { deciderSpec } from '@ruamjai/testing';
import type { CaseCommand } from './case.commands';
import type { CaseEvent } from './case.events';
import { caseDecider } from './case.decider';
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

const spec = deciderSpec(caseDecider);
const officer: Actor = { id: 'malee.s', agency: 'SHELTER-SK', role: 'agency_officer' };
const at = new Date('2019-05-02T03:00:00Z');
const caseId = 'c-1';
const cmd = (type: CaseCommand['type'], data: object = {}) =>
  ({ type, data: { caseId, ...data }, actor: officer, at }) as CaseCommand;

const opened: CaseEvent = {
  type: 'CaseOpened',
  data: {
    caseId,
    personId: 'p-1',
    owningAgency: 'SHELTER-SK',
    source: 'border_screening',
    districtCode: '2706',
    foundOn: '2019-05-01',
    ageGroup: 'child',
    openedAt: at.toISOString(),
    personalData: 'rj1.sealed',
  },
};
const screened: CaseEvent = {
  type: 'CaseScreened',
  data: { caseId, indicators: ['debt_bondage'], formReference: 'ร.บ.1/2562-014' },
};
const identified: CaseEvent = {
  type: 'VictimIdentificationRecorded',
  data: { caseId, outcome: 'victim', decidedOn: '2019-05-10', decidingAgency: 'PSDHS-SK' },
};
const notVictim: CaseEvent = {
  type: 'VictimIdentificationRecorded',
  data: { caseId, outcome: 'not_victim', decidedOn: '2019-05-10', decidingAgency: 'PSDHS-SK' },
};
const closed: CaseEvent = { type: 'CaseClosed', data: { caseId, outcome: 'reintegrated', closedAt: at.toISOString() } };
const consent: CaseEvent = {
  type: 'ConsentRecorded',
  data: { caseId, givenOn: '2019-05-02', scope: 'share_with_agencies' },
};
const erased: CaseEvent = {
  type: 'PersonalDataErased',
  data: { caseId, personId: 'p-1', requestedOn: '2019-06-01', erasedAt: at.toISOString(), reason: 'คำขอของเจ้าของข้อมูล' },
};

describe('no case yet', () => {
  it('is opened by the reporting agency, in screening, with the personal data sealed', () => {
    spec
      .given([])
      .when(
        cmd('OpenCase', {
          personId: 'p-1',
          source: 'border_screening',
          districtCode: '2706',
          foundOn: '2019-05-01',
          ageGroup: 'child',
          personalData: 'rj1.sealed',
        }),
      )
      .then([opened]);
  });
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
  it('cannot be opened twice', () => {
    spec
      .given([opened])
      .when(
        cmd('OpenCase', {
          personId: 'p-2',
          source: 'police',
          districtCode: '2701',
          foundOn: '2019-05-01',
          ageGroup: 'adult',
          personalData: 'x',
        }),
      )
      .thenRefuses(CaseAlreadyExists, 'CASE.ALREADY_EXISTS');
  });
  it('records screening with its indicators and form, moving to identification', () => {
    spec
      .given([opened])
      .when(cmd('RecordScreening', { indicators: [' debt_bondage ', 'debt_bondage'], formReference: 'ร.บ.1/2562-014' }))
      .then([screened]);
  });
  it('refuses screening without indicators', () => {
    spec
      .given([opened])
      .when(cmd('RecordScreening', { indicators: [' '], formReference: 'f' }))
      .thenRefuses(CaseFieldRequired, 'CASE.FIELD_REQUIRED');
  });
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
  it('gets a case manager, but not the same one twice', () => {
    spec
      .given([opened])
      .when(cmd('AssignCaseManager', { caseManagerId: 'malee.s' }))
      .then([{ type: 'CaseManagerAssigned', data: { caseId, caseManagerId: 'malee.s' } }]);
    spec
      .given([opened, { type: 'CaseManagerAssigned', data: { caseId, caseManagerId: 'malee.s' } }])
      .when(cmd('AssignCaseManager', { caseManagerId: 'malee.s' }))
      .thenRefuses(CaseUnchanged);
  });
});

describe('a screened case', () => {
  it('cannot be screened again', () => {
    spec
      .given([opened, screened])
      .when(cmd('RecordScreening', { indicators: ['x'], formReference: 'f' }))
      .thenRefuses(IllegalCaseTransition);
  });
  it('records the multidisciplinary team identification: a victim moves to protection and assistance', () => {
    spec
      .given([opened, screened])
      .when(cmd('RecordIdentification', { outcome: 'victim', decidedOn: '2019-05-10', decidingAgency: 'PSDHS-SK' }))
      .then([identified]);
    const state = caseDecider.evolve(
      caseDecider.evolve(caseDecider.evolve(caseDecider.initialState, opened), screened),
      identified,
    );
    expect(state).toMatchObject({ stage: 'protection_assistance', identification: 'victim' });
  });
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

describe('an identified victim', () => {
  const given = [opened, screened, identified];
  it('moves forward to return and reintegration, then prosecution support', () => {
    spec
      .given(given)
      .when(cmd('AdvanceNrmStage', { stage: 'return_reintegration' }))
      .then([
        { type: 'NrmStageAdvanced', data: { caseId, from: 'protection_assistance', to: 'return_reintegration' } },
      ]);
    spec
      .given([
        ...given,
        { type: 'NrmStageAdvanced', data: { caseId, from: 'protection_assistance', to: 'return_reintegration' } },
      ])
      .when(cmd('AdvanceNrmStage', { stage: 'prosecution_support' }))
      .then([{ type: 'NrmStageAdvanced', data: { caseId, from: 'return_reintegration', to: 'prosecution_support' } }]);
  });
  it('never moves back or stays put', () => {
    spec
      .given(given)
      .when(cmd('AdvanceNrmStage', { stage: 'identification' }))
      .thenRefuses(IllegalCaseTransition);
    spec
      .given(given)
      .when(cmd('AdvanceNrmStage', { stage: 'protection_assistance' }))
      .thenRefuses(IllegalCaseTransition);
  });
  it('is closed with an outcome', () => {
    spec
      .given(given)
      .when(cmd('CloseCase', { outcome: 'reintegrated' }))
      .then([closed]);
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
  it('is reopened with a reason, and not without one', () => {
    spec
      .given(given)
      .when(cmd('ReopenCase', { reason: 'พบข้อมูลใหม่' }))
      .then([{ type: 'CaseReopened', data: { caseId, reason: 'พบข้อมูลใหม่' } }]);
    spec
      .given(given)
      .when(cmd('ReopenCase', { reason: '  ' }))
      .thenRefuses(CaseFieldRequired);
  });
  it("still answers to the person's data rights", () => {
    spec
      .given(given)
      .when(cmd('ErasePersonalData', { requestedOn: '2019-06-01', reason: 'คำขอของเจ้าของข้อมูล' }))
      .then([erased]);
  });
});

describe('an open case', () => {
  it('cannot be reopened', () => {
    spec
      .given([opened])
      .when(cmd('ReopenCase', { reason: 'x' }))
      .thenRefuses(IllegalCaseTransition);
  });
});

describe('consent and legal basis', () => {
  it('records consent once, and withdraws it', () => {
    spec
      .given([opened])
      .when(cmd('RecordConsent', { givenOn: '2019-05-02', scope: 'share_with_agencies' }))
      .then([consent]);
    spec
      .given([opened, consent])
      .when(cmd('RecordConsent', { givenOn: '2019-05-03', scope: 'share_with_agencies' }))
      .thenRefuses(CaseUnchanged);
    spec
      .given([opened, consent])
      .when(cmd('WithdrawConsent', { withdrawnOn: '2019-05-09' }))
      .then([{ type: 'ConsentWithdrawn', data: { caseId, withdrawnOn: '2019-05-09' } }]);
  });
  it('cannot withdraw consent never given', () => {
    spec
      .given([opened])
      .when(cmd('WithdrawConsent', { withdrawnOn: '2019-05-09' }))
      .thenRefuses(NoConsentToWithdraw, 'CASE.NO_CONSENT');
  });
  it('records a legal basis with its reference', () => {
    spec
      .given([opened])
      .when(cmd('RecordLegalBasis', { basis: 'vital_interest', reference: 'PDPA s.26(1)' }))
      .then([{ type: 'LegalBasisRecorded', data: { caseId, basis: 'vital_interest', reference: 'PDPA s.26(1)' } }]);
    spec
      .given([opened])
      .when(cmd('RecordLegalBasis', { basis: 'vital_interest', reference: '' }))
      .thenRefuses(CaseFieldRequired);
  });
});

describe('erasure', () => {
  it('is refused with its legal ground, and the refusal is recorded', () => {
    spec
      .given([opened])
      .when(
        cmd('RefuseErasure', {
          requestedOn: '2019-06-01',
          legalGround: 'legal_claims',
          explanation: 'คดีอยู่ระหว่างพิจารณาของศาล',
        }),
      )
      .then([
        {
          type: 'ErasureRefused',
          data: {
            caseId,
            personId: 'p-1',
            requestedOn: '2019-06-01',
            legalGround: 'legal_claims',
            explanation: 'คดีอยู่ระหว่างพิจารณาของศาล',
          },
        },
      ]);
    spec
      .given([opened])
      .when(cmd('RefuseErasure', { requestedOn: '2019-06-01', legalGround: 'legal_claims', explanation: '' }))
      .thenRefuses(CaseFieldRequired);
  });
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
  it('leaves the case itself workable', () => {
    spec
      .given([opened, erased])
      .when(cmd('RecordScreening', { indicators: ['x'], formReference: 'f' }))
      .then([{ type: 'CaseScreened', data: { caseId, indicators: ['x'], formReference: 'f' } }]);
  });
});
