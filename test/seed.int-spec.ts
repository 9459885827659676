import { EVENT_STORE, type EventStore } from '@ruamjai/event-store';
import { loadConfig } from '@ruamjai/config';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedSakaeo2562 } from '../apps/cli/src/seed/run-seed';
import {
  SEED_AGENCIES,
  SEED_AMENDMENT,
  SEED_BUDGET_REVISION,
  SEED_FUND_REQUEST,
  SEED_PROJECTS,
} from '../apps/cli/src/seed/sakaeo-2562';
import { startApi, type ApiHarness } from './support/api-harness';

describe('the Sa Kaeo FY2562 seed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-seed-'));
  let api: ApiHarness;
  afterAll(async () => {
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds the plan through the commands, adds nothing when run again, and its views add up to what was seeded', async () => {
    // Someone has registered agencies by hand already (as the README's first session does): the seed keeps them.
    const before = await startApi({ DATA_DIR: dir });
    await before.close();
    const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
    const first = await seedSakaeo2562(config);
    const again = await seedSakaeo2562(config);
    expect(again).toEqual(first);

    api = await startApi({ DATA_DIR: dir }, { agencies: false });
    expect(await api.app.get<EventStore>(EVENT_STORE).headPosition()).toBe(first.position);
    const auth = { Authorization: `Bearer ${await api.token('auditor', 'auditor1', 'OAG')}` };
    const view = await api.http
      .get(`/api/v1/plans/${first.planId}?minPosition=${first.position}`)
      .set(auth)
      .expect(200);
    const projects = [...SEED_PROJECTS, SEED_AMENDMENT];
    expect(view.body.totals.projectCount).toBe(projects.length);
    // Every budget line the seed commanded: each project's first line, then the extra ones.
    const requested = (p: (typeof projects)[number]) =>
      p.key === SEED_BUDGET_REVISION.project ? SEED_BUDGET_REVISION.requestedBudgetSatang : p.requestedBudgetSatang;
    const lines = projects.flatMap((p) => [
      { source: p.fundingSource, amount: requested(p), key: undefined as string | undefined, project: p },
      ...p.budgetLines.map((l) => ({
        source: l.fundingSource,
        amount: l.amountSatang,
        key: l.key,
        project: p,
      })),
    ]);
    const sum = <T>(items: readonly T[], f: (item: T) => number) => items.reduce((total, item) => total + f(item), 0);
    expect(view.body.totals.requestedBudgetSatang).toBe(sum(lines, (l) => l.amount));
    for (const source of new Set(lines.map((l) => l.source))) {
      expect(view.body.totals.requestedBySource[source]).toBe(
        sum(
          lines.filter((l) => l.source === source),
          (l) => l.amount,
        ),
      );
    }
    expect(view.body.totals.fund).toEqual({
      requestedSatang: SEED_FUND_REQUEST.amountSatang,
      approvedSatang: SEED_FUND_REQUEST.approvedSatang,
      disbursedSatang: SEED_FUND_REQUEST.disbursements.reduce((a, b) => a + b, 0),
    });
    expect(view.body).toMatchObject({
      status: 'amended',
      edition: 3,
      approvals: [{ meetingReference: 'ครั้งที่ 1/2562', meetingDate: '2019-03-15' }],
      amendments: [
        { edition: 2, reason: SEED_BUDGET_REVISION.reason },
        { edition: 3, reason: SEED_AMENDMENT.reason },
      ],
    });
    // Events are in date order, so the plan as of any time is a state it really had.
    const trail = await api.http.get(`/api/v1/plans/${first.planId}/history?limit=1000`).set(auth).expect(200);
    const times = trail.body.events.map((e: { occurredAt: string }) => e.occurredAt);
    expect(times).toEqual([...times].sort());
    const revised = await api.http
      .get(`/api/v1/plans/${first.planId}/history?type=ProjectBudgetRevised`)
      .set(auth)
      .expect(200);
    expect(revised.body.events).toEqual([
      expect.objectContaining({
        reason: SEED_BUDGET_REVISION.reason,
        changes: expect.arrayContaining([
          expect.objectContaining({ after: SEED_BUDGET_REVISION.requestedBudgetSatang }),
        ]),
      }),
    ]);

    // The dashboards, against sums taken from the seed's own commands.
    const activities = projects.flatMap((p) => p.activities.map((a) => ({ ...a, project: p })));
    const reports = activities.flatMap((a) => a.progress.map((r) => ({ ...r, activity: a })));
    const kpis = projects.flatMap((p) => p.kpis);
    const totalOf = (counts: Record<string, number | undefined>) =>
      Object.values(counts).reduce<number>((a, b) => a + (b ?? 0), 0);
    const viewer = { Authorization: `Bearer ${await api.token('viewer', 'dashboard.viewer', 'PROV-SK')}` };
    const dashboard = (await api.http.get(`/api/v1/plans/${first.planId}/dashboard`).set(viewer).expect(200)).body;
    const fund = {
      fundRequestedSatang: SEED_FUND_REQUEST.amountSatang,
      fundApprovedSatang: SEED_FUND_REQUEST.approvedSatang,
      fundDisbursedSatang: SEED_FUND_REQUEST.disbursements.reduce((a, b) => a + b, 0),
    };
    expect(dashboard.totals).toEqual({
      projects: projects.length,
      budgetSatang: sum(lines, (l) => l.amount),
      ...fund,
      spentSatang: sum(reports, (r) => r.spendSatang),
      activitiesPlanned: activities.length,
      activitiesDone: activities.filter((a) => a.progress.some((r) => r.completed)).length,
      participantsTarget: sum(activities, (a) => totalOf(a.targets)),
      participantsReached: sum(reports, (r) => totalOf(r.participantsReached)),
      kpis: kpis.length,
      kpisAttained: kpis.filter((k) => k.actual && k.actual.value >= k.target).length,
    });
    const cell = (cut: Array<{ key: string }>, key: string) =>
      cut.find((c) => c.key === key) as Record<string, number> | undefined;
    for (const strategy of new Set(projects.map((p) => p.strategy))) {
      const mine = projects.filter((p) => p.strategy === strategy);
      expect(cell(dashboard.byStrategy, strategy)).toMatchObject({
        projects: mine.length,
        budgetSatang: sum(
          lines.filter((l) => mine.includes(l.project)),
          (l) => l.amount,
        ),
      });
    }
    for (const agency of new Set(projects.map((p) => p.leadAgencyCode))) {
      const mine = projects.filter((p) => p.leadAgencyCode === agency);
      expect(cell(dashboard.byAgency, agency)).toMatchObject({
        projects: mine.length,
        spentSatang: sum(
          reports.filter((r) => mine.includes(r.activity.project)),
          (r) => r.spendSatang,
        ),
      });
    }
    for (const source of new Set(lines.map((l) => l.source))) {
      const spent = sum(
        reports.filter(
          (r) =>
            (r.line
              ? r.activity.project.budgetLines.find((l) => l.key === r.line)!.fundingSource
              : r.activity.project.fundingSource) === source,
        ),
        (r) => r.spendSatang,
      );
      expect(cell(dashboard.bySource, source)).toMatchObject({
        budgetSatang: sum(
          lines.filter((l) => l.source === source),
          (l) => l.amount,
        ),
        spentSatang: spent,
      });
    }
    expect(cell(dashboard.bySource, 'anti_trafficking_fund')).toMatchObject(fund);
    for (const district of new Set(activities.map((a) => a.districtCode))) {
      const here = activities.filter((a) => a.districtCode === district);
      expect(cell(dashboard.byDistrict, district)).toMatchObject({
        activitiesPlanned: here.length,
        participantsReached: sum(
          reports.filter((r) => r.activity.districtCode === district),
          (r) => totalOf(r.participantsReached),
        ),
      });
    }
    for (const group of [
      'children',
      'women',
      'families',
      'migrant_workers',
      'general_public',
      'at_risk_youth',
    ] as const) {
      const target = sum(activities, (a) => a.targets[group] ?? 0);
      const reached = sum(reports, (r) => r.participantsReached[group] ?? 0);
      if (target || reached)
        expect(cell(dashboard.byTargetGroup, group)).toMatchObject({
          participantsTarget: target,
          participantsReached: reached,
        });
    }
    expect(sum(dashboard.byStrategy, (c: Record<string, number>) => c.budgetSatang)).toBe(
      dashboard.totals.budgetSatang,
    );
    const year = (await api.http.get('/api/v1/dashboards/fiscal-years/2562?provinceCode=TH-27').set(viewer).expect(200))
      .body;
    expect(year.totals).toEqual(dashboard.totals);
    // Viewers see dashboards only.
    await api.http.get(`/api/v1/plans/${first.planId}`).set(viewer).expect(403);

    const agencies = await api.http.get(`/api/v1/agencies?minPosition=${first.position}`).set(auth).expect(200);
    expect(agencies.body.agencies).toHaveLength(SEED_AGENCIES.length);
    const history = await api.http.get(`/api/v1/plans/${first.planId}/history?type=PlanApproved`).set(auth).expect(200);
    expect(history.body.events).toEqual([
      expect.objectContaining({ actor: 'governor.sakaeo', role: 'chair', occurredAt: '2019-03-15T07:00:00.000Z' }),
    ]);
    const verification = await api.http.get('/api/v1/audit/verification').set(auth).expect(200);
    expect(verification.body.ok).toBe(true);
  });
});
