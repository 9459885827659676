import type { Base } from '../../command';

export type ReviseCommitment = Base<
  'ReviseCommitment',
  { commitmentId: string; quantity: number; dueOn: string; reason: string }
>;
