import { nationalRollup, provinceRow, type RollupCase, type RollupPlan } from './national-rollup';

const SA_KAEO = 'TH-27';
const TRAT = 'TH-23';
const CHIANG_RAI = 'TH-57';

const plan = (provinceCode: string, over: Partial<RollupPlan> = {}): RollupPlan => ({
  planId: `plan-${provinceCode}`,
  provinceCode,
  fiscalYear: 2569,
  status: 'approved',
  budgetSatang: 1_000_000,
  fundRequestedSatang: 300_000,
  fundApprovedSatang: 200_000,
  fundDisbursedSatang: 100_000,
  spentSatang: 50_000,
  activitiesPlanned: 4,
  activitiesDone: 1,
  ...over,
});

const cases = (province: string, n: number, over: Partial<RollupCase> = {}): RollupCase[] =>
  Array.from({ length: n }, () => ({
    province,
    openedAt: '2026-01-15T03:00:00.000Z',
    closed: false,
    identifiedVictim: false,
    ...over,
  }));

const rollup = (input: Partial<Parameters<typeof nationalRollup>[0]>) =>
  nationalRollup({
    fiscalYear: 2569,
    threshold: 5,
    now: '2026-06-01T00:00:00.000Z',
    plans: [],
    cases: [],
    referrals: [],
    ...input,
  });

describe('the national roll-up of a fiscal year', () => {
  it('lists all 77 provinces, Thai name beside English, those with no activity too', () => {
    const r = rollup({});
    expect(r.provinces).toHaveLength(77);
    expect(r.provinces.find((p) => p.provinceCode === SA_KAEO)).toMatchObject({
      nameTh: 'สระแก้ว',
      nameEn: 'Sa Kaeo',
      plans: [],
      budgetSatang: 0,
      casesOpened: { count: 0, suppressed: false },
    });
    expect([r.fiscalYearStart, r.fiscalYearEnd]).toEqual(['2025-10-01', '2026-09-30']);
  });

  it('adds up money and activities into the national row and never withholds them', () => {
    const r = rollup({
      plans: [plan(SA_KAEO), plan(TRAT, { status: 'drafting', budgetSatang: 1 }), plan(TRAT, { fiscalYear: 2568 })],
    });
    expect(r.national).toMatchObject({
      plans: 2,
      provincesWithPlan: 2,
      budgetSatang: 1_000_001,
      fundDisbursedSatang: 200_000,
      activitiesPlanned: 8,
      planStatuses: [
        { status: 'approved', plans: 1 },
        { status: 'drafting', plans: 1 },
      ],
    });
    expect(provinceRow(r, TRAT)?.budgetSatang).toBe(1);
  });

  it("hides a province's count of 1 to 4 cases and one more so the total cannot reveal it", () => {
    const r = rollup({ cases: [...cases(SA_KAEO, 12), ...cases(TRAT, 2), ...cases(CHIANG_RAI, 30)] });
    expect(provinceRow(r, TRAT)?.casesOpened).toMatchObject({ count: null, suppressed: true, fewerThan: 5 });
    expect(provinceRow(r, SA_KAEO)?.casesOpened).toEqual({ count: null, suppressed: true });
    expect(provinceRow(r, CHIANG_RAI)?.casesOpened).toEqual({ count: 30, suppressed: false });
    expect(r.national.casesOpened).toEqual({ count: 44, suppressed: false });
  });

  it('counts a case in the fiscal year of its opening in Thai time', () => {
    // 30 September 2025, 18:00 UTC is 1 October 2025, 01:00 in Bangkok: fiscal year 2569.
    const r = rollup({ cases: cases(SA_KAEO, 6, { openedAt: '2025-09-30T18:00:00.000Z' }) });
    expect(r.national.casesOpened).toEqual({ count: 6, suppressed: false });
    const before = rollup({ cases: cases(SA_KAEO, 6, { openedAt: '2025-09-30T16:59:00.000Z' }) });
    expect(before.national.casesOpened).toEqual({ count: 0, suppressed: false });
  });

  it('counts open cases and identified victims among the cases opened, hiding a part whose rest is small', () => {
    const r = rollup({
      cases: [
        ...cases(SA_KAEO, 10, { identifiedVictim: true }),
        ...cases(SA_KAEO, 10, { closed: true }),
        ...cases(CHIANG_RAI, 9),
        ...cases(CHIANG_RAI, 1, { closed: true, identifiedVictim: true }),
        // The smallest others, hidden beside Chiang Rai's.
        ...cases(TRAT, 6, { identifiedVictim: true }),
      ],
    });
    expect(provinceRow(r, SA_KAEO)).toMatchObject({
      casesOpened: { count: 20 },
      casesOpen: { count: 10 },
      victimsIdentified: { count: 10 },
    });
    // Chiang Rai: 10 opened, 9 open, so 1 closed would follow; 1 victim is small.
    expect(provinceRow(r, CHIANG_RAI)?.casesOpen.suppressed).toBe(true);
    expect(provinceRow(r, CHIANG_RAI)?.victimsIdentified).toMatchObject({ suppressed: true, fewerThan: 5 });
    expect(provinceRow(r, TRAT)?.casesOpen).toEqual({ count: null, suppressed: true });
  });

  it('counts referrals sent in the year and not finished, and the unanswered ones past due among them', () => {
    const referral = (status: string, dueAt: string) => ({
      province: SA_KAEO,
      sentAt: '2026-02-01T00:00:00.000Z',
      status,
      dueAt,
    });
    const r = rollup({
      referrals: [
        ...Array.from({ length: 6 }, () => referral('sent', '2026-03-01T00:00:00.000Z')),
        ...Array.from({ length: 5 }, () => referral('accepted', '2026-03-01T00:00:00.000Z')),
        ...Array.from({ length: 5 }, () => referral('sent', '2026-09-01T00:00:00.000Z')),
        ...Array.from({ length: 7 }, () => referral('completed', '2026-03-01T00:00:00.000Z')),
      ],
    });
    expect(provinceRow(r, SA_KAEO)).toMatchObject({
      referralsOpen: { count: 16, suppressed: false },
      referralsOverdue: { count: 6, suppressed: false },
    });
  });

  it('leaves out of every row and total what is recorded for no province of the country', () => {
    const r = rollup({ cases: [...cases('TH-99', 3), ...cases(SA_KAEO, 8)], plans: [plan('TH-99')] });
    expect(r.national.casesOpened).toEqual({ count: 8, suppressed: false });
    expect(r.national.plans).toBe(0);
  });
});
