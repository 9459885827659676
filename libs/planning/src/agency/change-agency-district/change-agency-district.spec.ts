import { deciderSpec, withData } from '@ruamjai/testing';
import { AgencyDistrictOutsideProvince, AgencyInactive, AgencyNotRegistered, AgencyUnchanged } from '../agency.errors';
import type { AgencyEvent } from '../agency.events';
import { agencyDecider } from '../agency.decider';
import { cmd, registered, deactivated } from '../agency.fixtures';

const spec = deciderSpec(agencyDecider);

describe('an agency not in the directory', () => {
  it('has no district to change', () => {
    spec
      .given([])
      .when(cmd('ChangeAgencyDistrict', { districtCode: '2701' }))
      .thenRefuses(AgencyNotRegistered, 'AGENCY.NOT_REGISTERED');
  });
});

describe('a registered agency', () => {
  it('is taken out of its district to serve the whole province', () => {
    spec
      .given([registered])
      .when(cmd('ChangeAgencyDistrict', { districtCode: null }))
      .then([{ type: 'AgencyDistrictChanged', data: { code: 'IMM-SK', districtCode: null } }]);
  });
  it('moves to another district of the province', () => {
    spec
      .given([registered])
      .when(cmd('ChangeAgencyDistrict', { districtCode: '2701' }))
      .then([{ type: 'AgencyDistrictChanged', data: { code: 'IMM-SK', districtCode: '2701' } }]);
  });
  it('is not moved to the district it is already in', () => {
    spec
      .given([registered])
      .when(cmd('ChangeAgencyDistrict', { districtCode: '2706' }))
      .thenRefuses(AgencyUnchanged, 'AGENCY.UNCHANGED');
  });
});

describe('an agency serving the whole province (no district)', () => {
  const provincial = withData(registered as Extract<AgencyEvent, { type: 'AgencyRegistered' }>, {
    districtCode: null,
  });
  it('is given a district', () => {
    spec
      .given([provincial])
      .when(cmd('ChangeAgencyDistrict', { districtCode: '2706' }))
      .then([{ type: 'AgencyDistrictChanged', data: { code: 'IMM-SK', districtCode: '2706' } }]);
  });
  it('is not cleared of a district it does not have', () => {
    spec
      .given([provincial])
      .when(cmd('ChangeAgencyDistrict', { districtCode: null }))
      .thenRefuses(AgencyUnchanged, 'AGENCY.UNCHANGED');
  });
});

describe('an inactive agency', () => {
  it('does not change district', () => {
    spec
      .given([registered, deactivated])
      .when(cmd('ChangeAgencyDistrict', { districtCode: '2701' }))
      .thenRefuses(AgencyInactive, 'AGENCY.INACTIVE');
  });
});

describe('an agency that has moved district', () => {
  const moved: AgencyEvent = { type: 'AgencyDistrictChanged', data: { code: 'IMM-SK', districtCode: '2701' } };
  it('is in its new district, still active', () => {
    spec
      .given([registered, moved])
      .when(cmd('ChangeAgencyDistrict', { districtCode: '2701' }))
      .thenRefuses(AgencyUnchanged, 'AGENCY.UNCHANGED');
  });
  it('may move back to its old district', () => {
    spec
      .given([registered, moved])
      .when(cmd('ChangeAgencyDistrict', { districtCode: '2706' }))
      .then([{ type: 'AgencyDistrictChanged', data: { code: 'IMM-SK', districtCode: '2706' } }]);
  });
});

describe("an agency's province", () => {
  it('keeps the agency: it cannot move to a district of another province', () => {
    spec
      .given([registered])
      .when(cmd('ChangeAgencyDistrict', { districtCode: '2301' }))
      .thenRefuses(AgencyDistrictOutsideProvince, 'AGENCY.DISTRICT_OUTSIDE_PROVINCE');
  });
  it("is the deployment's for an agency registered before provinces", () => {
    const { province: _, ...legacy } = (registered as Extract<AgencyEvent, { type: 'AgencyRegistered' }>).data;
    const before: AgencyEvent = { type: 'AgencyRegistered', data: legacy };
    spec
      .given([before])
      .when(cmd('ChangeAgencyDistrict', { districtCode: '2701' }))
      .then([{ type: 'AgencyDistrictChanged', data: { code: 'IMM-SK', districtCode: '2701' } }]);
    spec
      .given([before])
      .when(cmd('ChangeAgencyDistrict', { districtCode: '2001' }))
      .thenRefuses(AgencyDistrictOutsideProvince);
  });
});
