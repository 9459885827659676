import { deciderSpec } from '@ruamjai/testing';
import { userDecider } from '../user.fixtures';
import { UserNotFound } from '../user.errors';
import type { UserEvent } from '../user.events';
import { cmd, registered } from '../user.fixtures';

// Who records the refusal is the policy's (sign-in-through-provider.spec.ts); that the person's sessions
// end is the handler's (refuse-provider-sign-in.int-spec.ts).
const spec = deciderSpec(userDecider);
const link = { issuer: 'https://sso.sakaeo.go.th/realms/ruamjai', subject: 'f3c1' };
const refuse = (reason: string) => cmd('RefuseProviderSignIn', { provider: link, reason, client: '10.0.0.2' });
const refused = (reason: string): UserEvent =>
  ({
    type: 'UserProviderSignInRefused',
    data: { username: 'malee', ...link, reason, client: '10.0.0.2' },
  }) as UserEvent;

describe('an account in the directory', () => {
  it('has a provider’s sign-in refused on its history, with the provider’s subject, the reason and the client', () => {
    spec
      .given([registered])
      .when(refuse('no_role'))
      .then([refused('no_role')]);
  });
  it('has the refusal recorded even once deactivated', () => {
    spec
      .given([registered, { type: 'UserDeactivated', data: { username: 'malee', reason: 'ย้ายราชการ' } }])
      .when(refuse('no_agency'))
      .then([refused('no_agency')]);
  });
});

describe('a username not in the directory', () => {
  it('has no history to record a refusal on', () => {
    spec.given([]).when(refuse('no_role')).thenRefuses(UserNotFound, 'USER.NOT_FOUND');
  });
});
