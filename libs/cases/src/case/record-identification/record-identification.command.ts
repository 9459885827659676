import type { Base } from '../../command';
import type { IdentificationOutcome } from '../case.values';

export type RecordIdentification = Base<
  'RecordIdentification',
  { caseId: string; outcome: IdentificationOutcome; decidedOn: string; decidingAgency: string }
>;
