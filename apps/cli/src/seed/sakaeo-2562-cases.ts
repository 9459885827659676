import { Module } from '@nestjs/common';
import { seedStep } from './seed-step';
import { NestFactory } from '@nestjs/core';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import {
  AcceptReferralRequest,
  CloseCaseRequest,
  CompleteReferralRequest,
  DeclineReferralRequest,
  OpenCaseRequest,
  PledgeCommitmentRequest,
  RecordConsentRequest,
  RecordFulfilmentRequest,
  RecordIdentificationRequest,
  RecordLegalBasisRequest,
  RecordScreeningRequest,
  ReviseCommitmentRequest,
  SendReferralRequest,
  StartReferralServiceRequest,
  WithdrawCommitmentRequest,
  casesMigrations,
  CasesModule,
  casesProjections,
  referralDecider,
  ReferralOverdueScheduler,
  referralStreamId,
  type CaseCommand,
  type CommitmentTarget,
  type PersonalData,
  type ReferralService,
  type Urgency,
} from '@ruamjai/cases';
import type { AppConfig } from '@ruamjai/config';
import { CommandRunner, idFromKey, type CommandContext } from '@ruamjai/event-store';
import { FixedClock, type Actor } from '@ruamjai/kernel';
import { planningMigrations, planningProjections } from '@ruamjai/planning';
import { PlatformModule } from '@ruamjai/platform';
import { READ_MODEL_DB, type ReadModelDb } from '@ruamjai/read-models';

/**
 * Case work in Sa Kaeo, FY2562: three cases, their referrals (one left unanswered past its due
 * time and escalated), and agencies' commitments to cases and plan projects. Every person here is
 * fictional (ชื่อสมมติ), as are the document numbers. Every step carries a fixed idempotency key
 * and the revision it expects, so running the seed again adds nothing.
 */
const SEED = 'seed-sakaeo-2562-cases';

const actors = {
  immigration: { id: 'imm.officer.1', agency: 'IMM-SK', role: 'agency_officer', province: 'TH-27' },
  labour: { id: 'labour.officer.1', agency: 'LABOUR-SK', role: 'agency_officer', province: 'TH-27' },
  coordinator: { id: 'somchai.k', agency: 'PSDHS-SK', role: 'coordinator', province: 'TH-27' },
  shelter: { id: 'shelter.officer.1', agency: 'SHELTER-SK', role: 'agency_officer', province: 'TH-27' },
  health: { id: 'health.officer.1', agency: 'HEALTH-SK', role: 'agency_officer', province: 'TH-27' },
  police: { id: 'police.officer.1', agency: 'POL-SK', role: 'agency_officer', province: 'TH-27' },
} satisfies Record<string, Actor>;

export const SEED_PEOPLE: Record<'a' | 'b' | 'c', PersonalData> = {
  a: {
    givenName: 'ด.ญ.สมมติ (Fictional Child A)',
    familyName: 'ตัวอย่างหนึ่ง',
    dateOfBirth: '2005-08-15',
    sex: 'female',
    nationality: 'KHM',
    languages: ['km'],
    identityDocuments: [{ kind: 'border_pass', number: 'FICT-BP-0001' }],
    notes: 'ข้อมูลสมมติเพื่อการทดสอบ: พบที่จุดผ่านแดนถาวรบ้านคลองลึก',
  },
  b: {
    givenName: 'นายสมมติ (Fictional Worker B)',
    familyName: 'ตัวอย่างสอง',
    dateOfBirth: '1994-01-20',
    sex: 'male',
    nationality: 'MMR',
    languages: ['my'],
    identityDocuments: [{ kind: 'migrant_worker_card', number: 'FICT-MW-0002' }],
    notes: 'ข้อมูลสมมติเพื่อการทดสอบ: ถูกยึดเอกสาร ทำงานชดใช้หนี้',
  },
  c: {
    givenName: 'นางสาวสมมติ (Fictional Caller C)',
    familyName: 'ตัวอย่างสาม',
    sex: 'female',
    nationality: 'THA',
    identityDocuments: [{ kind: 'thai_national_id', number: 'FICT-ID-0003' }],
    notes: 'ข้อมูลสมมติเพื่อการทดสอบ: แจ้งผ่านสายด่วน 1300',
  },
};

export interface CaseSeedResult {
  readonly caseIds: Record<'a' | 'b' | 'c', string>;
  readonly referralIds: Record<string, string>;
  readonly commitmentIds: Record<string, string>;
  /** The referral left unanswered past its due time: overdue and escalated. */
  readonly overdueReferralId: string;
}

/** Seeds the cases after the plan (the result's position becomes the last one written, for read-your-writes) (it pledges to the plan's projects), in a context of its own. */
export async function seedSakaeo2562Cases<
  Plan extends { planId: string; projectIds: Record<string, string>; position: bigint },
>(config: AppConfig, plan: Plan): Promise<Plan & { cases: CaseSeedResult }> {
  const clock = new FixedClock(new Date('2019-04-02T02:00:00Z'));
  @Module({
    imports: [
      PlatformModule.forRoot({
        app: 'cli',
        config,
        clock,
        projections: [...planningProjections, ...casesProjections],
        migrations: [planningMigrations, casesMigrations],
        runProjections: false,
      }),
      CqrsModule.forRoot(),
      CasesModule.forRoot({ runScheduler: false }),
    ],
  })
  class CaseSeedModule {}
  const app = await NestFactory.createApplicationContext(CaseSeedModule, { logger: false });
  try {
    const bus = app.get(CommandBus);
    const runner = app.get(CommandRunner);
    const at = (iso: string) => clock.set(new Date(iso));
    const revisions = new Map<string, bigint>();
    let last = plan.position;
    const track = <O extends { revision: bigint; position: bigint }>(outcome: O): O => {
      if (outcome.position > last) last = outcome.position;
      return outcome;
    };
    const context = (actor: Actor, step: string, stream: string): CommandContext => ({
      actor,
      correlationId: SEED,
      causationId: `${SEED}:${step}`,
      idempotencyKey: `${SEED}:${step}`,
      requestFingerprint: step,
      expectedRevision: revisions.get(stream) ?? -1n,
    });
    const idOf = (purpose: string, key: string) => idFromKey(actors.coordinator.id, `${SEED}:${key}`, purpose);
    const caseIds = { a: idOf('case', 'case:a'), b: idOf('case', 'case:b'), c: idOf('case', 'case:c') };

    // A step the log already holds is skipped, whatever happened to its records since (an erased
    // person's data can no longer be sealed, a closed case takes no referral): see recordedOutcome.
    const once = (stream: string, type: string, request: { readonly context: CommandContext }) =>
      seedStep(bus, runner, stream, request, type);
    async function onCase<D extends { caseId: string }>(
      actor: Actor,
      step: string,
      type: CaseCommand['type'],
      Request: new (data: D, context: CommandContext) => { readonly context: CommandContext },
      data: D,
    ) {
      const stream = `case-${data.caseId}`;
      const outcome = await once(stream, type, new Request(data, context(actor, step, stream)));
      revisions.set(stream, track(outcome).revision);
    }
    const referralIds: Record<string, string> = {};
    async function refer(
      key: string,
      actor: Actor,
      caseId: string,
      toAgency: string,
      service: ReferralService,
      urgency: Urgency,
      sharesPersonalData: boolean,
    ) {
      const referralId = idOf('referral', `referral:${key}`);
      referralIds[key] = referralId;
      // Sending depends on facts that later steps change (case C is closed afterwards): a re-run
      // finds the referral already sent and takes its first revision, rather than deciding again.
      if ((await runner.load(referralDecider, referralStreamId(referralId))).state.status !== 'none') {
        revisions.set(`referral-${referralId}`, 0n);
        return;
      }
      const outcome = await once(
        `referral-${referralId}`,
        'SendReferral',
        new SendReferralRequest(
          { referralId, caseId, toAgency, service, urgency, sharesPersonalData },
          context(actor, `referral:${key}`, `referral-${referralId}`),
        ),
      );
      revisions.set(`referral-${referralId}`, track(outcome).revision);
    }
    async function answer(
      key: string,
      actor: Actor,
      type: 'AcceptReferral' | 'StartReferralService' | 'CompleteReferral' | 'DeclineReferral',
      request: (referralId: string, context: CommandContext) => { readonly context: CommandContext },
    ) {
      const referralId = referralIds[key];
      const stream = `referral-${referralId}`;
      const outcome = await once(stream, type, request(referralId, context(actor, `referral:${key}:${type}`, stream)));
      revisions.set(stream, track(outcome).revision);
    }
    const commitmentIds: Record<string, string> = {};
    async function pledge(
      key: string,
      actor: Actor,
      target: CommitmentTarget,
      resource: 'staff_days' | 'budget_satang' | 'shelter_beds' | 'vehicles' | 'interpreters',
      quantity: number,
      dueOn: string,
    ) {
      const commitmentId = idOf('commitment', `commitment:${key}`);
      commitmentIds[key] = commitmentId;
      const outcome = await once(
        `commitment-${commitmentId}`,
        'PledgeCommitment',
        new PledgeCommitmentRequest(
          { commitmentId, target, resource, quantity, dueOn },
          context(actor, `commitment:${key}`, `commitment-${commitmentId}`),
        ),
      );
      revisions.set(`commitment-${commitmentId}`, track(outcome).revision);
    }
    async function onCommitment(
      key: string,
      actor: Actor,
      type: 'RecordFulfilment' | 'WithdrawCommitment' | 'ReviseCommitment',
      request: (commitmentId: string, context: CommandContext) => { readonly context: CommandContext },
    ) {
      const commitmentId = commitmentIds[key];
      const stream = `commitment-${commitmentId}`;
      const outcome = await once(
        stream,
        type,
        request(commitmentId, context(actor, `commitment:${key}:${type}`, stream)),
      );
      revisions.set(stream, track(outcome).revision);
    }
    const personId = (key: string) => idOf('person', `person:${key}`);

    // Case A: a child screened at the Aranyaprathet border crossing by immigration.
    at('2019-04-02T02:00:00Z');
    await onCase(actors.immigration, 'case:a', 'OpenCase', OpenCaseRequest, {
      caseId: caseIds.a,
      personId: personId('a'),
      source: 'border_screening',
      districtCode: '2706',
      foundOn: '2019-04-01',
      ageGroup: 'child',
      person: SEED_PEOPLE.a,
    });
    await onCase(actors.immigration, 'case:a:legal-basis', 'RecordLegalBasis', RecordLegalBasisRequest, {
      caseId: caseIds.a,
      basis: 'vital_interest',
      reference: 'PDPA s.26(1); พ.ร.บ.ป้องกันและปราบปรามการค้ามนุษย์ ม.33',
    });
    at('2019-04-02T05:00:00Z');
    await onCase(actors.immigration, 'case:a:screening', 'RecordScreening', RecordScreeningRequest, {
      caseId: caseIds.a,
      indicators: ['minor_unaccompanied', 'recruiter_present', 'document_irregularity'],
      formReference: 'คัดกรอง ตม.สก. 2562/031',
    });
    await refer('a-shelter', actors.immigration, caseIds.a, 'SHELTER-SK', 'shelter', 'urgent', true);
    at('2019-04-02T09:00:00Z');
    await answer(
      'a-shelter',
      actors.shelter,
      'AcceptReferral',
      (referralId, ctx) => new AcceptReferralRequest({ referralId }, ctx),
    );
    await answer(
      'a-shelter',
      actors.shelter,
      'StartReferralService',
      (referralId, ctx) => new StartReferralServiceRequest({ referralId }, ctx),
    );
    at('2019-04-12T03:00:00Z');
    await onCase(actors.immigration, 'case:a:identification', 'RecordIdentification', RecordIdentificationRequest, {
      caseId: caseIds.a,
      outcome: 'victim',
      decidedOn: '2019-04-12',
      decidingAgency: 'PSDHS-SK',
    });
    await refer('a-medical', actors.immigration, caseIds.a, 'HEALTH-SK', 'medical', 'normal', true);
    at('2019-04-13T02:00:00Z');
    await answer(
      'a-medical',
      actors.health,
      'AcceptReferral',
      (referralId, ctx) => new AcceptReferralRequest({ referralId }, ctx),
    );
    await answer(
      'a-medical',
      actors.health,
      'StartReferralService',
      (referralId, ctx) => new StartReferralServiceRequest({ referralId }, ctx),
    );
    at('2019-04-20T02:00:00Z');
    await answer(
      'a-medical',
      actors.health,
      'CompleteReferral',
      (referralId, ctx) => new CompleteReferralRequest({ referralId, outcome: 'service_provided' }, ctx),
    );
    await pledge('a-beds', actors.shelter, { kind: 'case', caseId: caseIds.a }, 'shelter_beds', 1, '2019-09-30');
    await onCommitment(
      'a-beds',
      actors.shelter,
      'RecordFulfilment',
      (commitmentId, ctx) => new RecordFulfilmentRequest({ commitmentId, quantity: 1, fulfilledOn: '2019-04-20' }, ctx),
    );

    // Case B: a migrant worker found in debt bondage by a labour inspection in Wang Nam Yen.
    at('2019-05-06T03:00:00Z');
    await onCase(actors.labour, 'case:b', 'OpenCase', OpenCaseRequest, {
      caseId: caseIds.b,
      personId: personId('b'),
      source: 'labour_inspection',
      districtCode: '2704',
      foundOn: '2019-05-06',
      ageGroup: 'adult',
      person: SEED_PEOPLE.b,
    });
    await onCase(actors.labour, 'case:b:consent', 'RecordConsent', RecordConsentRequest, {
      caseId: caseIds.b,
      givenOn: '2019-05-06',
      scope: 'share_with_agencies',
    });
    await onCase(actors.labour, 'case:b:screening', 'RecordScreening', RecordScreeningRequest, {
      caseId: caseIds.b,
      indicators: ['debt_bondage', 'document_confiscation', 'excessive_hours'],
      formReference: 'ร.บ.1/2562-044',
    });
    await refer('b-interpreter', actors.labour, caseIds.b, 'PSDHS-SK', 'interpretation', 'urgent', true);
    at('2019-05-06T08:00:00Z');
    await answer(
      'b-interpreter',
      actors.coordinator,
      'AcceptReferral',
      (referralId, ctx) => new AcceptReferralRequest({ referralId }, ctx),
    );
    // Sent and never answered: 72 hours later it is overdue and escalated to the coordinator.
    await refer('b-vocational', actors.labour, caseIds.b, 'EMP-SK', 'vocational_training', 'normal', true);
    const overdueReferralId = referralIds['b-vocational'];
    at('2019-05-09T08:00:00Z');
    const scheduler = new ReferralOverdueScheduler(runner, app.get<ReadModelDb>(READ_MODEL_DB), clock, 60_000);
    const marked = await scheduler.mark(overdueReferralId);
    if (marked) track(marked);
    await pledge(
      'b-budget',
      actors.coordinator,
      { kind: 'case', caseId: caseIds.b },
      'budget_satang',
      500_000,
      '2019-06-30',
    );

    // Case C: a call to the 1300 hotline from Khlong Hat; not identified as a victim, returned home.
    at('2019-06-03T04:00:00Z');
    await onCase(actors.coordinator, 'case:c', 'OpenCase', OpenCaseRequest, {
      caseId: caseIds.c,
      personId: personId('c'),
      source: 'hotline_1300',
      districtCode: '2702',
      foundOn: '2019-06-02',
      ageGroup: 'adult',
      person: SEED_PEOPLE.c,
    });
    await onCase(actors.coordinator, 'case:c:legal-basis', 'RecordLegalBasis', RecordLegalBasisRequest, {
      caseId: caseIds.c,
      basis: 'public_task',
      reference: 'PDPA s.24(4)',
    });
    await refer('c-legal', actors.coordinator, caseIds.c, 'POL-SK', 'legal_aid', 'normal', false);
    at('2019-06-04T04:00:00Z');
    await answer(
      'c-legal',
      actors.police,
      'DeclineReferral',
      (referralId, ctx) => new DeclineReferralRequest({ referralId, reason: 'ไม่พบองค์ประกอบความผิด ส่งเรื่องคืนศูนย์' }, ctx),
    );
    await onCase(actors.coordinator, 'case:c:screening', 'RecordScreening', RecordScreeningRequest, {
      caseId: caseIds.c,
      indicators: ['self_reported_deception'],
      formReference: 'สายด่วน 1300/2562-1187',
    });
    at('2019-06-14T04:00:00Z');
    await onCase(actors.coordinator, 'case:c:identification', 'RecordIdentification', RecordIdentificationRequest, {
      caseId: caseIds.c,
      outcome: 'not_victim',
      decidedOn: '2019-06-14',
      decidingAgency: 'PSDHS-SK',
    });
    await onCase(actors.coordinator, 'case:c:closure', 'CloseCase', CloseCaseRequest, {
      caseId: caseIds.c,
      outcome: 'returned_home',
    });

    // Commitments to the plan's projects.
    at('2019-04-05T03:00:00Z');
    await pledge(
      'screening-interpreters',
      actors.immigration,
      { kind: 'project', planId: plan.planId, projectId: plan.projectIds['border-screening'] },
      'interpreters',
      2,
      '2019-05-31',
    );
    await onCommitment(
      'screening-interpreters',
      actors.immigration,
      'RecordFulfilment',
      (commitmentId, ctx) => new RecordFulfilmentRequest({ commitmentId, quantity: 1, fulfilledOn: '2019-05-15' }, ctx),
    );
    await pledge(
      'shelter-staff',
      actors.health,
      { kind: 'project', planId: plan.planId, projectId: plan.projectIds['shelter-care'] },
      'staff_days',
      20,
      '2019-09-30',
    );
    await onCommitment(
      'shelter-staff',
      actors.health,
      'ReviseCommitment',
      (commitmentId, ctx) =>
        new ReviseCommitmentRequest(
          { commitmentId, quantity: 15, dueOn: '2019-09-30', reason: 'บุคลากรบางส่วนย้ายไปประจำ รพ.อรัญประเทศ' },
          ctx,
        ),
    );
    await pledge(
      'prosecution-vehicles',
      actors.police,
      { kind: 'project', planId: plan.planId, projectId: plan.projectIds.prosecution },
      'vehicles',
      2,
      '2019-08-31',
    );
    await onCommitment(
      'prosecution-vehicles',
      actors.police,
      'WithdrawCommitment',
      (commitmentId, ctx) => new WithdrawCommitmentRequest({ commitmentId, reason: 'รถถูกโอนไปใช้ภารกิจชายแดน' }, ctx),
    );

    return { ...plan, position: last, cases: { caseIds, referralIds, commitmentIds, overdueReferralId } };
  } finally {
    await app.close();
  }
}
