/* What a user's commands, events and state share: usernames, roles' second factor, provider links, notification settings. */
import { ROLES, type Role } from '@ruamjai/kernel';

/** Roles that can read personal data: they sign in with a second factor (TOTP) as well as a password. */
export const ROLES_NEEDING_SECOND_FACTOR: readonly Role[] = ['coordinator', 'agency_officer', 'auditor'];
export const needsSecondFactor = (role: Role): boolean => ROLES_NEEDING_SECOND_FACTOR.includes(role);

export const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** Who the person is at the OpenID provider: its issuer and their subject there (never reassigned by the provider). */
export interface ProviderLink {
  readonly issuer: string;
  readonly subject: string;
}

/**
 * Why a person the provider vouched for was not signed in: their claims map to no role or no agency,
 * give no usable username, the account is deactivated in Ruamjai, or the username already belongs to
 * another person at the provider.
 */
export type ProviderRefusal =
  'no_role' | 'no_agency' | 'invalid_username' | 'inactive' | 'linked_to_another_subject' | 'not_linked';

/**
 * How a person hears of what concerns their agency or role: in the console (the bell), and by e-mail
 * to a work address, each notice at once or gathered into one message a day.
 */
export interface NotificationPreferences {
  readonly inConsole: boolean;
  /** A work address; null for no e-mail. */
  readonly email: string | null;
  /** One e-mail a day with everything since the last, instead of one a notice. */
  readonly dailyDigest: boolean;
}

/** Until a person says otherwise: the bell only. */
export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = {
  inConsole: true,
  email: null,
  dailyDigest: false,
};

/** A plain work address: something@domain.tld, no spaces, at most 254 characters. */
export const EMAIL_ADDRESS =
  /^[^\s@<>()",;:]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$/;

export type SignInFailure = 'bad_password' | 'bad_second_factor' | 'second_factor_missing' | 'locked_out' | 'inactive';

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
