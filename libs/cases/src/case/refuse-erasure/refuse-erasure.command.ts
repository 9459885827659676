import type { Base } from '../../command';
import type { ErasureRefusalGround } from '../case.values';

export type RefuseErasure = Base<
  'RefuseErasure',
  { caseId: string; requestedOn: string; legalGround: ErasureRefusalGround; explanation: string }
>;
