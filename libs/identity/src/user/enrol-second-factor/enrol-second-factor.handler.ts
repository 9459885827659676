import type { CommandOutcome } from '@ruamjai/event-store';
import type { PersonalDataVault } from '@ruamjai/privacy';
import { totpCodeValid } from '../../application/credentials';
import { selfActor, type UserCommands } from '../user.commands.handler';
import { UserInvalid } from '../user.errors';
import { userStreamId, type UserEvent } from '../user.events';
import type { KnownUser } from '../user.state';

/** The first code from the authenticator app proves the secret was taken: it is sealed in the vault and kept. */
export async function enrolSecondFactor(
  users: UserCommands,
  vault: PersonalDataVault,
  user: KnownUser,
  secret: string,
  code: string,
  correlationId: string,
  expectedRevision: bigint,
): Promise<CommandOutcome<UserEvent>> {
  if (!totpCodeValid(secret, code, users.now())) {
    throw new UserInvalid(
      'รหัสยืนยันไม่ถูกต้อง ตรวจสอบเวลาในโทรศัพท์แล้วลองใหม่',
      'The code is not right; check the phone’s clock and try again',
    );
  }
  const sealedSecret = await vault.seal(userStreamId(user.username), secret);
  return users.run(
    {
      type: 'EnrolSecondFactor',
      data: { username: user.username, sealedSecret },
      actor: selfActor(user),
      at: users.now(),
    },
    users.context(selfActor(user), correlationId, { expectedRevision }),
  );
}
