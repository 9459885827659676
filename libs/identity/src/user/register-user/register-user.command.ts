import type { Role } from '@ruamjai/kernel';
import type { Base } from '../../command';

export type RegisterUser = Base<
  'RegisterUser',
  { username: string; displayName: string; role: Role; agency: string; province: string; passwordHash: string }
>;
