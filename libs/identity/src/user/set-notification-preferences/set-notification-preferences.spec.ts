import { deciderSpec } from '@ruamjai/testing';
import { userDecider } from '../user.fixtures';
import { UserInactive, UserInvalid, UserNotPermitted, UserPreferencesUnchanged } from '../user.errors';
import type { UserEvent } from '../user.events';
import { cmd, registered, secretariat } from '../user.fixtures';
import { authoriseUserCommand } from '../user.policy';

const spec = deciderSpec(userDecider);

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
        { id: 'malee', agency: 'IMM-SK', role: 'agency_officer', province: 'TH-27' },
        'SetNotificationPreferences',
        'malee',
      ),
    ).not.toThrow();
    expect(() => authoriseUserCommand(secretariat, 'SetNotificationPreferences', 'malee')).not.toThrow();
    expect(() =>
      authoriseUserCommand(
        { id: 'somsak', agency: 'IMM-SK', role: 'agency_officer', province: 'TH-27' },
        'SetNotificationPreferences',
        'malee',
      ),
    ).toThrow(UserNotPermitted);
  });
});
