import type { CommandContext, CommandOutcome, CommandRunner } from '@ruamjai/event-store';
import type { Actor, Clock, Role } from '@ruamjai/kernel';
import type { PersonalDataVault } from '@ruamjai/privacy';
import { issueToken, type SigningKey } from '@ruamjai/security';
import { jwtVerify, SignJWT } from 'jose';
import { createHash, randomUUID } from 'node:crypto';
import {
  PROVIDER_REFUSALS_STREAM_PREFIX,
  PROVIDER_SIGN_IN_ACTOR,
  providerSignInRefusals,
} from '../user/provider-sign-in-refusals';
import type { LockoutPolicy, SignInCheck, UserCommand } from '../user/user.commands';
import { userDecider } from '../user/user.decider';
import { UserInvalid } from '../user/user.errors';
import { userStreamId, type UserEvent } from '../user/user.events';
import { authoriseUserCommand } from '../user/user.policy';
import type { KnownUser } from '../user/user.state';
import {
  needsSecondFactor,
  type NotificationPreferences,
  type ProviderLink,
  type ProviderRefusal,
} from '../user/user.values';
import type { SessionStore } from '../sessions/session-store';
import type { MappedIdentity } from './provider-claims';
import {
  hashPassword,
  newTotpSecret,
  oneTimePassword,
  passwordProblem,
  totpCodeValid,
  verifyPassword,
} from './credentials';

export interface IdentitySettings {
  readonly issuer: string;
  readonly audience: string;
  readonly accessTokenTtlSeconds: number;
  readonly sessionLifetimeSeconds: number;
  readonly lockout: LockoutPolicy;
  readonly totpIssuer: string;
  /** Bind an account the secretariat added to the first provider subject with its username (OIDC_LINK_EXISTING_ACCOUNTS). */
  readonly linkExistingAccounts?: boolean;
}

/** What a sign-in step leads to. Failures never say whether the username exists or which factor was wrong. */
export type SignInOutcome =
  | { readonly kind: 'signed_in'; readonly session: IssuedSession }
  | { readonly kind: 'password_change_required'; readonly challenge: string }
  | {
      readonly kind: 'second_factor_enrolment_required';
      readonly challenge: string;
      readonly secret: string;
      readonly otpauthUri: string;
    }
  | { readonly kind: 'failed' }
  | { readonly kind: 'locked_out'; readonly until: string; readonly retryAfterSeconds: number };

export interface IssuedSession {
  readonly accessToken: string;
  readonly expiresIn: number;
  readonly refreshToken: string;
  readonly sessionId: string;
  readonly user: {
    readonly username: string;
    readonly displayName: string;
    readonly role: Role;
    readonly agency: string;
  };
}

/** What a sign-in through the OpenID provider leads to: a session, or a recorded refusal. */
export type ProviderSignInOutcome =
  | { readonly kind: 'signed_in'; readonly session: IssuedSession }
  | { readonly kind: 'refused'; readonly reason: ProviderRefusal };

/** The stream that keeps refusals of one provider subject with no account here. */
export const providerRefusalsStreamId = (link: ProviderLink): string =>
  PROVIDER_REFUSALS_STREAM_PREFIX +
  createHash('sha256').update(`${link.issuer}\n${link.subject}`).digest('hex').slice(0, 32);

const PROVIDER_ROLE_CHANGE_REASON = 'บทบาทหรือหน่วยงานตามผู้ให้บริการยืนยันตัวตน / role or agency as the identity provider says';

type ChallengeStep = 'password_change' | 'second_factor_enrolment';
interface Challenge {
  readonly username: string;
  readonly step: ChallengeStep;
  /** The user's stream revision when the challenge was given: a replayed challenge meets a newer stream. */
  readonly revision: bigint;
  readonly secret?: string;
}

const CHALLENGE_SECONDS = 600;

export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly agency: string;
}

/** Adds a person with a one-time password (returned once, stored only as its argon2id hash). Also the CLI's first-run path. */
export async function registerUser(
  runner: CommandRunner,
  clock: Clock,
  data: NewUser,
  context: CommandContext,
): Promise<{ outcome: CommandOutcome<UserEvent>; oneTimePassword: string }> {
  const password = oneTimePassword();
  const command: UserCommand = {
    type: 'RegisterUser',
    data: { ...data, passwordHash: await hashPassword(password) },
    actor: context.actor,
    at: clock.now(),
  };
  authoriseUserCommand(context.actor, command.type, data.username);
  const outcome = await runner.run(userDecider, userStreamId(data.username), command, {
    ...context,
    expectedRevision: -1n,
  });
  return { outcome, oneTimePassword: password };
}

export class ChallengeInvalid extends UserInvalid {
  constructor() {
    super('ขั้นตอนเข้าสู่ระบบหมดอายุหรือไม่ถูกต้อง กรุณาเข้าสู่ระบบใหม่', 'The sign-in step expired or is not valid; sign in again');
  }
}

/** Someone acting on their own account before they hold a session. */
const selfActor = (user: Pick<KnownUser, 'username' | 'agency' | 'role'>): Actor => ({
  id: user.username,
  agency: user.agency,
  role: user.role,
});

/**
 * The embedded user directory and its sign-in: passwords (argon2id), TOTP, lockout, sessions. Every
 * decision is the user decider's; this class checks credentials, seals the TOTP secret in the
 * personal-data vault, and issues tokens.
 */
export class UserAccounts {
  constructor(
    private readonly runner: CommandRunner,
    private readonly vault: PersonalDataVault,
    private readonly sessions: SessionStore,
    private readonly key: SigningKey,
    private readonly clock: Clock,
    private readonly settings: IdentitySettings,
  ) {}

  private run(command: UserCommand, context: CommandContext): Promise<CommandOutcome<UserEvent>> {
    authoriseUserCommand(context.actor, command.type, command.data.username);
    return this.runner.run(userDecider, userStreamId(command.data.username), command, context);
  }

  private context(actor: Actor, correlationId: string, extra: Partial<CommandContext> = {}): CommandContext {
    return { actor, correlationId, causationId: randomUUID(), ...extra };
  }

  async load(username: string): Promise<{ user: KnownUser | undefined; revision: bigint }> {
    const { state, revision } = await this.runner.load(userDecider, userStreamId(username));
    return { user: state.status === 'unknown' ? undefined : state, revision };
  }

  /** The secretariat (or the CLI, on first run) adds a person: the answer carries their one-time password. */
  register(
    data: NewUser,
    context: CommandContext,
  ): Promise<{ outcome: CommandOutcome<UserEvent>; oneTimePassword: string }> {
    return registerUser(this.runner, this.clock, data, context);
  }

  async resetPassword(
    username: string,
    context: CommandContext,
  ): Promise<{ outcome: CommandOutcome<UserEvent>; oneTimePassword: string }> {
    const password = oneTimePassword();
    const outcome = await this.run(
      {
        type: 'ResetPassword',
        data: { username, passwordHash: await hashPassword(password) },
        actor: context.actor,
        at: this.clock.now(),
      },
      context,
    );
    await this.sessions.revokeAllOf(username, this.clock.now(), 'password_reset');
    return { outcome, oneTimePassword: password };
  }

  async changeRole(
    username: string,
    data: { role: Role; agency: string; reason: string },
    context: CommandContext,
  ): Promise<CommandOutcome<UserEvent>> {
    const outcome = await this.run(
      { type: 'ChangeUserRole', data: { username, ...data }, actor: context.actor, at: this.clock.now() },
      { ...context, reason: data.reason },
    );
    // The person's tokens carry the old role: they sign in again.
    await this.sessions.revokeAllOf(username, this.clock.now(), 'role_changed');
    return outcome;
  }

  async deactivate(username: string, reason: string, context: CommandContext): Promise<CommandOutcome<UserEvent>> {
    const outcome = await this.run(
      { type: 'DeactivateUser', data: { username, reason }, actor: context.actor, at: this.clock.now() },
      { ...context, reason },
    );
    await this.sessions.revokeAllOf(username, this.clock.now(), 'deactivated');
    return outcome;
  }

  /** How the person hears of things: the bell, an e-mail address, a daily digest. Their own, or the secretariat's for them. */
  setNotificationPreferences(
    username: string,
    preferences: NotificationPreferences,
    context: CommandContext,
  ): Promise<CommandOutcome<UserEvent>> {
    return this.run(
      {
        type: 'SetNotificationPreferences',
        data: { username, ...preferences },
        actor: context.actor,
        at: this.clock.now(),
      },
      context,
    );
  }

  /** Password (and TOTP code, for the roles that need one): a session, the next first-sign-in step, or a refusal. */
  async signIn(
    username: string,
    password: string,
    code: string | undefined,
    client: string,
    correlationId: string,
  ): Promise<SignInOutcome> {
    const { user, revision } = await this.load(username);
    const passwordValid = await verifyPassword(user?.passwordHash, password);
    if (!user) return { kind: 'failed' };
    const now = this.clock.now();
    const locked = user.lockedUntil !== null && Date.parse(user.lockedUntil) > now.getTime();
    if (passwordValid && !locked && user.status === 'active') {
      if (user.mustChangePassword)
        return {
          kind: 'password_change_required',
          challenge: await this.challenge({ username, step: 'password_change', revision }),
        };
      if (needsSecondFactor(user.role) && !user.sealedSecret) return this.enrolment(user, revision);
    }
    let secondFactor: SignInCheck['secondFactor'] = 'not_required';
    if (user.sealedSecret) {
      if (!code) secondFactor = 'missing';
      else
        secondFactor = totpCodeValid(
          await this.vault.open<string>(userStreamId(username), user.sealedSecret),
          code,
          now,
        )
          ? 'valid'
          : 'invalid';
    }
    return this.attempt(user, { passwordValid, secondFactor }, client, correlationId);
  }

  /** First sign-in: the one-time password is replaced; then the second factor is enrolled, or the session starts. */
  async completePasswordChange(
    challengeToken: string,
    newPassword: string,
    client: string,
    correlationId: string,
  ): Promise<SignInOutcome> {
    const challenge = await this.readChallenge(challengeToken, 'password_change');
    const { user } = await this.load(challenge.username);
    if (!user) throw new ChallengeInvalid();
    const problem = passwordProblem(newPassword, user.username);
    if (problem) throw new UserInvalid(problem.th, problem.en);
    if (await verifyPassword(user.passwordHash, newPassword))
      throw new UserInvalid('รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านเดิม', 'The new password must differ from the old one');
    const outcome = await this.run(
      {
        type: 'ChangePassword',
        data: { username: user.username, passwordHash: await hashPassword(newPassword) },
        actor: selfActor(user),
        at: this.clock.now(),
      },
      this.context(selfActor(user), correlationId, { expectedRevision: challenge.revision }),
    );
    if (needsSecondFactor(user.role) && !user.sealedSecret) return this.enrolment(user, outcome.revision);
    return this.attempt(user, { passwordValid: true, secondFactor: 'not_required' }, client, correlationId);
  }

  /** The first code from the authenticator app proves the secret was taken: it is sealed and kept. */
  async completeEnrolment(
    challengeToken: string,
    code: string,
    client: string,
    correlationId: string,
  ): Promise<SignInOutcome> {
    const challenge = await this.readChallenge(challengeToken, 'second_factor_enrolment');
    const { user } = await this.load(challenge.username);
    if (!user || !challenge.secret) throw new ChallengeInvalid();
    if (!totpCodeValid(challenge.secret, code, this.clock.now())) {
      throw new UserInvalid(
        'รหัสยืนยันไม่ถูกต้อง ตรวจสอบเวลาในโทรศัพท์แล้วลองใหม่',
        'The code is not right; check the phone’s clock and try again',
      );
    }
    const sealedSecret = await this.vault.seal(userStreamId(user.username), challenge.secret);
    await this.run(
      {
        type: 'EnrolSecondFactor',
        data: { username: user.username, sealedSecret },
        actor: selfActor(user),
        at: this.clock.now(),
      },
      this.context(selfActor(user), correlationId, { expectedRevision: challenge.revision }),
    );
    return this.attempt(user, { passwordValid: true, secondFactor: 'valid' }, client, correlationId);
  }

  /**
   * A person the OpenID provider vouched for (the relying party checked the ID token, nonce, state
   * and PKCE): recorded in the directory or brought up to date from the claims, and signed in with
   * the same kind of session as a password sign-in. A role or agency that changed at the provider is
   * a role change here, and ends the person's other sessions. Refusals are recorded too.
   */
  async signInThroughProvider(
    provider: ProviderLink,
    identity: MappedIdentity,
    client: string,
    correlationId: string,
  ): Promise<ProviderSignInOutcome> {
    const now = this.clock.now();
    if (identity.kind === 'refused') {
      const { user } = identity.claimedUsername ? await this.load(identity.claimedUsername) : { user: undefined };
      // Only the subject the account is bound to speaks for it: anyone else's refusal goes on the
      // provider's refusals, not into another person's history.
      const own = user?.provider?.issuer === provider.issuer && user.provider.subject === provider.subject;
      if (user && own) {
        await this.run(
          {
            type: 'RefuseProviderSignIn',
            data: { username: user.username, provider, reason: identity.reason, client },
            actor: PROVIDER_SIGN_IN_ACTOR,
            at: now,
          },
          this.context(PROVIDER_SIGN_IN_ACTOR, correlationId),
        );
        // The provider took their role or agency away: sessions opened with it end now.
        await this.sessions.revokeAllOf(user.username, now, 'role_changed');
      } else {
        const { claimedUsername, claimedAgency, providerValues, reason } = identity;
        await this.runner.run(
          providerSignInRefusals,
          providerRefusalsStreamId(provider),
          {
            type: 'RecordProviderSignInRefusal',
            data: { ...provider, claimedUsername, claimedAgency, providerValues, reason, client },
            actor: PROVIDER_SIGN_IN_ACTOR,
            at: now,
          },
          this.context(PROVIDER_SIGN_IN_ACTOR, correlationId),
        );
      }
      return { kind: 'refused', reason: identity.reason };
    }
    const { username, displayName, role, agency } = identity;
    const { user: before } = await this.load(username);
    const roleChanges =
      before !== undefined && before.status === 'active' && (before.role !== role || before.agency !== agency);
    const actor: Actor = { id: username, agency, role };
    const sessionId = randomUUID();
    const outcome = await this.run(
      {
        type: 'SignInThroughProvider',
        data: {
          username,
          displayName,
          role,
          agency,
          provider,
          sessionId,
          client,
          linkExisting: this.settings.linkExistingAccounts ?? false,
        },
        actor,
        at: now,
      },
      this.context(actor, correlationId, roleChanges ? { reason: PROVIDER_ROLE_CHANGE_REASON } : {}),
    );
    const refusal = outcome.events.find(
      (e): e is Extract<UserEvent, { type: 'UserProviderSignInRefused' }> => e.type === 'UserProviderSignInRefused',
    );
    if (refusal) return { kind: 'refused', reason: refusal.data.reason };
    // Tokens already out carry the old role: those sessions end, as with the secretariat's role change.
    if (outcome.events.some((e) => e.type === 'UserRoleChanged'))
      await this.sessions.revokeAllOf(username, now, 'role_changed');
    const { refreshToken } = await this.sessions.start(username, now, this.settings.sessionLifetimeSeconds, sessionId);
    const { user } = await this.load(username);
    return { kind: 'signed_in', session: await this.issue(user!, sessionId, refreshToken) };
  }

  /** A new access token for a live session, rotating the refresh token. */
  async refresh(refreshToken: string): Promise<IssuedSession | undefined> {
    const rotated = await this.sessions.rotate(refreshToken, this.clock.now());
    if (rotated.kind !== 'rotated') return undefined;
    const { user } = await this.load(rotated.username);
    if (!user || user.status !== 'active') {
      await this.sessions.revoke(rotated.sessionId, this.clock.now(), 'inactive');
      return undefined;
    }
    return this.issue(user, rotated.sessionId, rotated.refreshToken);
  }

  async signOut(refreshToken: string, correlationId: string): Promise<void> {
    const session = await this.sessions.sessionOf(refreshToken, this.clock.now());
    if (!session) return;
    await this.sessions.revoke(session.sessionId, this.clock.now(), 'signed_out');
    const { user } = await this.load(session.username);
    if (user)
      await this.run(
        {
          type: 'SignOut',
          data: { username: user.username, sessionId: session.sessionId },
          actor: selfActor(user),
          at: this.clock.now(),
        },
        this.context(selfActor(user), correlationId),
      );
  }

  /** Sign-out from an access token alone (no cookie at hand). */
  async endSession(sessionId: string, actor: Actor, correlationId: string): Promise<void> {
    await this.sessions.revoke(sessionId, this.clock.now(), 'signed_out');
    await this.run(
      { type: 'SignOut', data: { username: actor.id, sessionId }, actor, at: this.clock.now() },
      this.context(actor, correlationId),
    );
  }

  private async attempt(
    user: KnownUser,
    check: SignInCheck,
    client: string,
    correlationId: string,
  ): Promise<SignInOutcome> {
    const sessionId = randomUUID();
    const outcome = await this.run(
      {
        type: 'AttemptSignIn',
        data: { username: user.username, check, sessionId, policy: this.settings.lockout, client },
        actor: selfActor(user),
        at: this.clock.now(),
      },
      this.context(selfActor(user), correlationId),
    );
    const signedIn = outcome.events.find((e) => e.type === 'UserSignedIn');
    if (signedIn) {
      const { refreshToken } = await this.sessions.start(
        user.username,
        this.clock.now(),
        this.settings.sessionLifetimeSeconds,
        sessionId,
      );
      return { kind: 'signed_in', session: await this.issue(user, sessionId, refreshToken) };
    }
    const lock = outcome.events.find(
      (e): e is Extract<UserEvent, { type: 'UserLockedOut' }> => e.type === 'UserLockedOut',
    );
    if (lock) return this.locked(lock.data.until);
    const failure = outcome.events.find(
      (e): e is Extract<UserEvent, { type: 'UserSignInFailed' }> => e.type === 'UserSignInFailed',
    );
    if (failure?.data.reason === 'locked_out' && user.lockedUntil) return this.locked(user.lockedUntil);
    return { kind: 'failed' };
  }

  private locked(until: string): SignInOutcome {
    return {
      kind: 'locked_out',
      until,
      retryAfterSeconds: Math.max(1, Math.ceil((Date.parse(until) - this.clock.now().getTime()) / 1000)),
    };
  }

  private async enrolment(user: KnownUser, revision: bigint): Promise<SignInOutcome> {
    const { secret, uri } = newTotpSecret(user.username, { issuer: this.settings.totpIssuer });
    return {
      kind: 'second_factor_enrolment_required',
      challenge: await this.challenge({ username: user.username, step: 'second_factor_enrolment', revision, secret }),
      secret,
      otpauthUri: uri,
    };
  }

  private async issue(user: KnownUser, sessionId: string, refreshToken: string): Promise<IssuedSession> {
    const accessToken = await issueToken(
      this.key,
      {
        sub: user.username,
        agency: user.agency,
        role: user.role,
        ttlSeconds: this.settings.accessTokenTtlSeconds,
        sessionId,
        name: user.displayName,
      },
      this.settings.issuer,
      this.settings.audience,
    );
    return {
      accessToken,
      expiresIn: this.settings.accessTokenTtlSeconds,
      refreshToken,
      sessionId,
      user: { username: user.username, displayName: user.displayName, role: user.role, agency: user.agency },
    };
  }

  private challenge(challenge: Challenge): Promise<string> {
    return new SignJWT({
      step: challenge.step,
      rev: challenge.revision.toString(),
      ...(challenge.secret ? { secret: challenge.secret } : {}),
    })
      .setProtectedHeader({ alg: 'ES256', kid: this.key.kid })
      .setSubject(challenge.username)
      .setIssuer(this.settings.issuer)
      .setAudience(`${this.settings.audience}:sign-in-challenge`)
      .setIssuedAt()
      .setExpirationTime(`${CHALLENGE_SECONDS}s`)
      .sign(this.key.privateKey);
  }

  private async readChallenge(token: string, step: ChallengeStep): Promise<Challenge> {
    try {
      const { payload } = await jwtVerify(token, this.key.publicKey, {
        issuer: this.settings.issuer,
        audience: `${this.settings.audience}:sign-in-challenge`,
        currentDate: this.clock.now(),
      });
      if (payload.step !== step || typeof payload.sub !== 'string' || typeof payload.rev !== 'string')
        throw new ChallengeInvalid();
      return {
        username: payload.sub,
        step,
        revision: BigInt(payload.rev),
        ...(typeof payload.secret === 'string' ? { secret: payload.secret } : {}),
      };
    } catch {
      throw new ChallengeInvalid();
    }
  }
}
