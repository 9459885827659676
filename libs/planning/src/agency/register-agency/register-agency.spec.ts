import { deciderSpec, withData } from '@ruamjai/testing';
import { AgencyAlreadyRegistered, AgencyDistrictOutsideProvince } from '../agency.errors';
import type { AgencyEvent } from '../agency.events';
import { agencyDecider } from '../agency.decider';
import { actor, at, cmd, registered, deactivated } from '../agency.fixtures';

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

describe("an agency's province", () => {
  const chonBuri = { ...actor, id: 'chonburi.coordinator', agency: 'PSDHS-CB', province: 'TH-20' };
  it('is the province of the coordinator who registers it', () => {
    spec
      .given([])
      .when({
        type: 'RegisterAgency',
        data: {
          code: 'SHELTER-CB',
          nameTh: 'บ้านพักเด็กและครอบครัวจังหวัดชลบุรี',
          agencyType: 'shelter',
          districtCode: '2001',
        },
        actor: chonBuri,
        at,
        deploymentProvince: 'TH-27',
      })
      .then([
        {
          type: 'AgencyRegistered',
          data: {
            code: 'SHELTER-CB',
            nameTh: 'บ้านพักเด็กและครอบครัวจังหวัดชลบุรี',
            nameEn: null,
            agencyType: 'shelter',
            districtCode: '2001',
            province: 'TH-20',
          },
        },
      ]);
  });
  it('holds its district: a district of another province is refused', () => {
    spec
      .given([])
      .when(cmd('RegisterAgency', { nameTh: 'ด่านตรวจคนเข้าเมือง', agencyType: 'immigration', districtCode: '2001' }))
      .thenRefuses(AgencyDistrictOutsideProvince, 'AGENCY.DISTRICT_OUTSIDE_PROVINCE');
  });
});
