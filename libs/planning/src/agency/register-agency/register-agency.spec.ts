import { deciderSpec } from '@ruamjai/testing';
import { AgencyAlreadyRegistered } from '../agency.errors';
import { agencyDecider } from '../agency.decider';
import { cmd, registered } from '../agency.fixtures';

const spec = deciderSpec(agencyDecider);

describe('an agency not yet in the directory', () => {
  it('is registered with its Thai name, type and district', () => {
    spec
      .given([])
      .when(
        cmd('RegisterAgency', {
          nameTh: ' ด่านตรวจคนเข้าเมืองจังหวัดสระแก้ว ',
          agencyType: 'immigration',
          districtCode: '2706',
        }),
      )
      .then([registered]);
  });
});

describe('a registered agency', () => {
  it('cannot be registered twice', () => {
    spec
      .given([registered])
      .when(cmd('RegisterAgency', { nameTh: 'x', agencyType: 'police' }))
      .thenRefuses(AgencyAlreadyRegistered, 'AGENCY.ALREADY_REGISTERED');
  });
});
