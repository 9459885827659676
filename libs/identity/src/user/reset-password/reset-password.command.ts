import type { Base } from '../../command';

export type ResetPassword = Base<'ResetPassword', { username: string; passwordHash: string }>;
