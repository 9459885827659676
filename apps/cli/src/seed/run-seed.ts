import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import type { AppConfig } from '@ruamjai/config';
import { CommandRunner, idFromKey, type CommandContext } from '@ruamjai/event-store';
import { FixedClock, type Actor } from '@ruamjai/kernel';
import {
  AgencyAlreadyRegistered,
  agencyStreamId,
  planStreamId,
  planningMigrations,
  PlanningModule,
  planningProjections,
  AddActivityRequest,
  AddBudgetLineRequest,
  AddKpiRequest,
  AddProjectRequest,
  ApproveFundRequestRequest,
  ApprovePlanRequest,
  DraftPlanRequest,
  RecordFundDisbursementRequest,
  RecordKpiActualRequest,
  RegisterAgencyRequest,
  ReportActivityProgressRequest,
  ReviseProjectBudgetRequest,
  SubmitFundRequestRequest,
  SubmitPlanRequest,
  type AgencyCommand,
  type PlanCommand,
} from '@ruamjai/planning';
import { PlatformModule } from '@ruamjai/platform';
import {
  SEED_AGENCIES,
  SEED_AMENDMENT,
  SEED_BUDGET_REVISION,
  SEED_FUND_REQUEST,
  SEED_PLAN,
  SEED_PROJECTS,
  type SeedProject,
} from './sakaeo-2562';
import { seedSakaeo2562Cases } from './sakaeo-2562-cases';
import { seedStep } from './seed-step';

const coordinator: Actor = { id: 'somchai.k', agency: 'PSDHS-SK', role: 'coordinator', province: 'TH-27' };
const chair: Actor = { id: 'governor.sakaeo', agency: 'PROV-SK', role: 'chair', province: 'TH-27' };
const SEED = 'seed-sakaeo-2562';
/** One officer per agency reports for it. */
const officer = (agency: string): Actor => ({
  id: `officer.${agency.toLowerCase()}`,
  agency,
  role: 'agency_officer',
  province: 'TH-27',
});

export interface SeedResult {
  readonly planId: string;
  readonly projectIds: Record<string, string>;
  readonly requestId: string;
  readonly revision: bigint;
  readonly position: bigint;
}

/**
 * Builds the Sa Kaeo FY2562 plan through the same commands and rules as the API, on the dates it
 * happened. Every step carries a fixed idempotency key, so running the seed again adds nothing.
 */
async function seedSakaeo2562Plan(config: AppConfig): Promise<SeedResult> {
  const clock = new FixedClock(new Date('2019-01-15T02:00:00Z'));
  @Module({
    imports: [
      PlatformModule.forRoot({
        app: 'cli',
        config,
        clock,
        projections: planningProjections,
        migrations: [planningMigrations],
        runProjections: false,
      }),
      CqrsModule.forRoot(),
      PlanningModule,
    ],
  })
  class SeedModule {}
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: false });
  try {
    const bus = app.get(CommandBus);
    const runner = app.get(CommandRunner);
    // A step the log already holds is skipped, whatever happened to its records since (see recordedOutcome).
    const once = (
      streamId: string,
      request: { type: PlanCommand['type'] | AgencyCommand['type']; context: CommandContext },
    ) => seedStep(bus, runner, streamId, request);
    const context = (actor: Actor, step: string, expectedRevision?: bigint): CommandContext => ({
      actor,
      correlationId: SEED,
      causationId: `${SEED}:${step}`,
      idempotencyKey: `${SEED}:${step}`,
      requestFingerprint: step,
      ...(expectedRevision !== undefined ? { expectedRevision } : {}),
    });
    const at = (iso: string) => clock.set(new Date(iso));

    at('2019-01-15T02:00:00Z');
    for (const agency of SEED_AGENCIES) {
      try {
        await once(
          agencyStreamId(agency.code),
          new RegisterAgencyRequest({ ...agency }, context(coordinator, `agency:${agency.code}`, -1n)),
        );
      } catch (error) {
        // An agency someone registered already (the README's first session registers PSDHS-SK) is kept as it is.
        if (!(error instanceof AgencyAlreadyRegistered)) throw error;
      }
    }

    const planId = idFromKey(coordinator.id, `${SEED}:plan`, 'plan');
    at('2019-02-14T03:00:00Z');
    const plan = planStreamId(planId);
    let outcome = await once(plan, new DraftPlanRequest({ planId, ...SEED_PLAN }, context(coordinator, 'plan', -1n)));
    const projectIds: Record<string, string> = {};
    const ids = (kind: string, key: string) => idFromKey(coordinator.id, `${SEED}:${kind}:${key}`, kind);
    // Each step is its own command; the plan's revision moves with each.
    const step = async (
      actor: Actor,
      name: string,
      request: (context: CommandContext) => { type: PlanCommand['type']; context: CommandContext },
    ) => {
      outcome = await once(plan, request(context(actor, name, outcome.revision)));
    };
    const addProject = async (project: SeedProject, reason?: string) => {
      const projectId = ids('project', project.key);
      projectIds[project.key] = projectId;
      const { key, budgetLines, activities, kpis, ...fields } = project;
      await step(
        coordinator,
        `project:${key}`,
        (ctx) =>
          new AddProjectRequest(
            {
              planId,
              projectId,
              ...fields,
              ...(reason ? { reason } : {}),
            },
            ctx,
          ),
      );
      for (const line of budgetLines) {
        const { key: lineKey, ...lineFields } = line;
        await step(
          coordinator,
          `budget-line:${lineKey}`,
          (ctx) =>
            new AddBudgetLineRequest(
              {
                planId,
                projectId,
                lineId: ids('budget-line', lineKey),
                ...lineFields,
                ...(reason ? { reason } : {}),
              },
              ctx,
            ),
        );
      }
      for (const activity of activities) {
        const { key: activityKey, progress: _progress, ...activityFields } = activity;
        await step(
          coordinator,
          `activity:${activityKey}`,
          (ctx) =>
            new AddActivityRequest(
              {
                planId,
                projectId,
                activityId: ids('activity', activityKey),
                ...activityFields,
                ...(reason ? { reason } : {}),
              },
              ctx,
            ),
        );
      }
      for (const kpi of kpis) {
        const { key: kpiKey, actual: _actual, ...kpiFields } = kpi;
        await step(
          coordinator,
          `kpi:${kpiKey}`,
          (ctx) =>
            new AddKpiRequest(
              {
                planId,
                projectId,
                kpiId: ids('kpi', kpiKey),
                ...kpiFields,
                ...(reason ? { reason } : {}),
              },
              ctx,
            ),
        );
      }
    };
    for (const [i, project] of SEED_PROJECTS.entries()) {
      at(`2019-02-${String(15 + i).padStart(2, '0')}T03:00:00Z`);
      await addProject(project);
    }

    at('2019-02-25T03:00:00Z');
    const fund = SEED_FUND_REQUEST;
    const requestId = idFromKey(coordinator.id, `${SEED}:fund-request`, 'fund-request');
    outcome = await once(
      plan,
      new SubmitFundRequestRequest(
        {
          planId,
          projectId: projectIds[fund.project],
          requestId,
          amountSatang: fund.amountSatang,
          justification: fund.justification,
          category: fund.category,
        },
        context(coordinator, 'fund-request', outcome.revision),
      ),
    );

    at('2019-03-01T03:00:00Z');
    outcome = await once(plan, new SubmitPlanRequest({ planId }, context(coordinator, 'submission', outcome.revision)));
    at('2019-03-15T07:00:00Z');
    outcome = await once(
      plan,
      new ApprovePlanRequest(
        { planId, meetingReference: 'ครั้งที่ 1/2562', meetingDate: '2019-03-15' },
        context(chair, 'approval', outcome.revision),
      ),
    );

    // After approval: the Fund's decision and payments, a budget revision, an added project, and the
    // agencies' progress reports, each on its own date and all in date order, as it happened.
    const fundSteps = [
      {
        on: '2019-04-10T03:00:00Z',
        run: () =>
          step(
            coordinator,
            'fund-approval',
            (ctx) =>
              new ApproveFundRequestRequest(
                {
                  planId,
                  requestId,
                  approvedAmountSatang: fund.approvedSatang,
                },
                ctx,
              ),
          ),
      },
      ...fund.disbursements.map((amount, i) => ({
        on: `2019-0${5 + i}-01T03:00:00Z`,
        run: () =>
          step(
            coordinator,
            `disbursement:${i}`,
            (ctx) => new RecordFundDisbursementRequest({ planId, requestId, amountSatang: amount }, ctx),
          ),
      })),
    ];
    const revision = SEED_BUDGET_REVISION;
    const budgetRevision = {
      on: revision.on,
      run: () =>
        step(
          coordinator,
          'budget-revision',
          (ctx) =>
            new ReviseProjectBudgetRequest(
              {
                planId,
                projectId: projectIds[revision.project],
                requestedBudgetSatang: revision.requestedBudgetSatang,
                reason: revision.reason,
              },
              ctx,
            ),
        ),
    };
    const reports = SEED_PROJECTS.flatMap((project) => [
      ...project.activities.flatMap((activity) =>
        activity.progress.map((p, i) => ({
          on: `${p.reportedOn}T10:00:00Z`,
          run: () => {
            const { reportedOn, participantsReached, spendSatang, completed, note, line } = p;
            return step(
              officer(p.agencyCode),
              `progress:${activity.key}:${i}`,
              (ctx) =>
                new ReportActivityProgressRequest(
                  {
                    planId,
                    activityId: ids('activity', activity.key),
                    reportedOn,
                    participantsReached,
                    spendSatang,
                    ...(line ? { budgetLineId: ids('budget-line', line) } : {}),
                    ...(completed ? { completed } : {}),
                    ...(note ? { note } : {}),
                  },
                  ctx,
                ),
            );
          },
        })),
      ),
      ...project.kpis.flatMap((kpi) =>
        kpi.actual
          ? [
              {
                on: `${kpi.actual.measuredOn}T11:00:00Z`,
                run: () => {
                  return step(
                    officer(kpi.actual!.agencyCode),
                    `kpi-actual:${kpi.key}`,
                    (ctx) =>
                      new RecordKpiActualRequest(
                        {
                          planId,
                          kpiId: ids('kpi', kpi.key),
                          actual: kpi.actual!.value,
                          measuredOn: kpi.actual!.measuredOn,
                        },
                        ctx,
                      ),
                  );
                },
              },
            ]
          : [],
      ),
    ]);
    const amendment = { on: '2019-06-20T03:00:00Z', run: () => addProject(SEED_AMENDMENT, SEED_AMENDMENT.reason) };
    // Same-day steps keep their order: the sort is stable and by the full time.
    for (const entry of [...fundSteps, budgetRevision, ...reports, amendment].sort((a, b) =>
      a.on.localeCompare(b.on),
    )) {
      at(entry.on);
      await entry.run();
    }
    return { planId, projectIds, requestId, revision: outcome.revision, position: outcome.position };
  } finally {
    await app.close();
  }
}

/** The plan, then the case work that pledges to its projects (./sakaeo-2562-cases.ts). */
export const seedSakaeo2562 = async (config: AppConfig) =>
  seedSakaeo2562Cases(config, await seedSakaeo2562Plan(config));
