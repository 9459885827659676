import { UserInvalid, UserPreferencesUnchanged } from '../user.errors';
import type { UserEvent } from '../user.events';
import { active } from '../user.guards';
import type { UserState } from '../user.state';
import { EMAIL_ADDRESS } from '../user.values';
import type { SetNotificationPreferences } from './set-notification-preferences.command';

export function decideSetNotificationPreferences(command: SetNotificationPreferences, state: UserState): UserEvent[] {
  const { data } = command;
  const { username, inConsole, dailyDigest } = data;
  const user = active(state, username);
  const email = data.email === null ? null : data.email.trim().toLowerCase();
  if (email !== null && (email.length > 254 || !EMAIL_ADDRESS.test(email)))
    throw new UserInvalid('ที่อยู่อีเมลไม่ถูกต้อง', 'The e-mail address is not valid');
  if (dailyDigest && email === null)
    throw new UserInvalid('สรุปรายวันส่งทางอีเมล ต้องระบุที่อยู่อีเมล', 'A daily digest is sent by e-mail: give an address');
  const current = user.notifications;
  if (current.inConsole === inConsole && current.email === email && current.dailyDigest === dailyDigest)
    throw new UserPreferencesUnchanged(username);
  return [{ type: 'UserNotificationPreferencesSet', data: { username, inConsole, email, dailyDigest } }];
}
