import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandContext, type CommandOutcome } from '@ruamjai/event-store';
import { CLOCK, type Clock } from '@ruamjai/kernel';
import { READ_MODEL_DB, type ReadModelDb } from '@ruamjai/read-models';
import type { Kysely } from 'kysely';
import { planDecider, planStreamId } from '@ruamjai/planning';
import { authoriseCommitmentCommand } from '../domain/access/case-access';
import { caseStreamId } from '../domain/case/case';
import { caseDecider } from '../domain/case/case.decider';
import { commitmentStreamId, type CommitmentCommand, type CommitmentEvent, type CommitmentTarget, type PledgeCommitment } from '../domain/commitment/commitment';
import type { ReferralStatus } from '../domain/referral/referral';
import type { CasesTables } from '../projections/cases-tables';
import { commitmentDecider } from '../domain/commitment/commitment.decider';

type CommitmentCommandType = CommitmentCommand['type'];
type DataOf<T extends CommitmentCommandType> = Extract<CommitmentCommand, { type: T }>['data'];

export class CommitmentCommandRequest<T extends CommitmentCommandType = CommitmentCommandType> extends Command<CommandOutcome<CommitmentEvent>> {
  constructor(
    readonly type: T,
    readonly data: DataOf<T>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Agency commitments: a pledge first checks that the plan project or case it names exists (and, for a case, who may know of it). */
@CommandHandler(CommitmentCommandRequest)
export class CommitmentCommandHandler implements ICommandHandler<CommitmentCommandRequest> {
  private readonly db: Kysely<CasesTables>;

  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(READ_MODEL_DB) db: ReadModelDb,
  ) {
    this.db = db as unknown as Kysely<CasesTables>;
  }

  async execute({ type, data, context }: CommitmentCommandRequest): Promise<CommandOutcome<CommitmentEvent>> {
    authoriseCommitmentCommand(context.actor, type);
    const base = { type, data, actor: context.actor, at: this.clock.now() };
    const command = ('target' in data ? { ...base, facts: await this.facts(data.target) } : base) as CommitmentCommand;
    const reason = 'reason' in data ? data.reason : undefined;
    return this.runner.run(commitmentDecider, commitmentStreamId(data.commitmentId), command, reason ? { ...context, reason } : context);
  }

  /** The case's owner comes from its stream; the agencies it was referred to, from the referral register. */
  private async facts(target: CommitmentTarget): Promise<PledgeCommitment['facts']> {
    if (target.kind === 'case') {
      const state = await this.runner.peek(caseDecider, caseStreamId(target.caseId), 1000);
      if (state.status === 'none') return { targetExists: false };
      const referrals = await this.db.selectFrom('referral_register').select(['to_agency', 'status', 'shares_personal_data']).where('case_id', '=', target.caseId).execute();
      return {
        targetExists: true,
        caseAccess: { owningAgency: state.owningAgency, referrals: referrals.map((r) => ({ toAgency: r.to_agency, status: r.status as ReferralStatus, sharesPersonalData: r.shares_personal_data === 1 })) },
      };
    }
    const plan = await this.runner.peek(planDecider, planStreamId(target.planId), 1000);
    return { targetExists: plan.status !== 'empty' && plan.projects.has(target.projectId) };
  }
}
