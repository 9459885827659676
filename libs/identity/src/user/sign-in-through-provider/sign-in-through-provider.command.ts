import type { Role } from '@ruamjai/kernel';
import type { Base } from '../../command';
import type { ProviderLink } from '../user.values';

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
    /** The provider's `province` claim, else the deployment's: the province of a first sign-in's account. */
    province: string;
    provider: ProviderLink;
    sessionId: string;
    client: string;
    /** Bind an account the secretariat added to this subject (by username). */ linkExisting: boolean;
  }
>;
