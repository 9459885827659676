import { deciderSpec } from '@ruamjai/testing';
import { userDecider } from '../user.fixtures';
import { UserInactive, UserInvalid, UserNotFound } from '../user.errors';
import type { UserEvent } from '../user.events';
import { cmd, registered } from '../user.fixtures';

// Who may deactivate whom is the policy's (user.policy.spec.ts); that the person's sessions end is the
// handler's (deactivate-user.int-spec.ts).
const spec = deciderSpec(userDecider);
const deactivated: UserEvent = { type: 'UserDeactivated', data: { username: 'malee', reason: 'ย้ายราชการ' } };

describe('an unknown user', () => {
  it('is not found', () => {
    spec
      .given([])
      .when(cmd('DeactivateUser', { reason: 'ย้ายราชการ' }))
      .thenRefuses(UserNotFound, 'USER.NOT_FOUND');
  });
});

describe('an active user', () => {
  it('is deactivated with the reason given, trimmed', () => {
    spec
      .given([registered])
      .when(cmd('DeactivateUser', { reason: '  ย้ายราชการ ' }))
      .then([deactivated]);
  });
  it('is not deactivated without a reason', () => {
    spec
      .given([registered])
      .when(cmd('DeactivateUser', { reason: ' ' }))
      .thenRefuses(UserInvalid, 'USER.INVALID');
  });
});

describe('a deactivated user', () => {
  it('cannot be deactivated again', () => {
    spec
      .given([registered, deactivated])
      .when(cmd('DeactivateUser', { reason: 'ซ้ำ' }))
      .thenRefuses(UserInactive, 'USER.INACTIVE');
  });
});
