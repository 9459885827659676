import { deciderSpec } from '@ruamjai/testing';
import { userDecider } from '../user.fixtures';
import { UserNotFound } from '../user.errors';
import { cmd, registered } from '../user.fixtures';

// That the session itself ends, and that an unknown or spent refresh token ends nothing, is the
// handler's: sign-out.int-spec.ts.
const spec = deciderSpec(userDecider);

describe('a user in the directory', () => {
  it('has the end of the session on their history', () => {
    spec
      .given([registered])
      .when(cmd('SignOut', { sessionId: 's1' }))
      .then([{ type: 'UserSignedOut', data: { username: 'malee', sessionId: 's1' } }]);
  });
  it('can sign out even once deactivated', () => {
    spec
      .given([registered, { type: 'UserDeactivated', data: { username: 'malee', reason: 'ย้ายราชการ' } }])
      .when(cmd('SignOut', { sessionId: 's1' }))
      .then([{ type: 'UserSignedOut', data: { username: 'malee', sessionId: 's1' } }]);
  });
});

describe('a username not in the directory', () => {
  it('has no session to sign out of', () => {
    spec
      .given([])
      .when(cmd('SignOut', { sessionId: 's1' }))
      .thenRefuses(UserNotFound, 'USER.NOT_FOUND');
  });
});
