import type { Base } from '../../command';
import type { ProviderLink, ProviderRefusal } from '../user.values';

/** The provider vouched for a person whose claims Ruamjai cannot use (no role, no agency): recorded, not signed in. */
export type RefuseProviderSignIn = Base<
  'RefuseProviderSignIn',
  { username: string; provider: ProviderLink; reason: ProviderRefusal; client: string }
>;
