import type { Role } from '@ruamjai/kernel';
import type { Base } from '../../command';

export type ChangeUserRole = Base<'ChangeUserRole', { username: string; role: Role; agency: string; reason: string }>;
