import { selfActor } from '../user.commands.handler';
import { openDirectory, type Directory } from '../user.store.fixtures';
import { endSession, signOut } from './sign-out.handler';

describe('signing out', () => {
  let directory: Directory;
  beforeEach(async () => {
    directory = await openDirectory();
  });
  afterEach(() => directory.close());

  it('ends the session its refresh token belongs to, only that one, and records it on the person’s history', async () => {
    await directory.register('malee', 'Xk7pQ2mN9rT4vW8z');
    const now = directory.clock.now();
    const desk = await directory.sessions.start('malee', now, 3600);
    const phone = await directory.sessions.start('malee', now, 3600);

    await signOut(directory.users, directory.sessions, desk.refreshToken, 'c-1');

    expect(await directory.sessions.isActive(desk.sessionId, now)).toBe(false);
    expect(await directory.sessions.isActive(phone.sessionId, now)).toBe(true);
    expect((await directory.history('malee')).at(-1)).toMatchObject({
      type: 'UserSignedOut',
      data: { username: 'malee', sessionId: desk.sessionId },
    });
  });

  it('with a refresh token that names no live session, ends nothing and records nothing', async () => {
    await directory.register('malee', 'Xk7pQ2mN9rT4vW8z');
    const now = directory.clock.now();
    const desk = await directory.sessions.start('malee', now, 3600);
    await signOut(directory.users, directory.sessions, desk.refreshToken, 'c-1');

    await signOut(directory.users, directory.sessions, desk.refreshToken, 'c-2');
    await signOut(directory.users, directory.sessions, `${desk.sessionId}.forged`, 'c-3');
    await signOut(directory.users, directory.sessions, 'not-a-token', 'c-4');

    expect((await directory.history('malee')).map((e) => e.type)).toEqual(['UserRegistered', 'UserSignedOut']);
  });

  it('from an access token alone, ends the session it names and records it', async () => {
    const user = await directory.register('malee', 'Xk7pQ2mN9rT4vW8z');
    const now = directory.clock.now();
    const desk = await directory.sessions.start('malee', now, 3600);

    await endSession(directory.users, directory.sessions, desk.sessionId, selfActor(user), 'c-1');

    expect(await directory.sessions.isActive(desk.sessionId, now)).toBe(false);
    expect((await directory.history('malee')).at(-1)).toMatchObject({
      type: 'UserSignedOut',
      data: { username: 'malee', sessionId: desk.sessionId },
    });
  });
});
