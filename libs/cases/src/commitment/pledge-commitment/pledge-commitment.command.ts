import type { Base } from '../../command';
import type { ReferralStatus } from '../../referral/referral.state';
import type { CommitmentTarget, Resource } from '../commitment.values';

/** Who has need-to-know on a case: its owning agency and the agencies its referrals went to (the access rule's facts). */
export interface CaseParties {
  readonly owningAgency: string;
  readonly province: string;
  readonly referrals: ReadonlyArray<{
    readonly toAgency: string;
    readonly status: ReferralStatus;
    readonly sharesPersonalData: boolean;
  }>;
}

export type PledgeCommitment = Base<
  'PledgeCommitment',
  { commitmentId: string; target: CommitmentTarget; resource: Resource; quantity: number; dueOn: string }
> & {
  /**
   * Whether the plan project or case pledged to exists, read before deciding; for a case, also who
   * has need-to-know on it (its owning agency and the agencies its referrals went to).
   */
  readonly facts: { readonly targetExists: boolean; readonly caseAccess?: CaseParties };
};
