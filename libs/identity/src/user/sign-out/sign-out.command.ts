import type { Base } from '../../command';

export type SignOut = Base<'SignOut', { username: string; sessionId: string }>;
