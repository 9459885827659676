import { UserInvalid } from '../user.errors';
import type { UserEvent } from '../user.events';
import { active } from '../user.guards';
import type { UserState } from '../user.state';
import type { EnrolSecondFactor } from './enrol-second-factor.command';

export function decideEnrolSecondFactor(command: EnrolSecondFactor, state: UserState): UserEvent[] {
  const { username, sealedSecret } = command.data;
  const user = active(state, username);
  if (user.sealedSecret) throw new UserInvalid('ผู้ใช้นี้ลงทะเบียนรหัสยืนยันตัวตนแล้ว', 'A second factor is already enrolled');
  return [{ type: 'UserSecondFactorEnrolled', data: { username, sealedSecret } }];
}
