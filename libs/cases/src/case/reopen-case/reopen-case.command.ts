import type { Base } from '../../command';

export type ReopenCase = Base<'ReopenCase', { caseId: string; reason: string }>;
