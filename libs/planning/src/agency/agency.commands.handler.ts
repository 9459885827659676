import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@ruamjai/config';
import { CommandRunner, type CommandContext, type CommandOutcome } from '@ruamjai/event-store';
import { CLOCK, type Actor, type Clock } from '@ruamjai/kernel';
import type { AgencyCommand } from './agency.commands';
import { agencyDecider, agencyStreamId } from './agency.decider';
import type { AgencyEvent } from './agency.events';
import { authoriseAgencyCommand } from './agency.policy';

/** What the executor stamps on every command: who acts, when (from the clock), and the deployment's province. */
export interface AgencyCommandStamp {
  readonly actor: Actor;
  readonly at: Date;
  readonly deploymentProvince: string;
}

/**
 * What every agency directory use case's handler does the same way: stamp actor and time, check
 * the actor's role, run the pure decider through the shared runner.
 */
@Injectable()
export class AgencyCommands {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'deploymentProvince'>,
  ) {}

  run(
    context: CommandContext,
    build: (stamp: AgencyCommandStamp) => AgencyCommand,
  ): Promise<CommandOutcome<AgencyEvent>> {
    const command = build({
      actor: context.actor,
      at: this.clock.now(),
      deploymentProvince: this.config.deploymentProvince,
    });
    authoriseAgencyCommand(context.actor, command.type);
    const { data } = command;
    const reason = 'reason' in data ? data.reason : undefined;
    return this.runner.run(
      agencyDecider,
      agencyStreamId(data.code),
      command,
      reason ? { ...context, reason } : context,
    );
  }
}
