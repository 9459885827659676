import type { CommandOutcome } from '@ruamjai/event-store';
import type { Actor } from '@ruamjai/kernel';
import type { UserCommands } from '../user.commands.handler';
import type { UserEvent } from '../user.events';
import type { SignInThroughProvider } from './sign-in-through-provider.command';

const PROVIDER_ROLE_CHANGE_REASON = 'บทบาทหรือหน่วยงานตามผู้ให้บริการยืนยันตัวตน / role or agency as the identity provider says';

/**
 * Records a person the provider vouched for: new, linked, brought up to date, or refused. A role or
 * agency that changed at the provider is a role change here, and the log says why.
 */
export async function signInThroughProvider(
  users: UserCommands,
  data: SignInThroughProvider['data'],
  correlationId: string,
  at: Date,
): Promise<CommandOutcome<UserEvent>> {
  const { username, role, agency } = data;
  const { user: before } = await users.load(username);
  const roleChanges =
    before !== undefined && before.status === 'active' && (before.role !== role || before.agency !== agency);
  // An account keeps the province it was registered in; a new one takes what the provider says.
  const actor: Actor = { id: username, agency, role, province: before?.province ?? data.province };
  return users.run(
    { type: 'SignInThroughProvider', data, actor, at },
    users.context(actor, correlationId, roleChanges ? { reason: PROVIDER_ROLE_CHANGE_REASON } : {}),
  );
}
