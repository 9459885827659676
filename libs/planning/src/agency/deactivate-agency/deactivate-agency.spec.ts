import { deciderSpec } from '@ruamjai/testing';
import { AgencyNotRegistered, AgencyReasonRequired } from '../agency.errors';
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
  it('refuses a reason of spaces alone, or none at all', () => {
    for (const reason of [' \t ', undefined]) {
      spec
        .given([registered])
        .when(cmd('DeactivateAgency', { reason }))
        .thenRefuses(AgencyReasonRequired, 'AGENCY.REASON_REQUIRED');
    }
  });
  it('keeps the reason without its surrounding spaces', () => {
    spec
      .given([registered])
      .when(cmd('DeactivateAgency', { reason: '  ยุบรวม ' }))
      .then([deactivated]);
  });
});

describe('an agency not in the directory', () => {
  it('cannot be deactivated', () => {
    spec
      .given([])
      .when(cmd('DeactivateAgency', { reason: 'ยุบรวม' }))
      .thenRefuses(AgencyNotRegistered, 'AGENCY.NOT_REGISTERED');
  });
});
