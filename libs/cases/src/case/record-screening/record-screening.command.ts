import type { Base } from '../../command';

export type RecordScreening = Base<'RecordScreening', { caseId: string; indicators: string[]; formReference: string }>;
