import { UserInvalid } from '../user.errors';
import { openDirectory, type Directory } from '../user.store.fixtures';
import { deactivateUser } from './deactivate-user.handler';

describe('deactivating an account', () => {
  let directory: Directory;
  beforeEach(async () => {
    directory = await openDirectory();
  });
  afterEach(() => directory.close());

  it('ends every session of the person at once, and no one else’s', async () => {
    await directory.register('malee', 'Xk7pQ2mN9rT4vW8z');
    await directory.register('kanya', 'Hq3sV6yB8dF2gJ5k');
    const now = directory.clock.now();
    const desk = await directory.sessions.start('malee', now, 3600);
    const phone = await directory.sessions.start('malee', now, 3600);
    const colleague = await directory.sessions.start('kanya', now, 3600);

    await deactivateUser(directory.users, directory.sessions, 'malee', 'ย้ายราชการ', directory.context('ย้ายราชการ'));

    expect(await directory.sessions.isActive(desk.sessionId, now)).toBe(false);
    expect(await directory.sessions.isActive(phone.sessionId, now)).toBe(false);
    expect(await directory.sessions.isActive(colleague.sessionId, now)).toBe(true);
  });

  it('puts the reason on the person’s history, for the audit', async () => {
    await directory.register('malee', 'Xk7pQ2mN9rT4vW8z');
    await deactivateUser(directory.users, directory.sessions, 'malee', 'ย้ายราชการ', directory.context());
    expect((await directory.history('malee')).at(-1)).toMatchObject({
      type: 'UserDeactivated',
      data: { username: 'malee', reason: 'ย้ายราชการ' },
      metadata: { reason: 'ย้ายราชการ' },
    });
  });

  it('leaves the sessions alone when the deactivation is refused', async () => {
    await directory.register('malee', 'Xk7pQ2mN9rT4vW8z');
    const now = directory.clock.now();
    const desk = await directory.sessions.start('malee', now, 3600);
    await expect(
      deactivateUser(directory.users, directory.sessions, 'malee', ' ', directory.context()),
    ).rejects.toBeInstanceOf(UserInvalid);
    expect(await directory.sessions.isActive(desk.sessionId, now)).toBe(true);
  });
});
