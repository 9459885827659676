import { DomainError, ROLES, type Actor, type Role } from '@ruamjai/kernel';

/** Roles that can read personal data: they sign in with a second factor (TOTP) as well as a password. */
export const ROLES_NEEDING_SECOND_FACTOR: readonly Role[] = ['coordinator', 'agency_officer', 'auditor'];
export const needsSecondFactor = (role: Role): boolean => ROLES_NEEDING_SECOND_FACTOR.includes(role);

export const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;
export const userStreamId = (username: string): string => `user-${username}`;

/** How repeated failures lock an account: after `maxFailures` in a row, for `baseSeconds`, doubling with each further failure. */
export interface LockoutPolicy {
  readonly maxFailures: number;
  readonly baseSeconds: number;
  readonly maxSeconds: number;
}

/** What the application checked before asking the user's stream to record an attempt (hashing is not the domain's). */
export interface SignInCheck {
  readonly passwordValid: boolean;
  /** `not_required` when the role needs no second factor or it is not yet enrolled (first sign-in). */
  readonly secondFactor: 'valid' | 'invalid' | 'missing' | 'not_required';
}

interface Base<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
  readonly actor: Actor;
  readonly at: Date;
}

export type RegisterUser = Base<
  'RegisterUser',
  { username: string; displayName: string; role: Role; agency: string; passwordHash: string }
>;
export type AttemptSignIn = Base<
  'AttemptSignIn',
  { username: string; check: SignInCheck; sessionId: string; policy: LockoutPolicy; client: string }
>;
export type ChangePassword = Base<'ChangePassword', { username: string; passwordHash: string }>;
export type ResetPassword = Base<'ResetPassword', { username: string; passwordHash: string }>;
export type EnrolSecondFactor = Base<'EnrolSecondFactor', { username: string; sealedSecret: string }>;
export type ChangeUserRole = Base<'ChangeUserRole', { username: string; role: Role; agency: string; reason: string }>;
export type DeactivateUser = Base<'DeactivateUser', { username: string; reason: string }>;
export type SignOut = Base<'SignOut', { username: string; sessionId: string }>;
export type SetNotificationPreferences = Base<
  'SetNotificationPreferences',
  { username: string } & NotificationPreferences
>;
/**
 * A person the OpenID provider vouched for, with what its claims mapped to: recorded in the directory
 * (first time), linked, brought up to date (name, role, agency) and signed in.
 */
export type SignInThroughProvider = Base<
  'SignInThroughProvider',
  {
    username: string;
    displayName: string;
    role: Role;
    agency: string;
    provider: ProviderLink;
    sessionId: string;
    client: string;
    /** Bind an account the secretariat added to this subject (by username). */ linkExisting: boolean;
  }
>;
/** The provider vouched for a person whose claims Ruamjai cannot use (no role, no agency): recorded, not signed in. */
export type RefuseProviderSignIn = Base<
  'RefuseProviderSignIn',
  { username: string; provider: ProviderLink; reason: ProviderRefusal; client: string }
>;
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

export type UserEvent =
  | {
      type: 'UserRegistered';
      data: { username: string; displayName: string; role: Role; agency: string; passwordHash: string };
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
      data: { username: string; displayName: string; role: Role; agency: string; issuer: string; subject: string };
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

export interface KnownUser {
  readonly status: 'active' | 'inactive';
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly agency: string;
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

export class UserNotFound extends DomainError {
  readonly code = 'USER.NOT_FOUND';
  readonly kind = 'not_found';
  constructor(username: string) {
    super({ th: `ไม่พบผู้ใช้ ${username}`, en: `User ${username} was not found` }, { username });
  }
}

export class UserAlreadyRegistered extends DomainError {
  readonly code = 'USER.ALREADY_REGISTERED';
  readonly kind = 'conflict';
  constructor(username: string) {
    super({ th: `มีผู้ใช้ชื่อ ${username} แล้ว`, en: `User ${username} already exists` }, { username });
  }
}

export class UserInactive extends DomainError {
  readonly code = 'USER.INACTIVE';
  readonly kind = 'conflict';
  constructor(username: string) {
    super({ th: `ผู้ใช้ ${username} ถูกระงับแล้ว`, en: `User ${username} is deactivated` }, { username });
  }
}

export class UserInvalid extends DomainError {
  readonly code = 'USER.INVALID';
  readonly kind = 'invalid';
  constructor(th: string, en: string) {
    super({ th, en });
  }
}

export class UserUnchanged extends DomainError {
  readonly code = 'USER.UNCHANGED';
  readonly kind = 'conflict';
  constructor(username: string) {
    super(
      { th: `ผู้ใช้ ${username} มีบทบาทและหน่วยงานนี้อยู่แล้ว`, en: `User ${username} already has this role and agency` },
      { username },
    );
  }
}

export class UserPreferencesUnchanged extends DomainError {
  readonly code = 'USER.PREFERENCES_UNCHANGED';
  readonly kind = 'conflict';
  constructor(username: string) {
    super(
      { th: `ผู้ใช้ ${username} ตั้งค่าการแจ้งเตือนนี้ไว้แล้ว`, en: `User ${username} already has these notification settings` },
      { username },
    );
  }
}

export class UserNotPermitted extends DomainError {
  readonly code = 'AUTH.NOT_PERMITTED';
  readonly kind = 'forbidden';
  constructor(what: string) {
    super({ th: 'ผู้ใช้บทบาทนี้จัดการบัญชีผู้ใช้ไม่ได้', en: `This role may not ${what}` });
  }
}

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
