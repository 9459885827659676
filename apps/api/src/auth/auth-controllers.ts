import { OidcSignInController } from './oidc/oidc-sign-in.http.controller';
import { PasswordChangeController } from './password-change/password-change.http.controller';
import { SecondFactorEnrolmentController } from './second-factor/second-factor.http.controller';
import { SessionController } from './session/session.http.controller';
import { SignInController } from './sign-in/sign-in.http.controller';
import { ChangeUserRoleController } from './users/change-user-role/change-user-role.http.controller';
import { DeactivateUserController } from './users/deactivate-user/deactivate-user.http.controller';
import { RegisterUserController } from './users/register-user/register-user.http.controller';
import { ResetPasswordController } from './users/reset-password/reset-password.http.controller';
import { UserHistoryController } from './users/user-history/user-history.http.controller';
import { UsersController } from './users/users.http.controller';

/**
 * Sign-in and the user directory's HTTP surface, listed once so the app module takes it in one line.
 * The order is the OpenAPI document's (and the console client's): keep it.
 */
export const AUTH_CONTROLLERS = [
  SignInController,
  PasswordChangeController,
  SecondFactorEnrolmentController,
  SessionController,
  OidcSignInController,
  UsersController,
  RegisterUserController,
  ChangeUserRoleController,
  ResetPasswordController,
  DeactivateUserController,
  UserHistoryController,
];
