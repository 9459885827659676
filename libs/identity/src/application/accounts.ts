import type { CommandRunner } from '@ruamjai/event-store';
import type { Clock } from '@ruamjai/kernel';
import type { PersonalDataVault } from '@ruamjai/privacy';
import type { SigningKey } from '@ruamjai/security';
import type { SessionStore } from '../sessions/session-store';
import type { LockoutPolicy } from '../user/user.commands';
import type { UserCommands } from '../user/user.commands.handler';

export interface IdentitySettings {
  readonly issuer: string;
  readonly audience: string;
  readonly accessTokenTtlSeconds: number;
  readonly sessionLifetimeSeconds: number;
  readonly lockout: LockoutPolicy;
  readonly totpIssuer: string;
  /** DEPLOYMENT_PROVINCE: the province of accounts that name none (registered before provinces, or by a provider that sends none). */
  readonly deploymentProvince: string;
  /** Bind an account the secretariat added to the first provider subject with its username (OIDC_LINK_EXISTING_ACCOUNTS). */
  readonly linkExistingAccounts?: boolean;
}

/** What the sign-in flows work with: the command runner and the user's commands, the vault for TOTP secrets, sessions, the signing key. */
export interface Accounts {
  readonly runner: CommandRunner;
  readonly users: UserCommands;
  readonly vault: PersonalDataVault;
  readonly sessions: SessionStore;
  readonly key: SigningKey;
  readonly clock: Clock;
  readonly settings: IdentitySettings;
}
