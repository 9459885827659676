import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  CommandRunner,
  EVENT_STORE,
  type CommandContext,
  type CommandOutcome,
  type EventStore,
} from '@ruamjai/event-store';
import { CLOCK, type Clock } from '@ruamjai/kernel';
import { READ_MODEL_DB, readCheckpoint, type CoreTables, type ReadModelDb } from '@ruamjai/read-models';
import type { Kysely } from 'kysely';
import { planDecider, planStreamId } from '@ruamjai/planning';
import { authoriseCommitmentCommand, type CaseAccessFacts } from '../access/case-access';
import { caseStreamId } from '../case/case.events';
import { caseDecider } from '../case/case.decider';
import type { CommitmentCommand } from '../commitment/commitment.commands';
import { commitmentStreamId, type CommitmentEvent } from '../commitment/commitment.events';
import type { CommitmentTarget } from '../commitment/commitment.values';
import type { PledgeCommitment } from '../commitment/pledge-commitment/pledge-commitment.command';
import { referralStreamId, type ReferralEvent } from '../referral/referral.events';
import { referralDecider } from '../referral/referral.decider';
import { referralRegisterProjection } from '../projections/case-projections';
import type { CasesTables } from '../projections/cases-tables';
import { commitmentDecider } from '../commitment/commitment.decider';

type CommitmentCommandType = CommitmentCommand['type'];
type DataOf<T extends CommitmentCommandType> = Extract<CommitmentCommand, { type: T }>['data'];

export class CommitmentCommandRequest<T extends CommitmentCommandType = CommitmentCommandType> extends Command<
  CommandOutcome<CommitmentEvent>
> {
  constructor(
    readonly type: T,
    readonly data: DataOf<T>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Agency commitments: a pledge first checks that the plan project or case it names exists (and, for a case, who may know of it). */
@CommandHandler(CommitmentCommandRequest)
export class CommitmentCommandHandler implements ICommandHandler<CommitmentCommandRequest> {
  private readonly db: Kysely<CasesTables>;

  constructor(
    private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(READ_MODEL_DB) db: ReadModelDb,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
    this.db = db as unknown as Kysely<CasesTables>;
  }

  async execute({ type, data, context }: CommitmentCommandRequest): Promise<CommandOutcome<CommitmentEvent>> {
    authoriseCommitmentCommand(context.actor, type);
    const base = { type, data, actor: context.actor, at: this.clock.now() };
    const command = (
      'target' in data ? { ...base, facts: await this.facts(data.target, context) } : base
    ) as CommitmentCommand;
    const reason = 'reason' in data ? data.reason : undefined;
    return this.runner.run(
      commitmentDecider,
      commitmentStreamId(data.commitmentId),
      command,
      reason ? { ...context, reason } : context,
    );
  }

  /** The case's owner comes from its stream; an agency that does not own it needs an active referral of it. */
  private async facts(target: CommitmentTarget, context: CommandContext): Promise<PledgeCommitment['facts']> {
    if (target.kind === 'case') {
      const state = await this.runner.peek(caseDecider, caseStreamId(target.caseId), 1000);
      if (state.status === 'none') return { targetExists: false };
      const { actor } = context;
      // The owner and the coordinator need no referral to know of the case.
      if (actor.role !== 'agency_officer' || actor.agency === state.owningAgency)
        return { targetExists: true, caseAccess: { owningAgency: state.owningAgency, referrals: [] } };
      return {
        targetExists: true,
        caseAccess: {
          owningAgency: state.owningAgency,
          referrals: await this.referralsTo(target.caseId, actor.agency),
        },
      };
    }
    const plan = await this.runner.peek(planDecider, planStreamId(target.planId), 1000);
    return { targetExists: plan.status !== 'empty' && plan.projects.has(target.projectId) };
  }

  /**
   * The case's referrals to this agency, as their own streams have them now. They are found in the
   * referral register and, for what it has not projected yet (a referral sent a moment ago, or a
   * seed that runs without projections), in the log after the register's checkpoint.
   */
  private async referralsTo(caseId: string, agency: string): Promise<CaseAccessFacts['referrals']> {
    const checkpoint = await readCheckpoint(this.db as unknown as Kysely<CoreTables>, referralRegisterProjection.name);
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
        });
    }
    return referrals;
  }
}
