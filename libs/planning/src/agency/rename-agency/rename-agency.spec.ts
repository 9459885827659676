import { deciderSpec, withData } from '@ruamjai/testing';
import { AgencyInactive, AgencyNotRegistered, AgencyUnchanged } from '../agency.errors';
import type { AgencyEvent } from '../agency.events';
import { agencyDecider } from '../agency.decider';
import { cmd, registered, deactivated } from '../agency.fixtures';

const spec = deciderSpec(agencyDecider);

describe('an agency not yet in the directory', () => {
  it('cannot be renamed', () => {
    spec
      .given([])
      .when(cmd('RenameAgency', { nameTh: 'x' }))
      .thenRefuses(AgencyNotRegistered, 'AGENCY.NOT_REGISTERED');
  });
});

describe('a registered agency', () => {
  it('is renamed', () => {
    spec
      .given([registered])
      .when(cmd('RenameAgency', { nameTh: 'ตม.สระแก้ว', nameEn: 'Sa Kaeo Immigration' }))
      .then([{ type: 'AgencyRenamed', data: { code: 'IMM-SK', nameTh: 'ตม.สระแก้ว', nameEn: 'Sa Kaeo Immigration' } }]);
  });
  it('keeps its new names without their surrounding spaces', () => {
    spec
      .given([registered])
      .when(cmd('RenameAgency', { nameTh: '  ตม.สระแก้ว ', nameEn: ' Sa Kaeo Immigration  ' }))
      .then([{ type: 'AgencyRenamed', data: { code: 'IMM-SK', nameTh: 'ตม.สระแก้ว', nameEn: 'Sa Kaeo Immigration' } }]);
  });
  it('has no English name when renamed without one, or with spaces alone', () => {
    for (const nameEn of [undefined, '  ']) {
      spec
        .given([registered])
        .when(cmd('RenameAgency', { nameTh: 'ตม.สระแก้ว', nameEn }))
        .then([{ type: 'AgencyRenamed', data: { code: 'IMM-SK', nameTh: 'ตม.สระแก้ว', nameEn: null } }]);
    }
  });
  it('is not renamed to the Thai name it has, whatever the spaces around it', () => {
    spec
      .given([registered])
      .when(cmd('RenameAgency', { nameTh: ' ด่านตรวจคนเข้าเมืองจังหวัดสระแก้ว  ' }))
      .thenRefuses(AgencyUnchanged, 'AGENCY.UNCHANGED');
  });
  it('goes by its new name: renamed back, it changes again; renamed to it again, it does not', () => {
    const renamed = {
      type: 'AgencyRenamed',
      data: { code: 'IMM-SK', nameTh: 'ตม.สระแก้ว', nameEn: null },
    } as const;
    spec
      .given([registered, renamed])
      .when(cmd('RenameAgency', { nameTh: 'ตม.สระแก้ว' }))
      .thenRefuses(AgencyUnchanged);
    spec
      .given([registered, renamed])
      .when(cmd('RenameAgency', { nameTh: 'ด่านตรวจคนเข้าเมืองจังหวัดสระแก้ว' }))
      .then([{ type: 'AgencyRenamed', data: { code: 'IMM-SK', nameTh: 'ด่านตรวจคนเข้าเมืองจังหวัดสระแก้ว', nameEn: null } }]);
  });
});

describe('an inactive agency', () => {
  it('is not renamed', () => {
    spec
      .given([registered, deactivated])
      .when(cmd('RenameAgency', { nameTh: 'ตม.สระแก้ว' }))
      .thenRefuses(AgencyInactive, 'AGENCY.INACTIVE');
  });
});

describe('a registered agency keeping its Thai name', () => {
  it('gains or changes its English name alone', () => {
    spec
      .given([registered])
      .when(cmd('RenameAgency', { nameTh: 'ด่านตรวจคนเข้าเมืองจังหวัดสระแก้ว', nameEn: 'Sa Kaeo Immigration' }))
      .then([
        {
          type: 'AgencyRenamed',
          data: { code: 'IMM-SK', nameTh: 'ด่านตรวจคนเข้าเมืองจังหวัดสระแก้ว', nameEn: 'Sa Kaeo Immigration' },
        },
      ]);
  });
});

describe('an agency with an English name', () => {
  const named = withData(registered as Extract<AgencyEvent, { type: 'AgencyRegistered' }>, {
    nameEn: 'Sa Kaeo Immigration',
  });
  it('is not renamed to the Thai and English names it has', () => {
    spec
      .given([named])
      .when(cmd('RenameAgency', { nameTh: 'ด่านตรวจคนเข้าเมืองจังหวัดสระแก้ว', nameEn: ' Sa Kaeo Immigration ' }))
      .thenRefuses(AgencyUnchanged, 'AGENCY.UNCHANGED');
  });
});
