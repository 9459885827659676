import type { CommandOutcome } from '@ruamjai/event-store';
import { hashPassword, passwordProblem, verifyPassword } from '../../application/credentials';
import { selfActor, type UserCommands } from '../user.commands.handler';
import { UserInvalid } from '../user.errors';
import type { UserEvent } from '../user.events';
import type { KnownUser } from '../user.state';

/**
 * The person replaces their one-time password (first sign-in): long enough, without the username, and
 * not the old one; kept only as its argon2id hash, on the stream as the sign-in challenge found it.
 */
export async function changePassword(
  users: UserCommands,
  user: KnownUser,
  newPassword: string,
  correlationId: string,
  expectedRevision: bigint,
): Promise<CommandOutcome<UserEvent>> {
  const problem = passwordProblem(newPassword, user.username);
  if (problem) throw new UserInvalid(problem.th, problem.en);
  if (await verifyPassword(user.passwordHash, newPassword))
    throw new UserInvalid('รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านเดิม', 'The new password must differ from the old one');
  return users.run(
    {
      type: 'ChangePassword',
      data: { username: user.username, passwordHash: await hashPassword(newPassword) },
      actor: selfActor(user),
      at: users.now(),
    },
    users.context(selfActor(user), correlationId, { expectedRevision }),
  );
}
