import { deciderSpec } from '@ruamjai/testing';
import { userDecider } from '../user.fixtures';
import { UserInvalid } from '../user.errors';
import type { UserEvent } from '../user.events';
import { cmd, registered } from '../user.fixtures';

const spec = deciderSpec(userDecider);

describe('role changes and deactivation', () => {
  it('a second factor is enrolled once', () => {
    const enrolled: UserEvent = {
      type: 'UserSecondFactorEnrolled',
      data: { username: 'malee', sealedSecret: 'rj1.x' },
    };
    spec
      .given([registered])
      .when(cmd('EnrolSecondFactor', { sealedSecret: 'rj1.x' }))
      .then([enrolled]);
    spec
      .given([registered, enrolled])
      .when(cmd('EnrolSecondFactor', { sealedSecret: 'rj1.y' }))
      .thenRefuses(UserInvalid);
  });
});
