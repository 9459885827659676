import type { Role } from '@ruamjai/kernel';
import type { NotificationPreferences, ProviderLink } from './user.values';

export interface KnownUser {
  readonly status: 'active' | 'inactive';
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly agency: string;
  /** The province the person works in (ISO 3166-2): their token carries it. */
  readonly province: string;
  readonly passwordHash: string;
  /** A one-time password set by the secretariat: it must be changed at the next sign-in. */
  readonly mustChangePassword: boolean;
  readonly sealedSecret: string | null;
  readonly consecutiveFailures: number;
  readonly lockedUntil: string | null;
  readonly notifications: NotificationPreferences;
  /** The OpenID provider's subject this account is bound to, once it signed in through one. */
  readonly provider: ProviderLink | null;
}
export type UserState = { readonly status: 'unknown' } | KnownUser;
