import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StaleRevision, type CommandContext, type CommandOutcome } from '@ruamjai/event-store';
import { PersonalDataVault } from '@ruamjai/privacy';
import { CaseCommands } from '../case.commands.handler';
import { caseStreamId, type CaseEvent } from '../case.events';
import type { ErasePersonalData } from './erase-personal-data.command';
import { decideErasePersonalData } from './erase-personal-data.decide';

/** The person's data erased (the coordinator): their key is destroyed, so no copy opens again. */
export class ErasePersonalDataRequest extends Command<CommandOutcome<CaseEvent>> {
  constructor(
    readonly data: ErasePersonalData['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * The key goes first, but only after the decider has agreed: a crash between the two leaves the
 * data unreadable, never readable and "erased".
 */
@CommandHandler(ErasePersonalDataRequest)
export class ErasePersonalDataHandler implements ICommandHandler<ErasePersonalDataRequest> {
  constructor(
    private readonly cases: CaseCommands,
    private readonly vault: PersonalDataVault,
  ) {}

  execute({ data, context }: ErasePersonalDataRequest): Promise<CommandOutcome<CaseEvent>> {
    return this.cases.change(
      context,
      'ErasePersonalData',
      data.caseId,
      (stamp) => ({ type: 'ErasePersonalData', data, ...stamp }),
      {
        reason: data.reason,
        beforeAppend: async (command, loaded) => {
          // Everything that could refuse the append is checked before the key goes: the rules, then the version.
          decideErasePersonalData(command, loaded.state);
          const expected = context.expectedRevision;
          if (expected !== undefined && expected !== loaded.revision)
            throw new StaleRevision(
              caseStreamId(data.caseId),
              expected,
              loaded.revision < 0n ? 'no_stream' : loaded.revision,
            );
          if (loaded.state.status !== 'none') await this.vault.erase(loaded.state.personId);
        },
      },
    );
  }
}
