import { APP_CONFIG, type AppConfig } from '@ruamjai/config';
import { withinReach } from '@ruamjai/kernel';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  CommandRunner,
  EVENT_STORE,
  type CommandContext,
  type CommandOutcome,
  type EventStore,
} from '@ruamjai/event-store';
import { planDecider, planStreamId } from '@ruamjai/planning';
import { READ_MODEL_DB, readCheckpoint, type CoreTables, type ReadModelDb } from '@ruamjai/read-models';
import type { Kysely } from 'kysely';
import type { CaseAccessFacts } from '../../access/case-access';
import { caseDecider } from '../../case/case.decider';
import { caseStreamId } from '../../case/case.events';
import { REFERRAL_REGISTER, type CasesTables } from '../../projections/cases-tables';
import { referralDecider } from '../../referral/referral.decider';
import { referralStreamId, type ReferralEvent } from '../../referral/referral.events';
import { CommitmentCommands } from '../commitment.commands.handler';
import type { CommitmentEvent } from '../commitment.events';
import type { CommitmentTarget } from '../commitment.values';
import type { PledgeCommitment } from './pledge-commitment.command';

/** An agency's pledge of a resource to a plan project or a case. */
export class PledgeCommitmentRequest extends Command<CommandOutcome<CommitmentEvent>> {
  constructor(
    readonly data: PledgeCommitment['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** A pledge first checks that the plan project or case it names exists (and, for a case, who may know of it). */
@CommandHandler(PledgeCommitmentRequest)
export class PledgeCommitmentHandler implements ICommandHandler<PledgeCommitmentRequest> {
  private readonly db: Kysely<CasesTables>;

  constructor(
    private readonly commitments: CommitmentCommands,
    private readonly runner: CommandRunner,
    @Inject(READ_MODEL_DB) db: ReadModelDb,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.db = db as unknown as Kysely<CasesTables>;
  }

  execute({ data, context }: PledgeCommitmentRequest): Promise<CommandOutcome<CommitmentEvent>> {
    return this.commitments.run(context, 'PledgeCommitment', async (stamp) => ({
      type: 'PledgeCommitment',
      data,
      ...stamp,
      facts: await this.facts(data.target, context),
    }));
  }

  private async facts(target: CommitmentTarget, context: CommandContext): Promise<PledgeCommitment['facts']> {
    if (target.kind === 'case') {
      const state = await this.runner.peek(caseDecider, caseStreamId(target.caseId), 1000);
      if (state.status === 'none') return { targetExists: false };
      const { actor } = context;
      const province = state.province ?? this.config.deploymentProvince;
      // The owner and the coordinator need no referral to know of the case.
      if (actor.role !== 'agency_officer' || actor.agency === state.owningAgency)
        return { targetExists: true, caseAccess: { owningAgency: state.owningAgency, province, referrals: [] } };
      return {
        targetExists: true,
        caseAccess: {
          owningAgency: state.owningAgency,
          province,
          referrals: await this.referralsTo(target.caseId, actor.agency),
        },
      };
    }
    const plan = await this.runner.peek(planDecider, planStreamId(target.planId), 1000);
    // Another province's plan is not known here: the same answer as an unknown project.
    return {
      targetExists:
        plan.status !== 'empty' && withinReach(context.actor, plan.provinceCode) && plan.projects.has(target.projectId),
    };
  }

  /**
   * The case's referrals to this agency, as their own streams have them now. They are found in the
   * referral register and, for what it has not projected yet (a referral sent a moment ago, or a
   * seed that runs without projections), in the log after the register's checkpoint.
   */
  private async referralsTo(caseId: string, agency: string): Promise<CaseAccessFacts['referrals']> {
    const checkpoint = await readCheckpoint(this.db as unknown as Kysely<CoreTables>, REFERRAL_REGISTER);
    const ids = new Set(
      (
        await this.db
          .selectFrom('referral_register')
          .select('referral_id')
          .where('case_id', '=', caseId)
          .where('to_agency', '=', agency)
          .execute()
      ).map((r) => r.referral_id),
    );
    for await (const event of this.store.readAll({ fromPosition: checkpoint + 1n })) {
      if (event.type !== 'ReferralSent') continue;
      const sent = event.data as Extract<ReferralEvent, { type: 'ReferralSent' }>['data'];
      if (sent.caseId === caseId && sent.toAgency === agency) ids.add(sent.referralId);
    }
    const referrals: Array<CaseAccessFacts['referrals'][number]> = [];
    for (const id of ids) {
      const { state } = await this.runner.load(referralDecider, referralStreamId(id));
      if (state.status !== 'none')
        referrals.push({
          toAgency: state.toAgency,
          status: state.status,
          sharesPersonalData: state.sharesPersonalData,
          toProvince: state.toProvince,
        });
    }
    return referrals;
  }
}
