import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { APP_CONFIG, type AppConfig } from '@ruamjai/config';
import { CommandRunner, type CommandContext, type CommandOutcome } from '@ruamjai/event-store';
import { agencyDecider, agencyStreamId } from '@ruamjai/planning';
import { caseDecider } from '../../case/case.decider';
import { caseStreamId } from '../../case/case.events';
import { ReferralCommands } from '../referral.commands.handler';
import type { ReferralEvent } from '../referral.events';
import { defaultDueAt, type ReferralFacts, type SendReferral } from './send-referral.command';

/** A referral sent; the due time may be left to the centre's defaults (24 h urgent, 72 h normal). */
export class SendReferralRequest extends Command<CommandOutcome<ReferralEvent>> {
  constructor(
    readonly data: Omit<SendReferral['data'], 'dueAt'> & { dueAt?: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Sending reads the case (consent, legal basis) and the recipient from the directory first. */
@CommandHandler(SendReferralRequest)
export class SendReferralHandler implements ICommandHandler<SendReferralRequest> {
  constructor(
    private readonly referrals: ReferralCommands,
    private readonly runner: CommandRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  execute({ data, context }: SendReferralRequest): Promise<CommandOutcome<ReferralEvent>> {
    const hours = {
      urgent: this.config.cases.referralDueHoursUrgent,
      normal: this.config.cases.referralDueHoursNormal,
    };
    return this.referrals.run(
      context,
      'SendReferral',
      async (stamp) => ({
        type: 'SendReferral',
        data: { ...data, dueAt: data.dueAt ?? defaultDueAt(stamp.at, data.urgency, hours).toISOString() },
        ...stamp,
        facts: await this.facts(data.caseId, data.toAgency),
      }),
      { inbound: Boolean(data.external) },
    );
  }

  /** Consent must be current: the case is loaded, not peeked. The directory changes rarely: peeked. */
  private async facts(caseId: string, toAgency: string): Promise<ReferralFacts> {
    const { state } = await this.runner.load(caseDecider, caseStreamId(caseId));
    const agency = await this.runner.peek(agencyDecider, agencyStreamId(toAgency), 1000);
    return {
      case:
        state.status === 'none'
          ? {
              exists: false,
              open: false,
              owningAgency: null,
              province: null,
              consent: false,
              legalBasis: null,
              erased: false,
            }
          : {
              exists: true,
              open: state.status === 'open',
              owningAgency: state.owningAgency,
              province: state.province ?? this.config.deploymentProvince,
              consent: state.consent,
              legalBasis: state.legalBasis,
              erased: state.personalData === 'erased',
            },
      recipient: agency.status === 'unknown' ? 'unknown' : agency.status === 'inactive' ? 'inactive' : 'active',
      ...(agency.status === 'unknown' ? {} : { recipientProvince: agency.province ?? this.config.deploymentProvince }),
    };
  }
}
