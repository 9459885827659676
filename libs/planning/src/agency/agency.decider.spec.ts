import { deciderSpec } from '@ruamjai/testing';
import { AgencyInactive } from './agency.errors';
import { agencyDecider } from './agency.decider';
import { cmd, registered, deactivated } from './agency.fixtures';

const spec = deciderSpec(agencyDecider);

describe('an inactive agency', () => {
  it('takes no more changes', () => {
    spec
      .given([registered, deactivated])
      .when(cmd('RenameAgency', { nameTh: 'ใหม่' }))
      .thenRefuses(AgencyInactive, 'AGENCY.INACTIVE');
    spec
      .given([registered, deactivated])
      .when(cmd('DeactivateAgency', { reason: 'อีกครั้ง' }))
      .thenRefuses(AgencyInactive);
  });
});
