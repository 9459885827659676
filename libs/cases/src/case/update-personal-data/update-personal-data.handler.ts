import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandOutcome } from '@ruamjai/event-store';
import { PersonalDataVault } from '@ruamjai/privacy';
import type { PersonalData } from '../../application/personal-data';
import { CaseCommands } from '../case.commands.handler';
import { CaseNotFound } from '../case.errors';
import type { CaseEvent } from '../case.events';
import type { UpdatePersonalData } from './update-personal-data.command';

/** The person's data replaced, in plaintext: it is sealed with the person's own key here. */
export class UpdatePersonalDataRequest extends Command<CommandOutcome<CaseEvent>> {
  constructor(
    readonly data: Omit<UpdatePersonalData['data'], 'personalData'> & { person: PersonalData },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(UpdatePersonalDataRequest)
export class UpdatePersonalDataHandler implements ICommandHandler<UpdatePersonalDataRequest> {
  constructor(
    private readonly cases: CaseCommands,
    private readonly vault: PersonalDataVault,
  ) {}

  execute({ data, context }: UpdatePersonalDataRequest): Promise<CommandOutcome<CaseEvent>> {
    const { person, ...rest } = data;
    return this.cases.change(context, 'UpdatePersonalData', data.caseId, async (stamp, current) => {
      if (current.status === 'none') throw new CaseNotFound(data.caseId);
      return {
        type: 'UpdatePersonalData',
        data: { ...rest, personalData: await this.vault.seal(current.personId, person) },
        ...stamp,
      };
    });
  }
}
