import type { Base } from '../../command';

export type DeactivateUser = Base<'DeactivateUser', { username: string; reason: string }>;
