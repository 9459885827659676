import type { Decider } from '@ruamjai/kernel';
import {
  UserAlreadyRegistered,
  UserInactive,
  EMAIL_ADDRESS,
  DEFAULT_NOTIFICATION_PREFERENCES,
  UserInvalid,
  UserNotFound,
  UserPreferencesUnchanged,
  UserUnchanged,
  USERNAME,
  type AttemptSignIn,
  type KnownUser,
  type LockoutPolicy,
  type SetNotificationPreferences,
  type SignInThroughProvider,
  type SignInFailure,
  type UserCommand,
  type UserEvent,
  type UserState,
} from './user';

function known(state: UserState, username: string): KnownUser {
  if (state.status === 'unknown') throw new UserNotFound(username);
  return state;
}

function active(state: UserState, username: string): KnownUser {
  const user = known(state, username);
  if (user.status === 'inactive') throw new UserInactive(username);
  return user;
}

function requireReason(reason: string): string {
  const trimmed = reason?.trim();
  if (!trimmed) throw new UserInvalid('ต้องระบุเหตุผล', 'A reason is required');
  return trimmed;
}

/** How long the account stays locked after `failures` in a row: doubling from the base, capped. */
export function lockoutSeconds(failures: number, policy: LockoutPolicy): number {
  const extra = Math.max(0, failures - policy.maxFailures);
  return Math.min(policy.baseSeconds * 2 ** Math.min(extra, 30), policy.maxSeconds);
}

function attempt(command: AttemptSignIn, user: KnownUser): UserEvent[] {
  const { username, check, sessionId, policy, client } = command.data;
  const failed = (reason: SignInFailure, consecutiveFailures: number): UserEvent => ({
    type: 'UserSignInFailed',
    data: { username, reason, consecutiveFailures, client },
  });
  if (user.status === 'inactive') return [failed('inactive', user.consecutiveFailures)];
  if (user.lockedUntil && Date.parse(user.lockedUntil) > command.at.getTime())
    return [failed('locked_out', user.consecutiveFailures)];
  const reason: SignInFailure | null = !check.passwordValid
    ? 'bad_password'
    : check.secondFactor === 'invalid'
      ? 'bad_second_factor'
      : check.secondFactor === 'missing'
        ? 'second_factor_missing'
        : null;
  if (reason === null) return [{ type: 'UserSignedIn', data: { username, sessionId, client } }];
  const failures = user.consecutiveFailures + 1;
  const events: UserEvent[] = [failed(reason, failures)];
  if (failures >= policy.maxFailures) {
    const until = new Date(command.at.getTime() + lockoutSeconds(failures, policy) * 1000).toISOString();
    events.push({ type: 'UserLockedOut', data: { username, until, consecutiveFailures: failures } });
  }
  return events;
}

function setPreferences(data: SetNotificationPreferences['data'], user: KnownUser): UserEvent[] {
  const { username, inConsole, dailyDigest } = data;
  const email = data.email === null ? null : data.email.trim().toLowerCase();
  if (email !== null && (email.length > 254 || !EMAIL_ADDRESS.test(email)))
    throw new UserInvalid('ที่อยู่อีเมลไม่ถูกต้อง', 'The e-mail address is not valid');
  if (dailyDigest && email === null)
    throw new UserInvalid('สรุปรายวันส่งทางอีเมล ต้องระบุที่อยู่อีเมล', 'A daily digest is sent by e-mail: give an address');
  const current = user.notifications;
  if (current.inConsole === inConsole && current.email === email && current.dailyDigest === dailyDigest)
    throw new UserPreferencesUnchanged(username);
  return [{ type: 'UserNotificationPreferencesSet', data: { username, inConsole, email, dailyDigest } }];
}

function signInThroughProvider(data: SignInThroughProvider['data'], state: UserState): UserEvent[] {
  const { username, role, agency, provider, sessionId, client } = data;
  const displayName = data.displayName.trim() || username;
  const link = { issuer: provider.issuer, subject: provider.subject };
  const signedIn: UserEvent = { type: 'UserSignedInThroughProvider', data: { username, sessionId, client, ...link } };
  if (state.status === 'unknown') {
    return [{ type: 'UserRegisteredFromProvider', data: { username, displayName, role, agency, ...link } }, signedIn];
  }
  const refused = (reason: 'inactive' | 'linked_to_another_subject' | 'not_linked'): UserEvent[] => [
    { type: 'UserProviderSignInRefused', data: { username, ...link, reason, client } },
  ];
  // Deactivation in Ruamjai outlasts the provider's account: the secretariat's decision stands.
  if (state.status === 'inactive') return refused('inactive');
  if (state.provider && (state.provider.issuer !== link.issuer || state.provider.subject !== link.subject))
    return refused('linked_to_another_subject');
  // An account the secretariat added is bound to a provider subject only where the deployment says
  // usernames at its provider cannot be chosen by their holders.
  if (!state.provider && !data.linkExisting) return refused('not_linked');
  const events: UserEvent[] = [];
  if (!state.provider) events.push({ type: 'UserLinkedToProvider', data: { username, ...link } });
  if (state.displayName !== displayName)
    events.push({
      type: 'UserDisplayNameChanged',
      data: { username, displayName, previousDisplayName: state.displayName },
    });
  // The provider is where roles are kept now: a change there is recorded here as a role change.
  if (state.role !== role || state.agency !== agency)
    events.push({
      type: 'UserRoleChanged',
      data: { username, role, agency, previousRole: state.role, previousAgency: state.agency },
    });
  events.push(signedIn);
  return events;
}

function decide(command: UserCommand, state: UserState): UserEvent[] {
  const { username } = command.data;
  switch (command.type) {
    case 'RegisterUser': {
      if (state.status !== 'unknown') throw new UserAlreadyRegistered(username);
      if (!USERNAME.test(username))
        throw new UserInvalid(
          'ชื่อผู้ใช้ต้องเป็นอักษรภาษาอังกฤษตัวเล็ก ตัวเลข จุด ขีด 3–64 ตัว',
          'username must be 3-64 lower-case letters, digits, dots, dashes or underscores',
        );
      const displayName = command.data.displayName.trim();
      if (!displayName) throw new UserInvalid('ต้องระบุชื่อที่แสดง', 'A display name is required');
      const { role, agency, passwordHash } = command.data;
      return [{ type: 'UserRegistered', data: { username, displayName, role, agency, passwordHash } }];
    }
    case 'AttemptSignIn':
      return attempt(command, known(state, username));
    case 'ChangePassword':
      active(state, username);
      return [{ type: 'UserPasswordChanged', data: { username, passwordHash: command.data.passwordHash } }];
    case 'ResetPassword':
      active(state, username);
      return [{ type: 'UserPasswordReset', data: { username, passwordHash: command.data.passwordHash } }];
    case 'EnrolSecondFactor': {
      const user = active(state, username);
      if (user.sealedSecret) throw new UserInvalid('ผู้ใช้นี้ลงทะเบียนรหัสยืนยันตัวตนแล้ว', 'A second factor is already enrolled');
      return [{ type: 'UserSecondFactorEnrolled', data: { username, sealedSecret: command.data.sealedSecret } }];
    }
    case 'ChangeUserRole': {
      const user = active(state, username);
      requireReason(command.data.reason);
      if (user.role === command.data.role && user.agency === command.data.agency) throw new UserUnchanged(username);
      return [
        {
          type: 'UserRoleChanged',
          data: {
            username,
            role: command.data.role,
            agency: command.data.agency,
            previousRole: user.role,
            previousAgency: user.agency,
          },
        },
      ];
    }
    case 'DeactivateUser':
      active(state, username);
      return [{ type: 'UserDeactivated', data: { username, reason: requireReason(command.data.reason) } }];
    case 'SignOut':
      known(state, username);
      return [{ type: 'UserSignedOut', data: { username, sessionId: command.data.sessionId } }];
    case 'SetNotificationPreferences':
      return setPreferences(command.data, active(state, username));
    case 'SignInThroughProvider':
      if (state.status === 'unknown' && !USERNAME.test(username))
        throw new UserInvalid(
          'ชื่อผู้ใช้จากผู้ให้บริการยืนยันตัวตนใช้ไม่ได้',
          'The username from the identity provider is not usable',
        );
      return signInThroughProvider(command.data, state);
    case 'RefuseProviderSignIn': {
      known(state, username);
      const { provider, reason, client } = command.data;
      return [
        {
          type: 'UserProviderSignInRefused',
          data: { username, issuer: provider.issuer, subject: provider.subject, reason, client },
        },
      ];
    }
    default: {
      const _: never = command;
      throw new Error(`unknown command ${JSON.stringify(_)}`);
    }
  }
}

function evolve(state: UserState, event: UserEvent): UserState {
  if (event.type === 'UserRegistered') {
    return {
      status: 'active',
      ...event.data,
      mustChangePassword: true,
      sealedSecret: null,
      consecutiveFailures: 0,
      lockedUntil: null,
      notifications: DEFAULT_NOTIFICATION_PREFERENCES,
      provider: null,
    };
  }
  if (event.type === 'UserRegisteredFromProvider') {
    const { username, displayName, role, agency, issuer, subject } = event.data;
    // No password: the provider signs this person in (a password sign-in can never match an empty hash).
    return {
      status: 'active',
      username,
      displayName,
      role,
      agency,
      passwordHash: '',
      mustChangePassword: false,
      sealedSecret: null,
      consecutiveFailures: 0,
      lockedUntil: null,
      notifications: DEFAULT_NOTIFICATION_PREFERENCES,
      provider: { issuer, subject },
    };
  }
  if (state.status === 'unknown') return state;
  switch (event.type) {
    case 'UserSignedIn':
      return { ...state, consecutiveFailures: 0, lockedUntil: null };
    case 'UserSignInFailed':
      return { ...state, consecutiveFailures: event.data.consecutiveFailures };
    case 'UserLockedOut':
      return { ...state, lockedUntil: event.data.until };
    case 'UserPasswordChanged':
      return { ...state, passwordHash: event.data.passwordHash, mustChangePassword: false };
    case 'UserPasswordReset':
      return {
        ...state,
        passwordHash: event.data.passwordHash,
        mustChangePassword: true,
        consecutiveFailures: 0,
        lockedUntil: null,
      };
    case 'UserSecondFactorEnrolled':
      return { ...state, sealedSecret: event.data.sealedSecret };
    case 'UserRoleChanged':
      return { ...state, role: event.data.role, agency: event.data.agency };
    case 'UserDeactivated':
      return { ...state, status: 'inactive' };
    case 'UserSignedOut':
    case 'UserProviderSignInRefused':
    case 'UserSignedInThroughProvider':
      // The password's lockout is the password's: a sign-in at the provider neither sets nor clears it.
      return state;
    case 'UserLinkedToProvider':
      return { ...state, provider: { issuer: event.data.issuer, subject: event.data.subject } };
    case 'UserDisplayNameChanged':
      return { ...state, displayName: event.data.displayName };

    case 'UserNotificationPreferencesSet': {
      const { inConsole, email, dailyDigest } = event.data;
      return { ...state, notifications: { inConsole, email, dailyDigest } };
    }
    default: {
      const _: never = event;
      return state;
    }
  }
}

export const userDecider: Decider<UserCommand, UserState, UserEvent> = {
  initialState: { status: 'unknown' },
  decide,
  evolve,
};
