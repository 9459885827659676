import { deciderSpec } from '@ruamjai/testing';
import { caseDecider } from '../case.decider';
import { cmd, opened, screened, identified, closed, erased } from '../case.fixtures';

const spec = deciderSpec(caseDecider);

describe('a closed case', () => {
  const given = [opened, screened, identified, closed];
  it("still answers to the person's data rights", () => {
    spec
      .given(given)
      .when(cmd('ErasePersonalData', { requestedOn: '2019-06-01', reason: 'คำขอของเจ้าของข้อมูล' }))
      .then([erased]);
  });
});
