import { UserInvalid } from '../user.errors';
import type { UserEvent } from '../user.events';
import type { UserState } from '../user.state';
import { USERNAME } from '../user.values';
import type { SignInThroughProvider } from './sign-in-through-provider.command';

export function decideSignInThroughProvider(command: SignInThroughProvider, state: UserState): UserEvent[] {
  const { data } = command;
  const { username, role, agency, province, provider, sessionId, client } = data;
  if (state.status === 'unknown' && !USERNAME.test(username))
    throw new UserInvalid('ชื่อผู้ใช้จากผู้ให้บริการยืนยันตัวตนใช้ไม่ได้', 'The username from the identity provider is not usable');
  const displayName = data.displayName.trim() || username;
  const link = { issuer: provider.issuer, subject: provider.subject };
  const signedIn: UserEvent = { type: 'UserSignedInThroughProvider', data: { username, sessionId, client, ...link } };
  if (state.status === 'unknown') {
    return [
      { type: 'UserRegisteredFromProvider', data: { username, displayName, role, agency, ...link, province } },
      signedIn,
    ];
  }
  const refused = (reason: 'inactive' | 'linked_to_another_subject' | 'not_linked'): UserEvent[] => [
    { type: 'UserProviderSignInRefused', data: { username, ...link, reason, client } },
  ];
  // Deactivation in Ruamjai outlasts the provider's account: the secretariat's decision stands.
  if (state.status === 'inactive') return refused('inactive');
  if (state.provider && (state.provider.issuer !== link.issuer || state.provider.subject !== link.subject))
    return refused('linked_to_another_subject');
  // An account the secretariat added is bound to a provider subject only where the deployment says
  // usernames at its provider cannot be chosen by their holders.
  if (!state.provider && !data.linkExisting) return refused('not_linked');
  const events: UserEvent[] = [];
  if (!state.provider) events.push({ type: 'UserLinkedToProvider', data: { username, ...link } });
  if (state.displayName !== displayName)
    events.push({
      type: 'UserDisplayNameChanged',
      data: { username, displayName, previousDisplayName: state.displayName },
    });
  // The provider is where roles are kept now: a change there is recorded here as a role change.
  if (state.role !== role || state.agency !== agency)
    events.push({
      type: 'UserRoleChanged',
      data: { username, role, agency, previousRole: state.role, previousAgency: state.agency },
    });
  events.push(signedIn);
  return events;
}
