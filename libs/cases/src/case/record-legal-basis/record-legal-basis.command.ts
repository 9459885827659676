import type { Base } from '../../command';
import type { LegalBasis } from '../case.values';

export type RecordLegalBasis = Base<'RecordLegalBasis', { caseId: string; basis: LegalBasis; reference: string }>;
