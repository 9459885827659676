import { userDecider } from '../user.fixtures';
import type { UserEvent } from '../user.events';
import { failed, registered } from '../user.fixtures';

describe('signing in', () => {
  it('a reset by the secretariat unlocks the account and asks for a new password', () => {
    const locked: UserEvent = {
      type: 'UserLockedOut',
      data: { username: 'malee', until: '2019-02-14T03:01:00.000Z', consecutiveFailures: 3 },
    };
    const reset: UserEvent = { type: 'UserPasswordReset', data: { username: 'malee', passwordHash: 'h2' } };
    const state = [registered, failed(3), locked, reset].reduce(userDecider.evolve, userDecider.initialState);
    expect(state).toMatchObject({ consecutiveFailures: 0, lockedUntil: null, mustChangePassword: true });
  });
});
