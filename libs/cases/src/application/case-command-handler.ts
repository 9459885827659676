import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, StaleRevision, type CommandContext, type CommandOutcome } from '@ruamjai/event-store';
import { CLOCK, type Clock } from '@ruamjai/kernel';
import { PersonalDataVault } from '@ruamjai/privacy';
import { authoriseCaseCommand } from '../access/case-access';
import type { CaseCommand } from '../case/case.commands';
import { caseStreamId, type CaseEvent } from '../case/case.events';
import { caseDecider } from '../case/case.decider';
import { CaseNotFound } from '../case/case.errors';
import type { PersonalData } from './personal-data';

type CaseCommandType = CaseCommand['type'];
type DomainData<T extends CaseCommandType> = Extract<CaseCommand, { type: T }>['data'];
/** What callers send: plaintext personal data where the domain takes it sealed. */
export type CaseRequestData<T extends CaseCommandType> = T extends 'OpenCase' | 'UpdatePersonalData'
  ? Omit<DomainData<T>, 'personalData'> & { person: PersonalData }
  : DomainData<T>;

/** A case use case as the HTTP layer (or an inbound message) asks for it. */
export class CaseCommandRequest<T extends CaseCommandType = CaseCommandType> extends Command<
  CommandOutcome<CaseEvent>
> {
  constructor(
    readonly type: T,
    readonly data: CaseRequestData<T>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * Every case command: authorise against the case's owning agency, seal personal data with the
 * person's key, and run the pure decider. Erasure destroys the key first (only after the decider
 * has agreed), so a crash between the two leaves the data unreadable, never readable and "erased".
 */
@CommandHandler(CaseCommandRequest)
export class CaseCommandHandler implements ICommandHandler<CaseCommandRequest> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly vault: PersonalDataVault,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ type, data, context }: CaseCommandRequest): Promise<CommandOutcome<CaseEvent>> {
    const streamId = caseStreamId(data.caseId);
    const loaded = type === 'OpenCase' ? undefined : await this.runner.load(caseDecider, streamId);
    const current = loaded?.state;
    authoriseCaseCommand(
      context.actor,
      type,
      current && current.status !== 'none' ? current.owningAgency : null,
      data.caseId,
    );
    let domainData: DomainData<CaseCommandType>;
    if ('person' in data) {
      const { person, ...rest } = data;
      const personId =
        'personId' in rest ? rest.personId : current?.status === 'none' || !current ? undefined : current.personId;
      if (!personId) throw new CaseNotFound(data.caseId);
      domainData = { ...rest, personalData: await this.vault.seal(personId, person) };
    } else {
      domainData = data;
    }
    const command = { type, data: domainData, actor: context.actor, at: this.clock.now() } as CaseCommand;
    if (command.type === 'ErasePersonalData' && loaded && current) {
      // Everything that could refuse the append is checked before the key goes: the rules, then the version.
      caseDecider.decide(command, current);
      const expected = context.expectedRevision;
      if (expected !== undefined && expected !== loaded.revision)
        throw new StaleRevision(streamId, expected, loaded.revision < 0n ? 'no_stream' : loaded.revision);
      if (current.status !== 'none') await this.vault.erase(current.personId);
    }
    const reason = 'reason' in data ? data.reason : 'explanation' in data ? data.explanation : undefined;
    return this.runner.run(caseDecider, streamId, command, reason ? { ...context, reason } : context);
  }
}
