import { deciderSpec, withData } from '@ruamjai/testing';
import { AgencyAlreadyRegistered } from '../agency.errors';
import type { AgencyEvent } from '../agency.events';
import { agencyDecider } from '../agency.decider';
import { cmd, registered, deactivated } from '../agency.fixtures';

const spec = deciderSpec(agencyDecider);
const registeredAs = (data: Partial<Extract<AgencyEvent, { type: 'AgencyRegistered' }>['data']>) =>
  withData(registered as Extract<AgencyEvent, { type: 'AgencyRegistered' }>, data);

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
  it('keeps its English name without its surrounding spaces', () => {
    spec
      .given([])
      .when(
        cmd('RegisterAgency', {
          nameTh: 'ด่านตรวจคนเข้าเมืองจังหวัดสระแก้ว',
          nameEn: '  Sa Kaeo Immigration Checkpoint ',
          agencyType: 'immigration',
          districtCode: '2706',
        }),
      )
      .then([registeredAs({ nameEn: 'Sa Kaeo Immigration Checkpoint' })]);
  });
  it('has no English name when given spaces alone', () => {
    spec
      .given([])
      .when(
        cmd('RegisterAgency', {
          nameTh: 'ด่านตรวจคนเข้าเมืองจังหวัดสระแก้ว',
          nameEn: '   ',
          agencyType: 'immigration',
          districtCode: '2706',
        }),
      )
      .then([registered]);
  });
  it('serves the whole province when registered without a district', () => {
    spec
      .given([])
      .when(cmd('RegisterAgency', { nameTh: 'ด่านตรวจคนเข้าเมืองจังหวัดสระแก้ว', agencyType: 'immigration' }))
      .then([registeredAs({ districtCode: null })]);
  });
});

describe('a registered agency', () => {
  it('cannot be registered twice', () => {
    spec
      .given([registered])
      .when(cmd('RegisterAgency', { nameTh: 'x', agencyType: 'police' }))
      .thenRefuses(AgencyAlreadyRegistered, 'AGENCY.ALREADY_REGISTERED');
  });
  it('cannot be registered again once deactivated: its code stays taken', () => {
    spec
      .given([registered, deactivated])
      .when(cmd('RegisterAgency', { nameTh: 'x', agencyType: 'police' }))
      .thenRefuses(AgencyAlreadyRegistered, 'AGENCY.ALREADY_REGISTERED');
  });
});
