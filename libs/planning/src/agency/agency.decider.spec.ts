import type { Actor } from '@ruamjai/kernel';
import { deciderSpec } from '@ruamjai/testing';
import type { AgencyCommand } from './agency.commands';
import {
  AgencyAlreadyRegistered,
  AgencyInactive,
  AgencyNotRegistered,
  AgencyReasonRequired,
  AgencyUnchanged,
} from './agency.errors';
import type { AgencyEvent } from './agency.events';
import { agencyDecider } from './agency.decider';

const spec = deciderSpec(agencyDecider);
const actor: Actor = { id: 'somchai', agency: 'PSDHS-SK', role: 'coordinator' };
const at = new Date('2019-02-01T03:00:00Z');
const cmd = (type: AgencyCommand['type'], data: object) =>
  ({ type, data: { code: 'IMM-SK', ...data }, actor, at }) as AgencyCommand;
const registered: AgencyEvent = {
  type: 'AgencyRegistered',
  data: {
    code: 'IMM-SK',
    nameTh: 'ด่านตรวจคนเข้าเมืองจังหวัดสระแก้ว',
    nameEn: null,
    agencyType: 'immigration',
    districtCode: '2706',
  },
};
const deactivated: AgencyEvent = { type: 'AgencyDeactivated', data: { code: 'IMM-SK', reason: 'ยุบรวม' } };

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
  it('cannot be renamed', () => {
    spec
      .given([])
      .when(cmd('RenameAgency', { nameTh: 'x' }))
      .thenRefuses(AgencyNotRegistered, 'AGENCY.NOT_REGISTERED');
  });
});

describe('a registered agency', () => {
  it('cannot be registered twice', () => {
    spec
      .given([registered])
      .when(cmd('RegisterAgency', { nameTh: 'x', agencyType: 'police' }))
      .thenRefuses(AgencyAlreadyRegistered, 'AGENCY.ALREADY_REGISTERED');
  });
  it('is renamed', () => {
    spec
      .given([registered])
      .when(cmd('RenameAgency', { nameTh: 'ตม.สระแก้ว', nameEn: 'Sa Kaeo Immigration' }))
      .then([{ type: 'AgencyRenamed', data: { code: 'IMM-SK', nameTh: 'ตม.สระแก้ว', nameEn: 'Sa Kaeo Immigration' } }]);
  });
  it('changes type and district, but not to what it already is', () => {
    spec
      .given([registered])
      .when(cmd('ChangeAgencyType', { agencyType: 'police' }))
      .then([{ type: 'AgencyTypeChanged', data: { code: 'IMM-SK', agencyType: 'police' } }]);
    spec
      .given([registered])
      .when(cmd('ChangeAgencyType', { agencyType: 'immigration' }))
      .thenRefuses(AgencyUnchanged, 'AGENCY.UNCHANGED');
    spec
      .given([registered])
      .when(cmd('ChangeAgencyDistrict', { districtCode: null }))
      .then([{ type: 'AgencyDistrictChanged', data: { code: 'IMM-SK', districtCode: null } }]);
  });
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
