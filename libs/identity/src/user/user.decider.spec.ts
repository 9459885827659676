import { userDecider } from './user.fixtures';
import { registered } from './user.fixtures';

// Rules that span several user commands; each use case's own rules are specified in its folder.

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
