import { verifyPassword } from '../../application/credentials';
import { UserInvalid } from '../user.errors';
import { openDirectory, type Directory } from '../user.store.fixtures';
import { changePassword } from './change-password.handler';

// The person replaces the one-time password the secretariat gave them. The rules of a good password
// live here, in the handler: the decider sees only its hash.
describe('changing the one-time password', () => {
  const oneTime = 'Xk7pQ2mN9rT4vW8z';
  let directory: Directory;
  beforeEach(async () => {
    directory = await openDirectory();
  });
  afterEach(() => directory.close());

  async function change(newPassword: string) {
    const user = await directory.register('malee', oneTime);
    const { revision } = await directory.users.load('malee');
    return changePassword(directory.users, user, newPassword, 'c-1', revision);
  }

  async function refusal(newPassword: string): Promise<unknown> {
    const refused = await change(newPassword).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(await directory.history('malee')).toHaveLength(1);
    return refused;
  }

  it('keeps only the argon2id hash of the new password, which then opens the account', async () => {
    const outcome = await change('ร่วมใจสระแก้ว-2562');
    const [changed] = outcome.events;
    expect(changed?.type).toBe('UserPasswordChanged');
    const { passwordHash } = changed?.data as { passwordHash: string };
    expect(passwordHash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(await directory.history('malee'))).not.toContain('ร่วมใจสระแก้ว-2562');
    expect(await verifyPassword(passwordHash, 'ร่วมใจสระแก้ว-2562')).toBe(true);
    const { user } = await directory.users.load('malee');
    expect(user).toMatchObject({ passwordHash, mustChangePassword: false });
  });

  it('refuses a password shorter than twelve characters, and records nothing', async () => {
    const refused = await refusal('สั้นไป-11ตั');
    expect(refused).toBeInstanceOf(UserInvalid);
    expect(refused).toMatchObject({ code: 'USER.INVALID' });
  });

  it('takes a password of exactly twelve characters', async () => {
    const outcome = await change('สระแก้ว-2562');
    expect(outcome.events.map((e) => e.type)).toEqual(['UserPasswordChanged']);
  });

  it('refuses a password that contains the username, whatever its case, and records nothing', async () => {
    const refused = await refusal('สวัสดี-MALEE-2562');
    expect(refused).toBeInstanceOf(UserInvalid);
    expect(refused).toMatchObject({ code: 'USER.INVALID' });
  });

  it('refuses the one-time password itself as the new one, and records nothing', async () => {
    const refused = await refusal(oneTime);
    expect(refused).toBeInstanceOf(UserInvalid);
    expect(refused).toMatchObject({ code: 'USER.INVALID' });
  });
});
