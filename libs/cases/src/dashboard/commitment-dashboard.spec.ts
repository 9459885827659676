import fc from 'fast-check';
import { commitmentDashboard, type PledgeFacts } from './commitment-dashboard';

const toCase = (agency: string, caseId: string, quantity = 1, extra: Partial<PledgeFacts> = {}): PledgeFacts => ({
  agency,
  resource: 'shelter_beds',
  target: { kind: 'case', caseId },
  quantity,
  fulfilled: 0,
  status: 'pledged',
  overdue: false,
  ...extra,
});

describe('the commitments dashboard', () => {
  it('shows no pledge to a single case: one bed pledged to one case is withheld, row and all', () => {
    const dash = commitmentDashboard([toCase('SHELTER-SK', 'c-1', 1)], 5);
    expect(dash.cases.rows).toEqual([]);
    expect(dash.cases.withheldPledges).toEqual({ count: null, suppressed: true });
    expect(JSON.stringify(dash)).not.toMatch(/SHELTER-SK|shelter_beds/);
  });

  it('shows a row of case pledges that covers enough cases, withholding a small count of overdue pledges', () => {
    const pledges = [
      ...['a', 'b', 'c', 'd', 'e'].map((c) => toCase('SHELTER-SK', c, 2)),
      toCase('SHELTER-SK', 'a', 1, { overdue: true, fulfilled: 0 }),
    ];
    const dash = commitmentDashboard([...pledges, toCase('HEALTH-SK', 'a', 9)], 5);
    expect(dash.cases.rows).toEqual([
      {
        agency: 'SHELTER-SK',
        resource: 'shelter_beds',
        cases: 5,
        pledges: 6,
        pledged: 11,
        fulfilled: 0,
        overduePledges: { count: null, suppressed: true },
      },
    ]);
    expect(dash.cases.withheldPledges.suppressed).toBe(true);
  });

  it('withholds the overdue pledges of a row when the pledges not overdue are few: 6 pledges, 5 overdue, would show 1 on time', () => {
    const pledges = ['a', 'b', 'c', 'd', 'e', 'f'].map((c, i) => toCase('SHELTER-SK', c, 1, { overdue: i < 5 }));
    expect(commitmentDashboard(pledges, 5).cases.rows[0]).toMatchObject({
      pledges: 6,
      overduePledges: { count: null, suppressed: true },
    });
    const more = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((c, i) =>
      toCase('SHELTER-SK', c, 1, { overdue: i < 5 }),
    );
    expect(commitmentDashboard(more, 5).cases.rows[0]).toMatchObject({
      pledges: 10,
      overduePledges: { count: 5, suppressed: false },
    });
  });

  it('shows pledges to plan projects whole: they are about agencies', () => {
    const project: PledgeFacts = {
      agency: 'POL-SK',
      resource: 'vehicles',
      target: { kind: 'project', planId: 'p', projectId: 'x' },
      quantity: 2,
      fulfilled: 1,
      status: 'pledged',
      overdue: true,
    };
    expect(commitmentDashboard([project, { ...project, status: 'withdrawn', quantity: 7 }], 5).projects).toEqual([
      { agency: 'POL-SK', resource: 'vehicles', pledged: 2, fulfilled: 1, overduePledges: 1 },
    ]);
  });

  it('never shows a row of case pledges over fewer cases than the threshold, nor a small count, nor one that leaves a small count of its row', () => {
    const pledge = fc.record({
      agency: fc.constantFrom('A', 'B', 'C'),
      resource: fc.constantFrom('shelter_beds', 'vehicles'),
      caseId: fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'),
      quantity: fc.integer({ min: 1, max: 9 }),
      overdue: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(pledge, { maxLength: 60 }), fc.integer({ min: 1, max: 8 }), (raw, threshold) => {
        const pledges = raw.map((p) => ({
          ...toCase(p.agency, p.caseId, p.quantity, { overdue: p.overdue }),
          resource: p.resource,
        }));
        const dash = commitmentDashboard(pledges, threshold);
        for (const row of dash.cases.rows) {
          const behind = new Set(
            pledges
              .filter((p) => p.agency === row.agency && p.resource === row.resource)
              .map((p) => (p.target as { caseId: string }).caseId),
          );
          expect(behind.size).toBe(row.cases);
          expect(row.cases).toBeGreaterThanOrEqual(threshold);
          const overdue = row.overduePledges.count;
          expect(overdue === null || overdue === 0 || overdue >= threshold).toBe(true);
          if (overdue !== null) expect(row.pledges - overdue === 0 || row.pledges - overdue >= threshold).toBe(true);
        }
        const w = dash.cases.withheldPledges.count;
        expect(w === null || w === 0 || w >= threshold).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
