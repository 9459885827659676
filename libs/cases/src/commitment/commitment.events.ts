import type { CommitmentTarget, Resource } from './commitment.values';

export type CommitmentEvent =
  | {
      type: 'CommitmentPledged';
      data: {
        commitmentId: string;
        agency: string;
        target: CommitmentTarget;
        resource: Resource;
        quantity: number;
        dueOn: string;
        /** The pledging agency's province; absent on pledges made before provinces (the deployment's). */
        province?: string;
      };
    }
  | {
      type: 'CommitmentFulfilled';
      data: { commitmentId: string; quantity: number; fulfilledTotal: number; fulfilledOn: string; complete: boolean };
    }
  | {
      type: 'CommitmentRevised';
      data: {
        commitmentId: string;
        previousQuantity: number;
        quantity: number;
        previousDueOn: string;
        dueOn: string;
        reason: string;
      };
    }
  | { type: 'CommitmentWithdrawn'; data: { commitmentId: string; reason: string } };

export const COMMITMENT_EVENT_TYPES: ReadonlySet<string> = new Set<CommitmentEvent['type']>([
  'CommitmentPledged',
  'CommitmentFulfilled',
  'CommitmentRevised',
  'CommitmentWithdrawn',
]);

export const commitmentStreamId = (commitmentId: string): string => `commitment-${commitmentId}`;
