import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandContext, type CommandOutcome } from '@ruamjai/event-store';
import { CLOCK, type Clock } from '@ruamjai/kernel';
import { planDecider, planStreamId } from '@ruamjai/planning';
import { authoriseCommitmentCommand } from '../domain/access/case-access';
import { caseStreamId } from '../domain/case/case';
import { caseDecider } from '../domain/case/case.decider';
import { commitmentStreamId, type CommitmentCommand, type CommitmentEvent, type CommitmentTarget } from '../domain/commitment/commitment';
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

/** Agency commitments: a pledge first checks that the plan project or case it names exists. */
@CommandHandler(CommitmentCommandRequest)
export class CommitmentCommandHandler implements ICommandHandler<CommitmentCommandRequest> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ type, data, context }: CommitmentCommandRequest): Promise<CommandOutcome<CommitmentEvent>> {
    authoriseCommitmentCommand(context.actor, type);
    const base = { type, data, actor: context.actor, at: this.clock.now() };
    const command = ('target' in data ? { ...base, facts: { targetExists: await this.exists(data.target) } } : base) as CommitmentCommand;
    const reason = 'reason' in data ? data.reason : undefined;
    return this.runner.run(commitmentDecider, commitmentStreamId(data.commitmentId), command, reason ? { ...context, reason } : context);
  }

  private async exists(target: CommitmentTarget): Promise<boolean> {
    if (target.kind === 'case') return (await this.runner.peek(caseDecider, caseStreamId(target.caseId), 1000)).status !== 'none';
    const plan = await this.runner.peek(planDecider, planStreamId(target.planId), 1000);
    return plan.status !== 'empty' && plan.projects.has(target.projectId);
  }
}
