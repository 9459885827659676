import type { CommandContext, CommandOutcome, CommandRunner } from '@ruamjai/event-store';
import type { Actor, Clock, Role } from '@ruamjai/kernel';
import type { PersonalDataVault } from '@ruamjai/privacy';
import type { SigningKey } from '@ruamjai/security';
import type { SessionStore } from '../sessions/session-store';
import { changeUserRole } from '../user/change-user-role/change-user-role.handler';
import { deactivateUser } from '../user/deactivate-user/deactivate-user.handler';
import { registerUser, type NewUser } from '../user/register-user/register-user.handler';
import { resetPassword } from '../user/reset-password/reset-password.handler';
import { setNotificationPreferences } from '../user/set-notification-preferences/set-notification-preferences.handler';
import { endSession, signOut } from '../user/sign-out/sign-out.handler';
import { UserCommands } from '../user/user.commands.handler';
import type { UserEvent } from '../user/user.events';
import type { KnownUser } from '../user/user.state';
import type { NotificationPreferences, ProviderLink } from '../user/user.values';
import type { Accounts, IdentitySettings } from './accounts';
import { completePasswordChange } from './password-change';
import type { MappedIdentity } from './provider-claims';
import { signInWithProvider, type ProviderSignInOutcome } from './provider-sign-in';
import { completeEnrolment } from './second-factor';
import { refreshSession, type IssuedSession } from './session-tokens';
import { signIn } from './sign-in';
import type { SignInOutcome } from './sign-in-attempt';

export type { IdentitySettings } from './accounts';
export { ChallengeInvalid } from './challenges';
export { providerRefusalsStreamId, type ProviderSignInOutcome } from './provider-sign-in';
export type { IssuedSession } from './session-tokens';
export type { SignInOutcome } from './sign-in-attempt';
export { registerUser, type NewUser } from '../user/register-user/register-user.handler';

/**
 * The embedded user directory and its sign-in: passwords (argon2id), TOTP, lockout, sessions. Every
 * decision is the user decider's; each method hands over to its use case's handler (one command) or
 * to the sign-in flow that runs several (sign-in, password change, second factor, the OpenID provider),
 * which check credentials, seal the TOTP secret in the personal-data vault, and issue tokens.
 */
export class UserAccounts {
  private readonly accounts: Accounts;

  constructor(
    private readonly runner: CommandRunner,
    vault: PersonalDataVault,
    private readonly sessions: SessionStore,
    key: SigningKey,
    private readonly clock: Clock,
    settings: IdentitySettings,
  ) {
    const users = new UserCommands(runner, clock, settings.deploymentProvince);
    this.accounts = { runner, users, vault, sessions, key, clock, settings };
  }

  private get users(): UserCommands {
    return this.accounts.users;
  }

  load(username: string): Promise<{ user: KnownUser | undefined; revision: bigint }> {
    return this.users.load(username);
  }

  // User management: the secretariat keeps the directory.

  /** The secretariat (or the CLI, on first run) adds a person: the answer carries their one-time password. */
  register(
    data: NewUser,
    context: CommandContext,
  ): Promise<{ outcome: CommandOutcome<UserEvent>; oneTimePassword: string }> {
    return registerUser(this.runner, this.clock, data, context, this.accounts.settings.deploymentProvince);
  }

  resetPassword(
    username: string,
    context: CommandContext,
  ): Promise<{ outcome: CommandOutcome<UserEvent>; oneTimePassword: string }> {
    return resetPassword(this.users, this.sessions, username, context);
  }

  changeRole(
    username: string,
    data: { role: Role; agency: string; reason: string },
    context: CommandContext,
  ): Promise<CommandOutcome<UserEvent>> {
    return changeUserRole(this.users, this.sessions, username, data, context);
  }

  deactivate(username: string, reason: string, context: CommandContext): Promise<CommandOutcome<UserEvent>> {
    return deactivateUser(this.users, this.sessions, username, reason, context);
  }

  /** How the person hears of things: the bell, an e-mail address, a daily digest. Their own, or the secretariat's for them. */
  setNotificationPreferences(
    username: string,
    preferences: NotificationPreferences,
    context: CommandContext,
  ): Promise<CommandOutcome<UserEvent>> {
    return setNotificationPreferences(this.users, username, preferences, context);
  }

  // Sign-in, its first-time steps, and sessions.

  /** Password (and TOTP code, for the roles that need one): a session, the next first-sign-in step, or a refusal. */
  signIn(
    username: string,
    password: string,
    code: string | undefined,
    client: string,
    correlationId: string,
  ): Promise<SignInOutcome> {
    return signIn(this.accounts, username, password, code, client, correlationId);
  }

  /** First sign-in: the one-time password is replaced; then the second factor is enrolled, or the session starts. */
  completePasswordChange(
    challengeToken: string,
    newPassword: string,
    client: string,
    correlationId: string,
  ): Promise<SignInOutcome> {
    return completePasswordChange(this.accounts, challengeToken, newPassword, client, correlationId);
  }

  /** The first code from the authenticator app proves the secret was taken: it is sealed and kept. */
  completeEnrolment(
    challengeToken: string,
    code: string,
    client: string,
    correlationId: string,
  ): Promise<SignInOutcome> {
    return completeEnrolment(this.accounts, challengeToken, code, client, correlationId);
  }

  /** A person the OpenID provider vouched for: signed in with the same kind of session, or refused (recorded). */
  signInThroughProvider(
    provider: ProviderLink,
    identity: MappedIdentity,
    client: string,
    correlationId: string,
  ): Promise<ProviderSignInOutcome> {
    return signInWithProvider(this.accounts, provider, identity, client, correlationId);
  }

  /** A new access token for a live session, rotating the refresh token. */
  refresh(refreshToken: string): Promise<IssuedSession | undefined> {
    return refreshSession(this.accounts, refreshToken);
  }

  signOut(refreshToken: string, correlationId: string): Promise<void> {
    return signOut(this.users, this.sessions, refreshToken, correlationId);
  }

  /** Sign-out from an access token alone (no cookie at hand). */
  endSession(sessionId: string, actor: Actor, correlationId: string): Promise<void> {
    return endSession(this.users, this.sessions, sessionId, actor, correlationId);
  }
}
