import type { Role } from '@ruamjai/kernel';
import type { NotificationPreferences, ProviderRefusal, SignInFailure } from './user.values';

export const userStreamId = (username: string): string => `user-${username}`;

export type UserEvent =
  | {
      type: 'UserRegistered';
      data: {
        username: string;
        displayName: string;
        role: Role;
        agency: string;
        passwordHash: string;
        /** Absent on accounts registered before provinces: read as the deployment's. */
        province?: string;
      };
    }
  | { type: 'UserSignedIn'; data: { username: string; sessionId: string; client: string } }
  | {
      type: 'UserSignInFailed';
      data: { username: string; reason: SignInFailure; consecutiveFailures: number; client: string };
    }
  | { type: 'UserLockedOut'; data: { username: string; until: string; consecutiveFailures: number } }
  | { type: 'UserPasswordChanged'; data: { username: string; passwordHash: string } }
  | { type: 'UserPasswordReset'; data: { username: string; passwordHash: string } }
  | { type: 'UserSecondFactorEnrolled'; data: { username: string; sealedSecret: string } }
  | {
      type: 'UserRoleChanged';
      data: { username: string; role: Role; agency: string; previousRole: Role; previousAgency: string };
    }
  | { type: 'UserDeactivated'; data: { username: string; reason: string } }
  | { type: 'UserSignedOut'; data: { username: string; sessionId: string } }
  | { type: 'UserNotificationPreferencesSet'; data: { username: string } & NotificationPreferences }
  /** First sign-in through the OpenID provider: the directory entry comes from its claims (no password). */
  | {
      type: 'UserRegisteredFromProvider';
      data: {
        username: string;
        displayName: string;
        role: Role;
        agency: string;
        issuer: string;
        subject: string;
        /** Absent on accounts registered before provinces: read as the deployment's. */
        province?: string;
      };
    }
  /** An account the secretariat added, now signing in through the provider: bound to that subject from here on. */
  | { type: 'UserLinkedToProvider'; data: { username: string; issuer: string; subject: string } }
  | { type: 'UserDisplayNameChanged'; data: { username: string; displayName: string; previousDisplayName: string } }
  | {
      type: 'UserSignedInThroughProvider';
      data: { username: string; sessionId: string; client: string; issuer: string; subject: string };
    }
  | {
      type: 'UserProviderSignInRefused';
      data: { username: string; issuer: string; subject: string; reason: ProviderRefusal; client: string };
    };
