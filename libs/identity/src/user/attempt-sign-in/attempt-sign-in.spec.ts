import { deciderSpec } from '@ruamjai/testing';
import { userDecider } from '../user.fixtures';
import type { UserEvent } from '../user.events';
import { badPassword, failed, good, policy, registered, signIn } from '../user.fixtures';
import { lockoutSeconds } from './attempt-sign-in.decide';

const spec = deciderSpec(userDecider);

describe('signing in', () => {
  it('succeeds with the right password and second factor, and is recorded with the session', () => {
    spec
      .given([registered])
      .when(signIn(good))
      .then([{ type: 'UserSignedIn', data: { username: 'malee', sessionId: 's1', client: '10.0.0.1' } }]);
  });
  it('records each failure with the count of failures in a row', () => {
    spec
      .given([registered, failed(1)])
      .when(signIn(badPassword))
      .then([failed(2)]);
    spec
      .given([registered])
      .when(signIn({ passwordValid: true, secondFactor: 'invalid' }))
      .then([failed(1, 'bad_second_factor' as never)]);
    spec
      .given([registered])
      .when(signIn({ passwordValid: true, secondFactor: 'missing' }))
      .then([failed(1, 'second_factor_missing' as never)]);
  });
  it('locks the account after the allowed number of failures in a row', () => {
    spec
      .given([registered, failed(1), failed(2)])
      .when(signIn(badPassword))
      .then([
        failed(3),
        {
          type: 'UserLockedOut',
          data: { username: 'malee', until: '2019-02-14T03:01:00.000Z', consecutiveFailures: 3 },
        },
      ]);
  });
  it('refuses even the right password while locked, without extending the lock', () => {
    const locked: UserEvent = {
      type: 'UserLockedOut',
      data: { username: 'malee', until: '2019-02-14T03:01:00.000Z', consecutiveFailures: 3 },
    };
    spec
      .given([registered, failed(1), failed(2), failed(3), locked])
      .when(signIn(good, new Date('2019-02-14T03:00:30Z')))
      .then([failed(3, 'locked_out' as never)]);
  });
  it('backs off: each failure after a lockout locks for twice as long, up to the cap', () => {
    const locked: UserEvent = {
      type: 'UserLockedOut',
      data: { username: 'malee', until: '2019-02-14T03:01:00.000Z', consecutiveFailures: 3 },
    };
    spec
      .given([registered, failed(1), failed(2), failed(3), locked])
      .when(signIn(badPassword, new Date('2019-02-14T03:02:00Z')))
      .then([
        failed(4),
        {
          type: 'UserLockedOut',
          data: { username: 'malee', until: '2019-02-14T03:04:00.000Z', consecutiveFailures: 4 },
        },
      ]);
    expect([3, 4, 5, 6, 7, 8, 20].map((n) => lockoutSeconds(n, policy))).toEqual([60, 120, 240, 480, 960, 1920, 3600]);
  });
  it('starts counting afresh after a success', () => {
    const state = [
      registered,
      failed(1),
      failed(2),
      { type: 'UserSignedIn', data: { username: 'malee', sessionId: 's', client: 'x' } } as UserEvent,
    ].reduce(userDecider.evolve, userDecider.initialState);
    expect(state).toMatchObject({ consecutiveFailures: 0, lockedUntil: null });
  });
  it('is refused, and recorded, for a deactivated account', () => {
    const deactivated: UserEvent = { type: 'UserDeactivated', data: { username: 'malee', reason: 'ย้ายหน่วยงาน' } };
    spec
      .given([registered, deactivated])
      .when(signIn(good))
      .then([failed(0, 'inactive' as never)]);
  });
});
