import type { Base } from '../../command';
import type { ClosureOutcome } from '../case.values';

export type CloseCase = Base<'CloseCase', { caseId: string; outcome: ClosureOutcome }>;
