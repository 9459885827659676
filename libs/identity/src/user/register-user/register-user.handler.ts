import type { CommandContext, CommandOutcome, CommandRunner } from '@ruamjai/event-store';
import type { Clock, Role } from '@ruamjai/kernel';
import { hashPassword, oneTimePassword } from '../../application/credentials';
import { UserCommands } from '../user.commands.handler';
import type { UserEvent } from '../user.events';
import type { RegisterUser } from './register-user.command';

export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly agency: string;
  /** The province they work in; the deployment's when not given. */
  readonly province?: string;
}

/** Adds a person with a one-time password (returned once, stored only as its argon2id hash). Also the CLI's first-run path. */
export async function registerUser(
  runner: CommandRunner,
  clock: Clock,
  data: NewUser,
  context: CommandContext,
  deploymentProvince: string,
): Promise<{ outcome: CommandOutcome<UserEvent>; oneTimePassword: string }> {
  const password = oneTimePassword();
  const command: RegisterUser = {
    type: 'RegisterUser',
    data: { ...data, province: data.province ?? deploymentProvince, passwordHash: await hashPassword(password) },
    actor: context.actor,
    at: clock.now(),
  };
  const outcome = await new UserCommands(runner, clock, deploymentProvince).run(command, {
    ...context,
    expectedRevision: -1n,
  });
  return { outcome, oneTimePassword: password };
}
