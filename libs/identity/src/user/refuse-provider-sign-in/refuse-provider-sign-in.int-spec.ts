import { openDirectory, type Directory } from '../user.store.fixtures';
import { refuseProviderSignIn } from './refuse-provider-sign-in.handler';

describe('a sign-in the provider vouched for, with claims Ruamjai cannot use', () => {
  const provider = { issuer: 'https://sso.sakaeo.go.th/realms/ruamjai', subject: 'f3c1' };
  let directory: Directory;
  beforeEach(async () => {
    directory = await openDirectory();
  });
  afterEach(() => directory.close());

  it('is recorded, and ends the sessions the person opened with the role or agency the provider took away', async () => {
    await directory.register('malee', 'Xk7pQ2mN9rT4vW8z');
    const now = directory.clock.now();
    const desk = await directory.sessions.start('malee', now, 3600);

    await refuseProviderSignIn(
      directory.users,
      directory.sessions,
      { username: 'malee', provider, reason: 'no_role', client: '10.0.0.2' },
      'c-1',
      now,
    );

    expect(await directory.sessions.isActive(desk.sessionId, now)).toBe(false);
    expect((await directory.history('malee')).at(-1)).toMatchObject({
      type: 'UserProviderSignInRefused',
      data: { username: 'malee', ...provider, reason: 'no_role', client: '10.0.0.2' },
    });
  });
});
