import type { RegisterUser } from './register-user/register-user.command';
import type { AttemptSignIn } from './attempt-sign-in/attempt-sign-in.command';
import type { ChangePassword } from './change-password/change-password.command';
import type { ResetPassword } from './reset-password/reset-password.command';
import type { EnrolSecondFactor } from './enrol-second-factor/enrol-second-factor.command';
import type { ChangeUserRole } from './change-user-role/change-user-role.command';
import type { DeactivateUser } from './deactivate-user/deactivate-user.command';
import type { SignOut } from './sign-out/sign-out.command';
import type { SetNotificationPreferences } from './set-notification-preferences/set-notification-preferences.command';
import type { SignInThroughProvider } from './sign-in-through-provider/sign-in-through-provider.command';
import type { RefuseProviderSignIn } from './refuse-provider-sign-in/refuse-provider-sign-in.command';

export type { RegisterUser } from './register-user/register-user.command';
export type { AttemptSignIn, LockoutPolicy, SignInCheck } from './attempt-sign-in/attempt-sign-in.command';
export type { ChangePassword } from './change-password/change-password.command';
export type { ResetPassword } from './reset-password/reset-password.command';
export type { EnrolSecondFactor } from './enrol-second-factor/enrol-second-factor.command';
export type { ChangeUserRole } from './change-user-role/change-user-role.command';
export type { DeactivateUser } from './deactivate-user/deactivate-user.command';
export type { SignOut } from './sign-out/sign-out.command';
export type { SetNotificationPreferences } from './set-notification-preferences/set-notification-preferences.command';
export type { SignInThroughProvider } from './sign-in-through-provider/sign-in-through-provider.command';
export type { RefuseProviderSignIn } from './refuse-provider-sign-in/refuse-provider-sign-in.command';

/** Every command a user account takes, one per use-case folder. */
export type UserCommand =
  | RegisterUser
  | AttemptSignIn
  | ChangePassword
  | ResetPassword
  | EnrolSecondFactor
  | ChangeUserRole
  | DeactivateUser
  | SignOut
  | SetNotificationPreferences
  | SignInThroughProvider
  | RefuseProviderSignIn;
