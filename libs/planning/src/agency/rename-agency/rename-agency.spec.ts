import { deciderSpec } from '@ruamjai/testing';
import { AgencyNotRegistered } from '../agency.errors';
import { agencyDecider } from '../agency.decider';
import { cmd, registered } from '../agency.fixtures';

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
});
