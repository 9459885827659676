import { UserAlreadyRegistered, UserInvalid } from '../user.errors';
import type { UserEvent } from '../user.events';
import type { UserState } from '../user.state';
import { USERNAME } from '../user.values';
import type { RegisterUser } from './register-user.command';

export function decideRegisterUser(command: RegisterUser, state: UserState): UserEvent[] {
  const { username } = command.data;
  if (state.status !== 'unknown') throw new UserAlreadyRegistered(username);
  if (!USERNAME.test(username))
    throw new UserInvalid(
      'ชื่อผู้ใช้ต้องเป็นอักษรภาษาอังกฤษตัวเล็ก ตัวเลข จุด ขีด 3–64 ตัว',
      'username must be 3-64 lower-case letters, digits, dots, dashes or underscores',
    );
  const displayName = command.data.displayName.trim();
  if (!displayName) throw new UserInvalid('ต้องระบุชื่อที่แสดง', 'A display name is required');
  const { role, agency, province, passwordHash } = command.data;
  return [{ type: 'UserRegistered', data: { username, displayName, role, agency, passwordHash, province } }];
}
