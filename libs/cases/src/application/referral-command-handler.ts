import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { APP_CONFIG, type AppConfig } from '@ruamjai/config';
import { CommandRunner, type CommandContext, type CommandOutcome } from '@ruamjai/event-store';
import { CLOCK, type Clock } from '@ruamjai/kernel';
import { agencyDecider, agencyStreamId } from '@ruamjai/planning';
import { authoriseReferralCommand } from '../access/case-access';
import { caseStreamId } from '../case/case.events';
import { caseDecider } from '../case/case.decider';
import type { ReferralCommand } from '../referral/referral.commands';
import { referralStreamId, type ReferralEvent } from '../referral/referral.events';
import { defaultDueAt, type ReferralFacts, type SendReferral } from '../referral/send-referral/send-referral.command';
import { referralDecider } from '../referral/referral.decider';

type ReferralCommandType = Exclude<ReferralCommand['type'], 'MarkReferralOverdue'>;
type DomainData<T extends ReferralCommandType> = Extract<ReferralCommand, { type: T }>['data'];
/** The due time may be left to the centre's defaults (24 h urgent, 72 h normal). */
export type ReferralRequestData<T extends ReferralCommandType> = T extends 'SendReferral'
  ? Omit<DomainData<T>, 'dueAt'> & { dueAt?: string }
  : DomainData<T>;

export class ReferralCommandRequest<T extends ReferralCommandType = ReferralCommandType> extends Command<
  CommandOutcome<ReferralEvent>
> {
  constructor(
    readonly type: T,
    readonly data: ReferralRequestData<T>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Referral commands. Sending reads the case (consent, legal basis) and the recipient from the directory first. */
@CommandHandler(ReferralCommandRequest)
export class ReferralCommandHandler implements ICommandHandler<ReferralCommandRequest> {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ type, data, context }: ReferralCommandRequest): Promise<CommandOutcome<ReferralEvent>> {
    // Inbound referrals name an outside sender; their actor is the consumer, checked where it is built.
    if (!('external' in data && data.external)) authoriseReferralCommand(context.actor, type);
    const at = this.clock.now();
    let command: ReferralCommand;
    if (type === 'SendReferral') {
      const send = data as ReferralRequestData<'SendReferral'>;
      const { urgent, normal } = {
        urgent: this.config.cases.referralDueHoursUrgent,
        normal: this.config.cases.referralDueHoursNormal,
      };
      const dueAt = send.dueAt ?? defaultDueAt(at, send.urgency, { urgent, normal }).toISOString();
      command = {
        type,
        data: { ...send, dueAt },
        actor: context.actor,
        at,
        facts: await this.facts(send.caseId, send.toAgency),
      } satisfies SendReferral;
    } else {
      command = { type, data, actor: context.actor, at } as ReferralCommand;
    }
    const reason = 'reason' in data ? data.reason : undefined;
    return this.runner.run(
      referralDecider,
      referralStreamId(data.referralId),
      command,
      reason ? { ...context, reason } : context,
    );
  }

  /** Consent must be current: the case is loaded, not peeked. The directory changes rarely: peeked. */
  private async facts(caseId: string, toAgency: string): Promise<ReferralFacts> {
    const { state } = await this.runner.load(caseDecider, caseStreamId(caseId));
    const agency = await this.runner.peek(agencyDecider, agencyStreamId(toAgency), 1000);
    return {
      case:
        state.status === 'none'
          ? { exists: false, open: false, owningAgency: null, consent: false, legalBasis: null, erased: false }
          : {
              exists: true,
              open: state.status === 'open',
              owningAgency: state.owningAgency,
              consent: state.consent,
              legalBasis: state.legalBasis,
              erased: state.personalData === 'erased',
            },
      recipient: agency.status === 'unknown' ? 'unknown' : agency.status === 'inactive' ? 'inactive' : 'active',
    };
  }
}
