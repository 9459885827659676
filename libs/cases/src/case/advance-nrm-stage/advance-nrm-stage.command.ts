import type { Base } from '../../command';
import type { NrmStage } from '../case.values';

export type AdvanceNrmStage = Base<'AdvanceNrmStage', { caseId: string; stage: NrmStage }>;
