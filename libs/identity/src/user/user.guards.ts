import { UserInactive, UserInvalid, UserNotFound } from './user.errors';
import type { KnownUser, UserState } from './user.state';

/** Checks several user use cases share. */
export function known(state: UserState, username: string): KnownUser {
  if (state.status === 'unknown') throw new UserNotFound(username);
  return state;
}

/** A deactivated account takes no more changes. */
export function active(state: UserState, username: string): KnownUser {
  const user = known(state, username);
  if (user.status === 'inactive') throw new UserInactive(username);
  return user;
}

export function requireReason(reason: string): string {
  const trimmed = reason?.trim();
  if (!trimmed) throw new UserInvalid('ต้องระบุเหตุผล', 'A reason is required');
  return trimmed;
}
