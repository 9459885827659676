import type { UserEvent } from './user.events';
import type { UserState } from './user.state';
import { DEFAULT_NOTIFICATION_PREFERENCES } from './user.values';

/**
 * The user's state from their events. Accounts registered before provinces name none: they are read
 * as the deployment's province (the events are never rewritten), so every account has one.
 */
export const evolveUserIn =
  (deploymentProvince: string) =>
  (state: UserState, event: UserEvent): UserState =>
    evolveUser(state, event, deploymentProvince);

function evolveUser(state: UserState, event: UserEvent, deploymentProvince: string): UserState {
  if (event.type === 'UserRegistered') {
    return {
      status: 'active',
      ...event.data,
      province: event.data.province ?? deploymentProvince,
      mustChangePassword: true,
      sealedSecret: null,
      consecutiveFailures: 0,
      lockedUntil: null,
      notifications: DEFAULT_NOTIFICATION_PREFERENCES,
      provider: null,
    };
  }
  if (event.type === 'UserRegisteredFromProvider') {
    const { username, displayName, role, agency, issuer, subject, province } = event.data;
    // No password: the provider signs this person in (a password sign-in can never match an empty hash).
    return {
      status: 'active',
      username,
      displayName,
      role,
      agency,
      province: province ?? deploymentProvince,
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
