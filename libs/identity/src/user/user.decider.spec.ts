import { deciderSpec } from '@ruamjai/testing';
import { userDecider } from './user.decider';
import { UserInactive } from './user.errors';
import type { UserEvent } from './user.events';
import { cmd, registered } from './user.fixtures';

// Rules that span several user commands; each use case's own rules are specified in its folder.
const spec = deciderSpec(userDecider);

describe('a new user', () => {
  it('must change the one-time password before anything else', () => {
    const state = [registered].reduce(userDecider.evolve, userDecider.initialState);
    expect(state).toMatchObject({ mustChangePassword: true, sealedSecret: null });
    const changed = userDecider.evolve(state, {
      type: 'UserPasswordChanged',
      data: { username: 'malee', passwordHash: 'new' },
    });
    expect(changed).toMatchObject({ mustChangePassword: false, passwordHash: 'new' });
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
