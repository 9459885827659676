import type { Base } from '../../command';

export type EnrolSecondFactor = Base<'EnrolSecondFactor', { username: string; sealedSecret: string }>;
