import { EVENT_STORE, type EventStore } from '@ruamjai/event-store';
import { loadConfig } from '@ruamjai/config';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedSakaeo2562 } from '../apps/cli/src/seed/run-seed';
import { SEED_PEOPLE } from '../apps/cli/src/seed/sakaeo-2562-cases';
import { startApi, type ApiHarness } from './support/api-harness';

describe('the Sa Kaeo FY2562 case seed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-seed-cases-'));
  let api: ApiHarness;
  afterAll(async () => {
    await api?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('seeds fictional cases, referrals (one overdue and escalated) and commitments through the commands, once', async () => {
    const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
    const first = await seedSakaeo2562(config);
    const again = await seedSakaeo2562(config);
    expect(again).toEqual(first);

    api = await startApi({ DATA_DIR: dir }, { agencies: false });
    expect(await api.app.get<EventStore>(EVENT_STORE).headPosition()).toBe(first.position);
    const coordinator = { Authorization: `Bearer ${await api.token('coordinator', 'somchai.k', 'PSDHS-SK')}` };
    // seedSakaeo2562 returns the plan's result with the cases' beside it.
    const { cases } = first;
    const list = await api.http.get(`/api/v1/cases?minPosition=${first.position}`).set(coordinator).expect(200);
    expect(list.body.cases.map((c: { caseId: string }) => c.caseId).sort()).toEqual(
      Object.values(cases.caseIds).sort(),
    );
    const byId = Object.fromEntries(list.body.cases.map((c: { caseId: string }) => [c.caseId, c]));
    expect(byId[cases.caseIds.a]).toMatchObject({
      owningAgency: 'IMM-SK',
      stage: 'protection_assistance',
      identification: 'victim',
      ageGroup: 'child',
      districtCode: '2706',
    });
    expect(byId[cases.caseIds.c]).toMatchObject({
      status: 'closed',
      closureOutcome: 'returned_home',
      identification: 'not_victim',
    });

    const escalations = await api.http.get('/api/v1/referrals/escalations').set(coordinator).expect(200);
    expect(escalations.body.referrals).toEqual([
      expect.objectContaining({
        referralId: cases.overdueReferralId,
        toAgency: 'EMP-SK',
        overdue: true,
        status: 'sent',
      }),
    ]);
    const inbox = await api.http
      .get('/api/v1/referrals/inbox')
      .set({ Authorization: `Bearer ${await api.token('agency_officer', 'shelter.officer.1', 'SHELTER-SK')}` })
      .expect(200);
    expect(inbox.body.referrals).toEqual([
      expect.objectContaining({ referralId: cases.referralIds['a-shelter'], status: 'in_progress' }),
    ]);

    const pledges = await api.http.get('/api/v1/dashboards/commitments').set(coordinator).expect(200);
    expect(pledges.body.projects).toEqual(
      expect.arrayContaining([
        { agency: 'IMM-SK', resource: 'interpreters', pledged: 2, fulfilled: 1, overduePledges: 1 },
        { agency: 'HEALTH-SK', resource: 'staff_days', pledged: 15, fulfilled: 0, overduePledges: 1 },
      ]),
    );
    expect(pledges.body.projects.find((a: { agency: string }) => a.agency === 'POL-SK')).toBeUndefined();
    // The pledges to cases A and B each go to a single case: withheld, amounts and all, under the default threshold.
    expect(pledges.body.cases).toEqual({ rows: [], withheldPledges: { count: null, suppressed: true } });
    expect(JSON.stringify(pledges.body)).not.toMatch(/shelter_beds|budget_satang/);

    // Three cases: every dashboard count is below the default threshold of five, so none is shown.
    const dashboard = await api.http
      .get('/api/v1/dashboards/cases')
      .set({ Authorization: `Bearer ${await api.token('viewer', 'v', 'PROV-SK')}` })
      .expect(200);
    const counts = JSON.stringify(dashboard.body).match(/"count":(\d+)/g) ?? [];
    expect(counts.map((c) => Number(c.split(':')[1])).filter((n) => n > 0 && n < 5)).toEqual([]);
    expect(dashboard.body.byDistrict.rows.every((r: { suppressed: boolean }) => r.suppressed)).toBe(true);

    // The people are sealed in the log, and open for those who need to know.
    const read = await api.http
      .post(`/api/v1/cases/${cases.caseIds.a}/personal-data-reads`)
      .set(coordinator)
      .send({ purpose: 'ตรวจสอบข้อมูลตัวอย่าง' })
      .expect(200);
    expect(read.body.person).toEqual(SEED_PEOPLE.a);
  });
});
