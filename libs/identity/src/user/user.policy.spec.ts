import { UserNotPermitted } from './user.errors';
import { secretariat } from './user.fixtures';
import { authoriseUserCommand } from './user.policy';

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
