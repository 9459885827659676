import type { Base } from '../../command';

export type ErasePersonalData = Base<'ErasePersonalData', { caseId: string; requestedOn: string; reason: string }>;
