import { EVENT_STORE, type EventStore } from '@ruamjai/event-store';
import { loadConfig } from '@ruamjai/config';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedSakaeo2562 } from '../apps/cli/src/seed/run-seed';
import { SEED_AGENCIES, SEED_AMENDMENT, SEED_FUND_REQUEST, SEED_PROJECTS } from '../apps/cli/src/seed/sakaeo-2562';
import { startApi, type ApiHarness } from './support/api-harness';

describe('the Sa Kaeo FY2562 seed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-seed-'));
  let api: ApiHarness;
  afterAll(async () => {
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds the plan through the commands, adds nothing when run again, and its views add up to what was seeded', async () => {
    const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
    const first = await seedSakaeo2562(config);
    const again = await seedSakaeo2562(config);
    expect(again).toEqual(first);

    api = await startApi({ DATA_DIR: dir }, { agencies: false });
    expect(await api.app.get<EventStore>(EVENT_STORE).headPosition()).toBe(first.position);
    const auth = { Authorization: `Bearer ${await api.token('auditor', 'auditor1', 'OAG')}` };
    const view = await api.http.get(`/api/v1/plans/${first.planId}?minPosition=${first.position}`).set(auth).expect(200);
    const projects = [...SEED_PROJECTS, SEED_AMENDMENT];
    expect(view.body.totals.projectCount).toBe(projects.length);
    expect(view.body.totals.requestedBudgetSatang).toBe(projects.reduce((sum, p) => sum + p.requestedBudgetSatang, 0));
    for (const source of new Set(projects.map((p) => p.fundingSource))) {
      expect(view.body.totals.requestedBySource[source]).toBe(projects.filter((p) => p.fundingSource === source).reduce((sum, p) => sum + p.requestedBudgetSatang, 0));
    }
    expect(view.body.totals.fund).toEqual({
      requestedSatang: SEED_FUND_REQUEST.amountSatang,
      approvedSatang: SEED_FUND_REQUEST.approvedSatang,
      disbursedSatang: SEED_FUND_REQUEST.disbursements.reduce((a, b) => a + b, 0),
    });
    expect(view.body).toMatchObject({ status: 'amended', edition: 2, approvals: [{ meetingReference: 'ครั้งที่ 1/2562', meetingDate: '2019-03-15' }], amendments: [{ reason: SEED_AMENDMENT.reason }] });

    const agencies = await api.http.get(`/api/v1/agencies?minPosition=${first.position}`).set(auth).expect(200);
    expect(agencies.body.agencies).toHaveLength(SEED_AGENCIES.length);
    const history = await api.http.get(`/api/v1/plans/${first.planId}/history?type=PlanApproved`).set(auth).expect(200);
    expect(history.body.events).toEqual([expect.objectContaining({ actor: 'governor.sakaeo', role: 'chair', occurredAt: '2019-03-15T07:00:00.000Z' })]);
    const verification = await api.http.get('/api/v1/audit/verification').set(auth).expect(200);
    expect(verification.body.ok).toBe(true);
  });
});
