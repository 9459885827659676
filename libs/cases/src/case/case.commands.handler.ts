import { Inject, Injectable } from '@nestjs/common';
import { CommandRunner, type CommandContext, type CommandOutcome } from '@ruamjai/event-store';
import { APP_CONFIG, type AppConfig } from '@ruamjai/config';
import { CLOCK, type Clock } from '@ruamjai/kernel';
import { authoriseCaseCommand } from '../access/case-access';
import type { Stamp } from '../command';
import type { CaseCommand } from './case.commands';
import { caseDecider } from './case.decider';
import { caseStreamId, type CaseEvent } from './case.events';
import type { CaseState } from './case.state';

type CommandOf<T extends CaseCommand['type']> = Extract<CaseCommand, { type: T }>;

export interface CaseRun<T extends CaseCommand['type']> {
  /** Put in the context, so the log says why (a reopening, an erasure, a refusal). */
  readonly reason?: string;
  /** Runs once the rules agree, before the append: erasure destroys the key here. */
  readonly beforeAppend?: (command: CommandOf<T>, loaded: { state: CaseState; revision: bigint }) => Promise<void>;
}

/**
 * What every case use case does the same way: authorise against the case's owning agency (before
 * anything is built, so no personal data is sealed for someone who may not send it), stamp the
 * actor and the time, and run the pure decider. The command's type comes first because who may
 * run it depends on it.
 */
@Injectable()
export class CaseCommands {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new case: nothing to load, and the asking agency will own it. */
  async open(
    context: CommandContext,
    caseId: string,
    build: (stamp: Stamp) => Promise<CommandOf<'OpenCase'>>,
  ): Promise<CommandOutcome<CaseEvent>> {
    authoriseCaseCommand(context.actor, 'OpenCase', null, caseId);
    const command = await build(this.stamp(context));
    return this.runner.run(caseDecider, caseStreamId(caseId), command, context);
  }

  async change<T extends Exclude<CaseCommand['type'], 'OpenCase'>>(
    context: CommandContext,
    type: T,
    caseId: string,
    build: (stamp: Stamp, current: CaseState) => CommandOf<T> | Promise<CommandOf<T>>,
    options: CaseRun<T> = {},
  ): Promise<CommandOutcome<CaseEvent>> {
    const streamId = caseStreamId(caseId);
    const loaded = await this.runner.load(caseDecider, streamId);
    const current = loaded.state;
    const owner =
      current.status === 'none'
        ? null
        : { agency: current.owningAgency, province: current.province ?? this.config.deploymentProvince };
    authoriseCaseCommand(context.actor, type, owner, caseId);
    const command = await build(this.stamp(context), current);
    await options.beforeAppend?.(command, loaded);
    const { reason } = options;
    return this.runner.run(caseDecider, streamId, command, reason ? { ...context, reason } : context);
  }

  private stamp(context: CommandContext): Stamp {
    return { actor: context.actor, at: this.clock.now() };
  }
}
