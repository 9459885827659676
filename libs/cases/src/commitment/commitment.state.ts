import type { CommitmentTarget } from './commitment.values';

export type CommitmentState =
  | { readonly status: 'none' }
  | {
      readonly status: 'pledged' | 'fulfilled' | 'withdrawn';
      readonly commitmentId: string;
      readonly agency: string;
      readonly targetKind: CommitmentTarget['kind'];
      readonly quantity: number;
      readonly fulfilled: number;
      readonly dueOn: string;
    };

export type KnownCommitment = Exclude<CommitmentState, { status: 'none' }>;
