import type { Base } from '../../command';

export type ChangePassword = Base<'ChangePassword', { username: string; passwordHash: string }>;
