import type { Base } from '../../command';

export type RecordFulfilment = Base<
  'RecordFulfilment',
  { commitmentId: string; quantity: number; fulfilledOn: string }
>;
