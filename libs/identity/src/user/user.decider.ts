import type { Decider } from '@ruamjai/kernel';
import type { UserCommand } from './user.commands';
import type { UserEvent } from './user.events';
import { evolveUserIn } from './user.evolve';
import type { UserState } from './user.state';
import { decideRegisterUser } from './register-user/register-user.decide';
import { decideAttemptSignIn } from './attempt-sign-in/attempt-sign-in.decide';
import { decideChangePassword } from './change-password/change-password.decide';
import { decideResetPassword } from './reset-password/reset-password.decide';
import { decideEnrolSecondFactor } from './enrol-second-factor/enrol-second-factor.decide';
import { decideChangeUserRole } from './change-user-role/change-user-role.decide';
import { decideDeactivateUser } from './deactivate-user/deactivate-user.decide';
import { decideSignOut } from './sign-out/sign-out.decide';
import { decideSetNotificationPreferences } from './set-notification-preferences/set-notification-preferences.decide';
import { decideSignInThroughProvider } from './sign-in-through-provider/sign-in-through-provider.decide';
import { decideRefuseProviderSignIn } from './refuse-provider-sign-in/refuse-provider-sign-in.decide';

/** Hands each command to its use case. */
function decide(command: UserCommand, state: UserState): UserEvent[] {
  switch (command.type) {
    case 'RegisterUser':
      return decideRegisterUser(command, state);
    case 'AttemptSignIn':
      return decideAttemptSignIn(command, state);
    case 'ChangePassword':
      return decideChangePassword(command, state);
    case 'ResetPassword':
      return decideResetPassword(command, state);
    case 'EnrolSecondFactor':
      return decideEnrolSecondFactor(command, state);
    case 'ChangeUserRole':
      return decideChangeUserRole(command, state);
    case 'DeactivateUser':
      return decideDeactivateUser(command, state);
    case 'SignOut':
      return decideSignOut(command, state);
    case 'SetNotificationPreferences':
      return decideSetNotificationPreferences(command, state);
    case 'SignInThroughProvider':
      return decideSignInThroughProvider(command, state);
    case 'RefuseProviderSignIn':
      return decideRefuseProviderSignIn(command, state);
    default: {
      const _exhaustive: never = command;
      throw new Error(`unknown command ${JSON.stringify(_exhaustive)}`);
    }
  }
}

/** The user decider of a deployment: its province is the one of accounts registered before provinces. */
export const userDeciderIn = (deploymentProvince: string): Decider<UserCommand, UserState, UserEvent> => ({
  initialState: { status: 'unknown' },
  decide,
  evolve: evolveUserIn(deploymentProvince),
});
