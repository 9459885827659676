import type { Actor } from '@ruamjai/kernel';
import { deciderSpec } from '@ruamjai/testing';
import {
  UserAlreadyRegistered,
  UserInactive,
  UserInvalid,
  UserNotPermitted,
  UserPreferencesUnchanged,
  UserUnchanged,
  type LockoutPolicy,
  type SignInCheck,
  type UserCommand,
  type UserEvent,
} from './user';
import { lockoutSeconds, userDecider } from './user.decider';
import { authoriseUserCommand } from './user.policy';

const spec = deciderSpec(userDecider);
const secretariat: Actor = { id: 'somchai', agency: 'PSDHS-SK', role: 'coordinator' };
const at = new Date('2019-02-14T03:00:00Z');
const policy: LockoutPolicy = { maxFailures: 3, baseSeconds: 60, maxSeconds: 3600 };
const cmd = (type: UserCommand['type'], data: object, when = at) =>
  ({ type, data: { username: 'malee', ...data }, actor: secretariat, at: when }) as UserCommand;
const signIn = (check: SignInCheck, when = at) =>
  cmd('AttemptSignIn', { check, sessionId: 's1', policy, client: '10.0.0.1' }, when);
const good: SignInCheck = { passwordValid: true, secondFactor: 'valid' };
const badPassword: SignInCheck = { passwordValid: false, secondFactor: 'not_required' };

const registered: UserEvent = {
  type: 'UserRegistered',
  data: {
    username: 'malee',
    displayName: 'มาลี ใจดี',
    role: 'agency_officer',
    agency: 'IMM-SK',
    passwordHash: '$argon2id$x',
  },
};
const failed = (n: number, reason = 'bad_password' as const): UserEvent => ({
  type: 'UserSignInFailed',
  data: { username: 'malee', reason, consecutiveFailures: n, client: '10.0.0.1' },
});

describe('a new user', () => {
  it('is registered with a display name, role, agency and one-time password hash', () => {
    spec
      .given([])
      .when(
        cmd('RegisterUser', {
          displayName: ' มาลี ใจดี ',
          role: 'agency_officer',
          agency: 'IMM-SK',
          passwordHash: '$argon2id$x',
        }),
      )
      .then([registered]);
  });
  it('needs a well-formed username and a display name', () => {
    spec
      .given([])
      .when(
        cmd('RegisterUser', {
          username: 'Malee!',
          displayName: 'x',
          role: 'viewer',
          agency: 'IMM-SK',
          passwordHash: 'h',
        }),
      )
      .thenRefuses(UserInvalid, 'USER.INVALID');
    spec
      .given([])
      .when(cmd('RegisterUser', { displayName: ' ', role: 'viewer', agency: 'IMM-SK', passwordHash: 'h' }))
      .thenRefuses(UserInvalid);
  });
  it('cannot be registered twice', () => {
    spec
      .given([registered])
      .when(cmd('RegisterUser', { displayName: 'x', role: 'viewer', agency: 'IMM-SK', passwordHash: 'h' }))
      .thenRefuses(UserAlreadyRegistered, 'USER.ALREADY_REGISTERED');
  });
  it('must change the one-time password before anything else', () => {
    const state = [registered].reduce(userDecider.evolve, userDecider.initialState);
    expect(state).toMatchObject({ mustChangePassword: true, sealedSecret: null });
    const changed = userDecider.evolve(state, {
      type: 'UserPasswordChanged',
      data: { username: 'malee', passwordHash: 'new' },
    });
    expect(changed).toMatchObject({ mustChangePassword: false, passwordHash: 'new' });
  });
});

describe('signing in', () => {
  it('succeeds with the right password and second factor, and is recorded with the session', () => {
    spec
      .given([registered])
      .when(signIn(good))
      .then([{ type: 'UserSignedIn', data: { username: 'malee', sessionId: 's1', client: '10.0.0.1' } }]);
  });
  it('records each failure with the count of failures in a row', () => {
    spec
      .given([registered, failed(1)])
      .when(signIn(badPassword))
      .then([failed(2)]);
    spec
      .given([registered])
      .when(signIn({ passwordValid: true, secondFactor: 'invalid' }))
      .then([failed(1, 'bad_second_factor' as never)]);
    spec
      .given([registered])
      .when(signIn({ passwordValid: true, secondFactor: 'missing' }))
      .then([failed(1, 'second_factor_missing' as never)]);
  });
  it('locks the account after the allowed number of failures in a row', () => {
    spec
      .given([registered, failed(1), failed(2)])
      .when(signIn(badPassword))
      .then([
        failed(3),
        {
          type: 'UserLockedOut',
          data: { username: 'malee', until: '2019-02-14T03:01:00.000Z', consecutiveFailures: 3 },
        },
      ]);
  });
  it('refuses even the right password while locked, without extending the lock', () => {
    const locked: UserEvent = {
      type: 'UserLockedOut',
      data: { username: 'malee', until: '2019-02-14T03:01:00.000Z', consecutiveFailures: 3 },
    };
    spec
      .given([registered, failed(1), failed(2), failed(3), locked])
      .when(signIn(good, new Date('2019-02-14T03:00:30Z')))
      .then([failed(3, 'locked_out' as never)]);
  });
  it('backs off: each failure after a lockout locks for twice as long, up to the cap', () => {
    const locked: UserEvent = {
      type: 'UserLockedOut',
      data: { username: 'malee', until: '2019-02-14T03:01:00.000Z', consecutiveFailures: 3 },
    };
    spec
      .given([registered, failed(1), failed(2), failed(3), locked])
      .when(signIn(badPassword, new Date('2019-02-14T03:02:00Z')))
      .then([
        failed(4),
        {
          type: 'UserLockedOut',
          data: { username: 'malee', until: '2019-02-14T03:04:00.000Z', consecutiveFailures: 4 },
        },
      ]);
    expect([3, 4, 5, 6, 7, 8, 20].map((n) => lockoutSeconds(n, policy))).toEqual([60, 120, 240, 480, 960, 1920, 3600]);
  });
  it('starts counting afresh after a success', () => {
    const state = [
      registered,
      failed(1),
      failed(2),
      { type: 'UserSignedIn', data: { username: 'malee', sessionId: 's', client: 'x' } } as UserEvent,
    ].reduce(userDecider.evolve, userDecider.initialState);
    expect(state).toMatchObject({ consecutiveFailures: 0, lockedUntil: null });
  });
  it('is refused, and recorded, for a deactivated account', () => {
    const deactivated: UserEvent = { type: 'UserDeactivated', data: { username: 'malee', reason: 'ย้ายหน่วยงาน' } };
    spec
      .given([registered, deactivated])
      .when(signIn(good))
      .then([failed(0, 'inactive' as never)]);
  });
  it('a reset by the secretariat unlocks the account and asks for a new password', () => {
    const locked: UserEvent = {
      type: 'UserLockedOut',
      data: { username: 'malee', until: '2019-02-14T03:01:00.000Z', consecutiveFailures: 3 },
    };
    const reset: UserEvent = { type: 'UserPasswordReset', data: { username: 'malee', passwordHash: 'h2' } };
    const state = [registered, failed(3), locked, reset].reduce(userDecider.evolve, userDecider.initialState);
    expect(state).toMatchObject({ consecutiveFailures: 0, lockedUntil: null, mustChangePassword: true });
  });
});

describe('role changes and deactivation', () => {
  it('change the role and agency with a reason, naming what they were', () => {
    spec
      .given([registered])
      .when(cmd('ChangeUserRole', { role: 'auditor', agency: 'OAG', reason: 'ย้ายไปตรวจสอบ' }))
      .then([
        {
          type: 'UserRoleChanged',
          data: {
            username: 'malee',
            role: 'auditor',
            agency: 'OAG',
            previousRole: 'agency_officer',
            previousAgency: 'IMM-SK',
          },
        },
      ]);
    spec
      .given([registered])
      .when(cmd('ChangeUserRole', { role: 'auditor', agency: 'OAG', reason: ' ' }))
      .thenRefuses(UserInvalid);
    spec
      .given([registered])
      .when(cmd('ChangeUserRole', { role: 'agency_officer', agency: 'IMM-SK', reason: 'x' }))
      .thenRefuses(UserUnchanged);
  });
  it('a deactivated account takes no more changes', () => {
    const deactivated: UserEvent = { type: 'UserDeactivated', data: { username: 'malee', reason: 'ลาออก' } };
    spec
      .given([registered, deactivated])
      .when(cmd('ChangePassword', { passwordHash: 'x' }))
      .thenRefuses(UserInactive, 'USER.INACTIVE');
  });
  it('a second factor is enrolled once', () => {
    const enrolled: UserEvent = {
      type: 'UserSecondFactorEnrolled',
      data: { username: 'malee', sealedSecret: 'rj1.x' },
    };
    spec
      .given([registered])
      .when(cmd('EnrolSecondFactor', { sealedSecret: 'rj1.x' }))
      .then([enrolled]);
    spec
      .given([registered, enrolled])
      .when(cmd('EnrolSecondFactor', { sealedSecret: 'rj1.y' }))
      .thenRefuses(UserInvalid);
  });
});

describe('who may manage accounts', () => {
  it('only the secretariat registers, resets, re-roles and deactivates users', () => {
    expect(() => authoriseUserCommand(secretariat, 'RegisterUser', 'malee')).not.toThrow();
    for (const role of ['chair', 'agency_officer', 'auditor', 'viewer'] as const) {
      expect(() => authoriseUserCommand({ ...secretariat, role }, 'RegisterUser', 'malee')).toThrow(UserNotPermitted);
      expect(() => authoriseUserCommand({ ...secretariat, role }, 'ChangeUserRole', 'malee')).toThrow(UserNotPermitted);
    }
  });
  it('a coordinator cannot demote or deactivate themself', () => {
    expect(() => authoriseUserCommand(secretariat, 'ChangeUserRole', 'somchai')).toThrow(UserNotPermitted);
    expect(() => authoriseUserCommand(secretariat, 'DeactivateUser', 'somchai')).toThrow(UserNotPermitted);
  });
  it("nobody changes another person's password or second factor", () => {
    expect(() => authoriseUserCommand(secretariat, 'ChangePassword', 'malee')).toThrow(UserNotPermitted);
    expect(() => authoriseUserCommand({ ...secretariat, id: 'malee' }, 'ChangePassword', 'malee')).not.toThrow();
  });
});

describe('how a person hears of things', () => {
  const prefs = (data: object) =>
    cmd('SetNotificationPreferences', { inConsole: true, email: null, dailyDigest: false, ...data });
  it('starts with the bell in the console and no e-mail', () => {
    const state = [registered].reduce(userDecider.evolve, userDecider.initialState);
    expect(state).toMatchObject({ notifications: { inConsole: true, email: null, dailyDigest: false } });
  });
  it('takes a work e-mail address, kept in lower case, and a daily digest instead of one message a notice', () => {
    spec
      .given([registered])
      .when(prefs({ email: ' Malee@IMM.Sakaeo.example ', dailyDigest: true }))
      .then([
        {
          type: 'UserNotificationPreferencesSet',
          data: { username: 'malee', inConsole: true, email: 'malee@imm.sakaeo.example', dailyDigest: true },
        },
      ]);
  });
  it('refuses an address that is not one, and a digest with nowhere to send it', () => {
    for (const email of [
      'malee',
      'malee@',
      '@imm.example',
      'malee@imm',
      'ma lee@imm.example',
      `${'a'.repeat(250)}@imm.example`,
    ])
      spec.given([registered]).when(prefs({ email })).thenRefuses(UserInvalid, 'USER.INVALID');
    spec
      .given([registered])
      .when(prefs({ dailyDigest: true }))
      .thenRefuses(UserInvalid);
  });
  it('refuses settings that change nothing, so the audit trail holds only real changes', () => {
    spec.given([registered]).when(prefs({})).thenRefuses(UserPreferencesUnchanged, 'USER.PREFERENCES_UNCHANGED');
    const set: UserEvent = {
      type: 'UserNotificationPreferencesSet',
      data: { username: 'malee', inConsole: false, email: 'malee@imm.sakaeo.example', dailyDigest: false },
    };
    spec
      .given([registered, set])
      .when(prefs({ inConsole: false, email: 'malee@imm.sakaeo.example' }))
      .thenRefuses(UserPreferencesUnchanged);
    spec
      .given([registered, set])
      .when(prefs({ inConsole: true, email: 'malee@imm.sakaeo.example' }))
      .then([
        {
          type: 'UserNotificationPreferencesSet',
          data: { username: 'malee', inConsole: true, email: 'malee@imm.sakaeo.example', dailyDigest: false },
        },
      ]);
  });
  it('cannot be set for a deactivated account', () => {
    spec
      .given([registered, { type: 'UserDeactivated', data: { username: 'malee', reason: 'ย้าย' } }])
      .when(prefs({ inConsole: false }))
      .thenRefuses(UserInactive);
  });
  it('is set by the person, or by the secretariat for them, and by nobody else', () => {
    expect(() =>
      authoriseUserCommand(
        { id: 'malee', agency: 'IMM-SK', role: 'agency_officer' },
        'SetNotificationPreferences',
        'malee',
      ),
    ).not.toThrow();
    expect(() => authoriseUserCommand(secretariat, 'SetNotificationPreferences', 'malee')).not.toThrow();
    expect(() =>
      authoriseUserCommand(
        { id: 'somsak', agency: 'IMM-SK', role: 'agency_officer' },
        'SetNotificationPreferences',
        'malee',
      ),
    ).toThrow(UserNotPermitted);
  });
});

describe('signing in through the OpenID provider', () => {
  const link = { issuer: 'https://sso.sakaeo.go.th/realms/ruamjai', subject: 'f3c1' };
  const malee: Actor = { id: 'malee', agency: 'IMM-SK', role: 'agency_officer' };
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
        { id: 'system:oidc-sign-in', agency: 'RUAMJAI', role: 'viewer' },
        'RefuseProviderSignIn',
        'malee',
      ),
    ).not.toThrow();
  });
});
