import { deciderSpec } from '@ruamjai/testing';
import { userDecider } from '../user.fixtures';
import { UserInactive, UserNotFound } from '../user.errors';
import type { UserEvent } from '../user.events';
import { cmd, registered } from '../user.fixtures';

// What makes a new password acceptable, and that only its hash is kept, is the handler's:
// change-password.int-spec.ts.
const spec = deciderSpec(userDecider);

describe('an unknown user', () => {
  it('has no password to change', () => {
    spec
      .given([])
      .when(cmd('ChangePassword', { passwordHash: '$argon2id$new' }))
      .thenRefuses(UserNotFound, 'USER.NOT_FOUND');
  });
});

describe('an active user', () => {
  it('replaces the one-time password with the hash of their own', () => {
    spec
      .given([registered])
      .when(cmd('ChangePassword', { passwordHash: '$argon2id$new' }))
      .then([{ type: 'UserPasswordChanged', data: { username: 'malee', passwordHash: '$argon2id$new' } }]);
  });
});

describe('role changes and deactivation', () => {
  it('a deactivated account takes no more changes', () => {
    const deactivated: UserEvent = { type: 'UserDeactivated', data: { username: 'malee', reason: 'ลาออก' } };
    spec
      .given([registered, deactivated])
      .when(cmd('ChangePassword', { passwordHash: 'x' }))
      .thenRefuses(UserInactive, 'USER.INACTIVE');
  });
});
