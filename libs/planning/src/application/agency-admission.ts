import { Inject, Injectable } from '@nestjs/common';
import { CommandRunner, EVENT_STORE, type EventStore } from '@ruamjai/event-store';
import type { Actor } from '@ruamjai/kernel';
import { agencyDecider, agencyStreamId } from '../agency/agency.decider';
import { admitActorAgency } from '../agency/agency-admission';

/** A deactivation made by another process is seen within this long; this process sees its own at once. */
const DIRECTORY_PEEK_MS = 1000;

/** Checks that the actor's agency is registered and active before a command or a personal-data read. */
@Injectable()
export class AgencyAdmission {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async admit(actor: Actor, what: { registersAgency: boolean }): Promise<void> {
    const agency = await this.runner.peek(agencyDecider, agencyStreamId(actor.agency), DIRECTORY_PEEK_MS);
    const logEmpty =
      agency.status === 'unknown' && what.registersAgency ? (await this.store.headPosition()) === undefined : false;
    admitActorAgency(actor, agency, { logEmpty, registersAgency: what.registersAgency });
  }
}
