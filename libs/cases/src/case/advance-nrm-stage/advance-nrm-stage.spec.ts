import { deciderSpec } from '@ruamjai/testing';
import { caseDecider } from '../case.decider';
import { IllegalCaseTransition } from '../case.errors';
import { caseId, cmd, opened, screened, identified } from '../case.fixtures';

const spec = deciderSpec(caseDecider);

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
});
