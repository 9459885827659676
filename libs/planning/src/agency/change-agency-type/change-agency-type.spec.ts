import { deciderSpec } from '@ruamjai/testing';
import { AgencyUnchanged } from '../agency.errors';
import { agencyDecider } from '../agency.decider';
import { cmd, registered } from '../agency.fixtures';

const spec = deciderSpec(agencyDecider);

describe('a registered agency', () => {
  it('changes type, but not to what it already is', () => {
    spec
      .given([registered])
      .when(cmd('ChangeAgencyType', { agencyType: 'police' }))
      .then([{ type: 'AgencyTypeChanged', data: { code: 'IMM-SK', agencyType: 'police' } }]);
    spec
      .given([registered])
      .when(cmd('ChangeAgencyType', { agencyType: 'immigration' }))
      .thenRefuses(AgencyUnchanged, 'AGENCY.UNCHANGED');
  });
});
