import type { Base, Sealed } from '../../command';

export type UpdatePersonalData = Base<'UpdatePersonalData', { caseId: string; personalData: Sealed }>;
