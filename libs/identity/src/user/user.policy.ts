import type { Actor } from '@ruamjai/kernel';
import type { UserCommand } from './user.commands';
import { UserNotPermitted } from './user.errors';

/** Commands the secretariat gives about other people's accounts. */
const MANAGEMENT: readonly UserCommand['type'][] = [
  'RegisterUser',
  'ResetPassword',
  'ChangeUserRole',
  'DeactivateUser',
];

/**
 * The secretariat (coordinators) keeps the centre's user directory; each person changes only their own
 * password and second factor. A coordinator cannot demote or deactivate themself (the centre would
 * lose its last way in).
 */
export function authoriseUserCommand(actor: Actor, command: UserCommand['type'], username: string): void {
  if (MANAGEMENT.includes(command)) {
    if (actor.role !== 'coordinator') throw new UserNotPermitted('manage user accounts');
    if ((command === 'ChangeUserRole' || command === 'DeactivateUser') && actor.id === username)
      throw new UserNotPermitted('change its own role or deactivate itself');
    return;
  }
  // The secretariat may set up how a colleague hears of things (an e-mail address at first run).
  if (command === 'SetNotificationPreferences' && actor.role === 'coordinator') return;
  // Sign-in steps are taken before a session exists; a refusal at the provider's word is recorded by the system.
  if (command === 'AttemptSignIn' || command === 'RefuseProviderSignIn') return;
  if (actor.id !== username) throw new UserNotPermitted("change another person's credentials");
}
