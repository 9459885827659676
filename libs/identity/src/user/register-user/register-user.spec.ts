import { deciderSpec, withData } from '@ruamjai/testing';
import { userDecider } from '../user.fixtures';
import { userDeciderIn } from '../user.decider';
import { UserAlreadyRegistered, UserInvalid } from '../user.errors';
import { cmd, registered } from '../user.fixtures';

const spec = deciderSpec(userDecider);

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
  it('belongs to the province it is registered in', () => {
    spec
      .given([])
      .when(
        cmd('RegisterUser', {
          displayName: 'มาลี ใจดี',
          role: 'agency_officer',
          agency: 'IMM-SK',
          province: 'TH-23',
          passwordHash: '$argon2id$x',
        }),
      )
      .then([withData(registered, { province: 'TH-23' })]);
  });
  it("registered before provinces, is read as the deployment's province, the event unchanged", () => {
    expect(registered.data).not.toHaveProperty('province');
    const inTrat = userDeciderIn('TH-23');
    expect(inTrat.evolve(inTrat.initialState, registered)).toMatchObject({ province: 'TH-23' });
    expect(userDecider.evolve(userDecider.initialState, registered)).toMatchObject({ province: 'TH-27' });
    const recorded = withData(registered, { province: 'TH-27' });
    expect(inTrat.evolve(inTrat.initialState, recorded)).toMatchObject({ province: 'TH-27' });
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
});
