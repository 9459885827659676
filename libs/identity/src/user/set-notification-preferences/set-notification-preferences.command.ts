import type { Base } from '../../command';
import type { NotificationPreferences } from '../user.values';

export type SetNotificationPreferences = Base<
  'SetNotificationPreferences',
  { username: string } & NotificationPreferences
>;
