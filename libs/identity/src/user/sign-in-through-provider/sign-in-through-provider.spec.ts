import type { Actor } from '@ruamjai/kernel';
import { deciderSpec } from '@ruamjai/testing';
import type { UserCommand } from '../user.commands';
import { userDecider } from '../user.fixtures';
import { UserNotPermitted } from '../user.errors';
import type { UserEvent } from '../user.events';
import { at, registered } from '../user.fixtures';
import { authoriseUserCommand } from '../user.policy';

const spec = deciderSpec(userDecider);

describe('signing in through the OpenID provider', () => {
  const link = { issuer: 'https://sso.sakaeo.go.th/realms/ruamjai', subject: 'f3c1' };
  const malee: Actor = { id: 'malee', agency: 'IMM-SK', role: 'agency_officer', province: 'TH-27' };
  const through = (data: object = {}) =>
    ({
      type: 'SignInThroughProvider',
      data: {
        username: 'malee',
        displayName: 'มาลี ใจดี',
        role: 'agency_officer',
        agency: 'IMM-SK',
        provider: link,
        sessionId: 's2',
        client: '10.0.0.2',
        linkExisting: false,
        ...data,
      },
      actor: malee,
      at,
    }) as UserCommand;
  const signedIn: UserEvent = {
    type: 'UserSignedInThroughProvider',
    data: { username: 'malee', sessionId: 's2', client: '10.0.0.2', ...link },
  };
  const fromProvider: UserEvent = {
    type: 'UserRegisteredFromProvider',
    data: { username: 'malee', displayName: 'มาลี ใจดี', role: 'agency_officer', agency: 'IMM-SK', ...link },
  };

  it('records a person new to Ruamjai in the directory from the claims, without a password, and signs them in', () => {
    spec.given([]).when(through()).then([fromProvider, signedIn]);
    const state = [fromProvider].reduce(userDecider.evolve, userDecider.initialState);
    expect(state).toMatchObject({ status: 'active', passwordHash: '', mustChangePassword: false, provider: link });
  });

  it('links an account the secretariat added at its first sign-in through the provider, where the deployment allows binding by username', () => {
    spec
      .given([registered])
      .when(through({ linkExisting: true }))
      .then([{ type: 'UserLinkedToProvider', data: { username: 'malee', ...link } }, signedIn]);
  });

  it('refuses (and records) binding an account the secretariat added by username alone, unless the deployment allows it: people may choose their username at some providers', () => {
    spec
      .given([registered])
      .when(through({ linkExisting: false }))
      .then([
        {
          type: 'UserProviderSignInRefused',
          data: { username: 'malee', ...link, reason: 'not_linked', client: '10.0.0.2' },
        },
      ]);
  });

  it('records a name, role or agency changed at the provider before the sign-in, the role as a role change', () => {
    spec
      .given([fromProvider])
      .when(through({ displayName: 'มาลี ใจดี (เลขานุการ)', role: 'coordinator', agency: 'PSDHS-SK' }))
      .then([
        {
          type: 'UserDisplayNameChanged',
          data: { username: 'malee', displayName: 'มาลี ใจดี (เลขานุการ)', previousDisplayName: 'มาลี ใจดี' },
        },
        {
          type: 'UserRoleChanged',
          data: {
            username: 'malee',
            role: 'coordinator',
            agency: 'PSDHS-SK',
            previousRole: 'agency_officer',
            previousAgency: 'IMM-SK',
          },
        },
        signedIn,
      ]);
  });

  it('refuses (and records) a deactivated account, and a username bound to another subject at the provider', () => {
    spec
      .given([fromProvider, { type: 'UserDeactivated', data: { username: 'malee', reason: 'ย้ายราชการ' } }])
      .when(through())
      .then([
        {
          type: 'UserProviderSignInRefused',
          data: { username: 'malee', ...link, reason: 'inactive', client: '10.0.0.2' },
        },
      ]);
    spec
      .given([fromProvider])
      .when(through({ provider: { ...link, subject: 'someone-else' } }))
      .then([
        {
          type: 'UserProviderSignInRefused',
          data: {
            username: 'malee',
            ...link,
            subject: 'someone-else',
            reason: 'linked_to_another_subject',
            client: '10.0.0.2',
          },
        },
      ]);
  });

  it('neither sets nor clears the password’s lockout', () => {
    const locked = [
      registered,
      {
        type: 'UserLockedOut',
        data: { username: 'malee', until: '2019-02-14T04:00:00Z', consecutiveFailures: 3 },
      } as UserEvent,
      signedIn,
    ].reduce(userDecider.evolve, userDecider.initialState);
    expect(locked).toMatchObject({ lockedUntil: '2019-02-14T04:00:00Z' });
  });

  it('is the person’s own step, and a refusal is recorded by the system for anyone', () => {
    expect(() => authoriseUserCommand(malee, 'SignInThroughProvider', 'malee')).not.toThrow();
    expect(() => authoriseUserCommand(malee, 'SignInThroughProvider', 'kanya')).toThrow(UserNotPermitted);
    expect(() =>
      authoriseUserCommand(
        { id: 'system:oidc-sign-in', agency: 'RUAMJAI', role: 'viewer', province: 'TH-27' },
        'RefuseProviderSignIn',
        'malee',
      ),
    ).not.toThrow();
  });
});
