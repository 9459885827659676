import type { Actor, Decider } from '@ruamjai/kernel';
import type { ProviderLink, ProviderRefusal } from './user.values';

/**
 * Refusals of people the OpenID provider vouched for but who have no account here and whose claims
 * give none (no role, no agency, no usable username). They are kept on a stream of their own per
 * provider subject, not on a `user-` stream: that would take the username before the secretariat
 * could add the person.
 */
export type RecordProviderSignInRefusal = {
  readonly type: 'RecordProviderSignInRefusal';
  readonly data: ProviderLink & {
    claimedUsername: string | null;
    claimedAgency: string | null;
    providerValues: readonly string[];
    reason: ProviderRefusal;
    client: string;
  };
  readonly actor: Actor;
  readonly at: Date;
};

export type ProviderSignInRefusalEvent = {
  type: 'ProviderSignInRefused';
  data: {
    issuer: string;
    subject: string;
    claimedUsername: string | null;
    claimedAgency: string | null;
    providerValues: string[];
    reason: ProviderRefusal;
    client: string;
  };
};

/** Stream names are the application's (a digest of issuer and subject); this is the prefix. */
export const PROVIDER_REFUSALS_STREAM_PREFIX = 'oidc-refusals-';

/** The recording system, as named in the events' metadata: it decided on the provider's word, nobody signed in. */
export const PROVIDER_SIGN_IN_ACTOR: Actor = {
  id: 'system:oidc-sign-in',
  agency: 'RUAMJAI',
  role: 'viewer',
  province: 'TH-27',
};

export const providerSignInRefusals: Decider<
  RecordProviderSignInRefusal,
  { refusals: number },
  ProviderSignInRefusalEvent
> = {
  initialState: { refusals: 0 },
  decide: (command) => [
    { type: 'ProviderSignInRefused', data: { ...command.data, providerValues: [...command.data.providerValues] } },
  ],
  evolve: (state) => ({ refusals: state.refusals + 1 }),
};
