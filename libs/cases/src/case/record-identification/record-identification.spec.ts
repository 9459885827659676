import { deciderSpec } from '@ruamjai/testing';
import { caseDecider } from '../case.decider';
import { cmd, opened, screened, identified } from '../case.fixtures';

const spec = deciderSpec(caseDecider);

describe('a screened case', () => {
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
});
