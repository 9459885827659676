import { deciderSpec } from '@ruamjai/testing';
import { userDecider } from '../user.fixtures';
import { UserInvalid, UserUnchanged } from '../user.errors';
import { cmd, registered } from '../user.fixtures';

const spec = deciderSpec(userDecider);

describe('role changes and deactivation', () => {
  it('change the role and agency with a reason, naming what they were', () => {
    spec
      .given([registered])
      .when(cmd('ChangeUserRole', { role: 'auditor', agency: 'OAG', reason: 'ย้ายไปตรวจสอบ' }))
      .then([
        {
          type: 'UserRoleChanged',
          data: {
            username: 'malee',
            role: 'auditor',
            agency: 'OAG',
            previousRole: 'agency_officer',
            previousAgency: 'IMM-SK',
          },
        },
      ]);
    spec
      .given([registered])
      .when(cmd('ChangeUserRole', { role: 'auditor', agency: 'OAG', reason: ' ' }))
      .thenRefuses(UserInvalid);
    spec
      .given([registered])
      .when(cmd('ChangeUserRole', { role: 'agency_officer', agency: 'IMM-SK', reason: 'x' }))
      .thenRefuses(UserUnchanged);
  });
});
