import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { PersonalDataVault } from '@ruamjai/privacy';
import type { PersonalData } from '../../application/personal-data';
import { CaseCommands } from '../case.commands.handler';
import type { CaseEvent } from '../case.events';
import type { OpenCase } from './open-case.command';

/** A new case, with the person's data in plaintext: it is sealed with the person's own key here. */
export class OpenCaseRequest extends Command<CommandOutcome<CaseEvent>> {
  constructor(
    readonly data: Omit<OpenCase['data'], 'personalData'> & { person: PersonalData },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(OpenCaseRequest)
export class OpenCaseHandler implements ICommandHandler<OpenCaseRequest> {
  constructor(
    private readonly cases: CaseCommands,
    private readonly vault: PersonalDataVault,
  ) {}

  execute({ data, context }: OpenCaseRequest): Promise<CommandOutcome<CaseEvent>> {
    const { person, ...rest } = data;
    return this.cases.open(context, data.caseId, async (stamp) => ({
      type: 'OpenCase',
      data: { ...rest, personalData: await this.vault.seal(data.personId, person) },
      ...stamp,
    }));
  }
}
