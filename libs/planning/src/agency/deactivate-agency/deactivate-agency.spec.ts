import { deciderSpec } from '@ruamjai/testing';
import { AgencyReasonRequired } from '../agency.errors';
import { agencyDecider } from '../agency.decider';
import { cmd, registered, deactivated } from '../agency.fixtures';

const spec = deciderSpec(agencyDecider);

describe('a registered agency', () => {
  it('is deactivated with a reason, and not without one', () => {
    spec
      .given([registered])
      .when(cmd('DeactivateAgency', { reason: 'ยุบรวม' }))
      .then([deactivated]);
    spec
      .given([registered])
      .when(cmd('DeactivateAgency', { reason: '' }))
      .thenRefuses(AgencyReasonRequired);
  });
});
