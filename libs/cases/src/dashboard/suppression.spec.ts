import fc from 'fast-check';
import { caseDashboard, type CaseFacts } from './case-dashboard';
import { referralDashboard, type ReferralFacts } from './referral-dashboard';
import { cellsToWithhold, percentile, publish, publishPart, publishTables, type PublishedCount } from './suppression';

/**
 * The attacker: reads everything a dashboard shows, knows every key each table could list (the
 * domain), and works out bounds on every count by interval reasoning over the sums that must hold
 * (each table adds up to the one total, the keys not listed add up to `suppressedTotal`, a nested
 * count is part of its cell), repeated until nothing tightens. A key not listed may hold no case,
 * so its lower bound is 0 unless the sums force more. For one-way tables tied only by their total
 * this is as good as any solver: each cell is in one sum, and the sums share only the total.
 */
type Bounds = Map<string, [number, number]>;
interface Sum {
  readonly terms: ReadonlyArray<readonly [name: string, sign: 1 | -1]>;
  readonly lo: number;
  readonly hi: number;
}

function tighten(bounds: Bounds, sums: readonly Sum[]): Bounds {
  const b = new Map([...bounds].map(([k, v]) => [k, [...v] as [number, number]]));
  for (let changed = true, rounds = 0; changed && rounds < 100; rounds++) {
    changed = false;
    for (const { terms, lo, hi } of sums) {
      for (const [name, sign] of terms) {
        let othersMin = 0;
        let othersMax = 0;
        for (const [other, s] of terms) {
          if (other === name) continue;
          const [l, h] = b.get(other)!;
          othersMin += s === 1 ? l : -h;
          othersMax += s === 1 ? h : -l;
        }
        // sign * x is within [lo - othersMax, hi - othersMin]
        const [a, c] = [lo - othersMax, hi - othersMin];
        const [from, to] = sign === 1 ? [a, c] : [-c, -a];
        const [l, h] = b.get(name)!;
        const next: [number, number] = [
          Math.max(l, Number.isFinite(from) ? Math.ceil(from) : l),
          Math.min(h, Number.isFinite(to) ? Math.floor(to) : h),
        ];
        if (next[0] !== l || next[1] !== h) {
          b.set(name, next);
          changed = true;
        }
      }
    }
  }
  return b;
}

/** What is shown of a count: exact, "fewer than" (1 to f-1), or nothing. */
const boundsOf = (count: PublishedCount | undefined): [number, number] =>
  count === undefined || count.count === null
    ? count?.fewerThan !== undefined
      ? [1, count.fewerThan - 1]
      : [0, Infinity]
    : [count.count, count.count];

interface TableView {
  readonly rows: ReadonlyArray<{ readonly key: string; readonly count: number | null }>;
  readonly suppressedTotal?: PublishedCount;
  /** A per-table total, as dashboards published before they had one. */
  readonly total?: PublishedCount;
}

/** The variables and sums of a set of tables over one population, as the attacker sets them up. */
function tableSums(
  total: PublishedCount | undefined,
  tables: Record<string, TableView>,
  domains: Record<string, readonly string[]>,
) {
  const bounds: Bounds = new Map([['N', boundsOf(total)]]);
  const sums: Sum[] = [];
  for (const [name, table] of Object.entries(tables)) {
    const listed = new Map(table.rows.filter((r) => r.count !== null).map((r) => [r.key, r.count as number]));
    const unlisted = domains[name].filter((key) => !listed.has(key));
    for (const key of domains[name])
      bounds.set(`${name}:${key}`, listed.has(key) ? [listed.get(key)!, listed.get(key)!] : [0, Infinity]);
    bounds.set(`${name}:withheld`, boundsOf(table.suppressedTotal));
    if (table.total) {
      bounds.set(`${name}:total`, boundsOf(table.total));
      sums.push({
        terms: [
          [`${name}:total`, 1],
          ['N', -1],
        ],
        lo: 0,
        hi: 0,
      });
    }
    sums.push({ terms: [...domains[name].map((key) => [`${name}:${key}`, 1] as const), ['N', -1]], lo: 0, hi: 0 });
    sums.push({
      terms: [...unlisted.map((key) => [`${name}:${key}`, 1] as const), [`${name}:withheld`, -1]],
      lo: 0,
      hi: 0,
    });
  }
  return { bounds, sums };
}

/** Everything the attacker worked out that the dashboard meant to withhold. */
function disclosures(
  found: Bounds,
  truth: Map<string, number>,
  withheld: ReadonlySet<string>,
  threshold: number,
): string[] {
  const out: string[] = [];
  for (const [name, value] of truth) {
    const [lo, hi] = found.get(name)!;
    if (lo > value || hi < value)
      throw new Error(`the attacker's bounds for ${name} [${lo}, ${hi}] miss the truth ${value}`);
    if (lo !== hi) continue;
    if (withheld.has(name) && value > 0) out.push(`${name} = ${value} though withheld`);
    else if (value > 0 && value < threshold) out.push(`${name} = ${value}, a small count, follows`);
  }
  return out;
}

const publishedTables = (
  tables: Record<string, ReadonlyArray<{ key: string; count: number }>>,
  domains: Record<string, readonly string[]>,
) =>
  Object.fromEntries(
    Object.entries(tables).map(([name, rows]) => [
      name,
      new Map(domains[name].map((key) => [key, rows.find((r) => r.key === key)?.count ?? 0])),
    ]),
  );

const weighted = (domain: readonly string[]) =>
  fc.oneof(
    { arbitrary: fc.constant(domain[0]), weight: 4 },
    { arbitrary: fc.constantFrom(...domain), weight: 2 },
    { arbitrary: fc.constant(domain[domain.length - 1]), weight: 1 },
  );

const CASE_DOMAINS = {
  byDistrict: ['2701', '2702', '2703', '2704', '2705', '2706', '2707', '2708', '2709'],
  byStage: ['screening', 'identification', 'protection_assistance', 'return_reintegration', 'prosecution_support'],
  bySource: ['police', 'ngo', 'hotline_1300', 'self'],
  byAgeGroup: ['child', 'adult', 'unknown'],
  byStatus: ['open', 'closed'],
} as const;
const caseFacts = (districts: number) =>
  fc.record({
    districtCode: weighted(CASE_DOMAINS.byDistrict.slice(0, districts)),
    stage: weighted(CASE_DOMAINS.byStage),
    source: weighted(CASE_DOMAINS.bySource),
    ageGroup: weighted(CASE_DOMAINS.byAgeGroup),
    status: weighted(CASE_DOMAINS.byStatus),
  });
const casePopulation = fc
  .integer({ min: 1, max: 9 })
  .chain((districts) =>
    fc.tuple(
      fc.array(caseFacts(districts), { maxLength: 80 }),
      fc.constant(CASE_DOMAINS.byDistrict.slice(0, districts)),
    ),
  );
const keyOf: Record<keyof typeof CASE_DOMAINS, keyof CaseFacts> = {
  byDistrict: 'districtCode',
  byStage: 'stage',
  bySource: 'source',
  byAgeGroup: 'ageGroup',
  byStatus: 'status',
};

/** The attacker's findings against a case dashboard of these cases, with districts as the attacker knows them. */
function attackCaseDashboard(cases: readonly CaseFacts[], districts: readonly string[], threshold: number): string[] {
  const dash = caseDashboard(cases, threshold);
  const domains = { ...CASE_DOMAINS, byDistrict: districts };
  const names = Object.keys(CASE_DOMAINS) as Array<keyof typeof CASE_DOMAINS>;
  const { bounds, sums } = tableSums(dash.total, Object.fromEntries(names.map((n) => [n, dash[n]])), domains);
  const truth = new Map<string, number>([['N', cases.length]]);
  const withheld = new Set<string>();
  for (const name of names) {
    for (const key of domains[name]) {
      const count = cases.filter((c) => c[keyOf[name]] === key).length;
      truth.set(`${name}:${key}`, count);
      if (!dash[name].rows.some((r) => r.key === key)) withheld.add(`${name}:${key}`);
    }
    truth.set(
      `${name}:withheld`,
      [...withheld].filter((w) => w.startsWith(`${name}:`)).reduce((s, w) => s + truth.get(w)!, 0),
    );
  }
  return disclosures(tighten(bounds, sums), truth, withheld, threshold);
}

describe('a dashboard count', () => {
  it('is withheld from 1 to threshold-1 as "fewer than" the threshold, shown at zero and from the threshold up', () => {
    expect(publish(0, 5)).toEqual({ count: 0, suppressed: false });
    expect(publish(4, 5)).toEqual({
      count: null,
      suppressed: true,
      fewerThan: 5,
      label: { th: 'น้อยกว่า 5', en: 'fewer than 5' },
    });
    expect(publish(5, 5)).toEqual({ count: 5, suppressed: false });
  });

  it('nested in a shown cell, is withheld when it or the rest of the cell is small, without saying which', () => {
    expect(publishPart(6, 9, 3)).toEqual({ count: 6, suppressed: false });
    expect(publishPart(2, 8, 3)).toEqual(publishPart(7, 8, 3));
    expect(publishPart(7, 8, 3)).toEqual({ count: null, suppressed: true });
    // Beside a cell that is not listed, even a zero is withheld: it would tell an empty cell from a withheld one.
    expect(publishPart(0, undefined, 3).suppressed).toBe(true);
  });
});

describe('tables over one population', () => {
  it('withhold a second cell when one is withheld: 23 cases, one closed, show neither open nor closed', () => {
    const { total, tables } = publishTables(
      {
        byStatus: [
          { key: 'open', count: 22 },
          { key: 'closed', count: 1 },
        ],
      },
      5,
    );
    expect(total).toEqual({ count: 23, suppressed: false });
    expect(tables.byStatus).toEqual({ rows: [], suppressedTotal: { count: 23, suppressed: false } });
  });

  it('withhold more cells, smallest first, until the withheld ones add up to the threshold', () => {
    // 1 + 1 = 2 would say "two cases somewhere among the keys not listed": the next smallest, 6, goes too.
    const counts = [1, 9, 6, 1, 7];
    expect([...cellsToWithhold(counts, 5)].sort()).toEqual([0, 2, 3]);
    expect([...cellsToWithhold([3, 4, 9], 5)].sort()).toEqual([0, 1]);
    expect([...cellsToWithhold([0, 5, 9], 5)]).toEqual([]);
  });

  it('publish one total for all tables and refuse tables that do not add up to it', () => {
    expect(() => publishTables({ a: [{ key: 'x', count: 3 }], b: [{ key: 'y', count: 4 }] }, 3)).toThrow(/one total/);
  });

  it('with only a few in all, show "fewer than" the threshold instead of an empty dashboard', () => {
    const { total, tables } = publishTables(
      {
        byStatus: [{ key: 'open', count: 3 }],
        byAgeGroup: [
          { key: 'child', count: 2 },
          { key: 'adult', count: 1 },
        ],
      },
      5,
    );
    expect(total).toEqual({
      count: null,
      suppressed: true,
      fewerThan: 5,
      label: { th: 'น้อยกว่า 5', en: 'fewer than 5' },
    });
    expect(tables.byAgeGroup).toEqual({ rows: [], suppressedTotal: total });
    expect(tables.byStatus).toEqual({ rows: [], suppressedTotal: total });
  });

  it('withhold only what the rules need: never a small count shown, no lone withheld cell, no small withheld sum, and the extra cells the smallest', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 40 }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 20 }),
        (counts, threshold) => {
          const total = counts.reduce((s, c) => s + c, 0);
          const { tables } = publishTables({ t: counts.map((count, key) => ({ key, count })) }, threshold);
          const shownKeys = new Set(tables.t.rows.map((r) => r.key));
          for (const r of tables.t.rows) expect(r.count).toBe(counts[r.key]);
          const withheld = counts.flatMap((c, i) => (c > 0 && !shownKeys.has(i) ? [c] : []));
          const sum = withheld.reduce((s, c) => s + c, 0);
          // Empty cells are never listed: an absent key may be empty or withheld.
          expect(tables.t.rows.every((r) => r.count > 0)).toBe(true);
          if (total >= threshold) {
            expect(tables.t.rows.every((r) => r.count >= threshold)).toBe(true);
            expect(withheld.length === 0 || (withheld.length >= 2 && sum >= threshold)).toBe(true);
            expect(tables.t.suppressedTotal).toEqual({ count: sum, suppressed: false });
            // The extra cells are the smallest, and the last one taken was needed.
            const extra = withheld.filter((c) => c >= threshold).sort((a, b) => a - b);
            if (extra.length > 0) {
              expect(Math.max(...extra)).toBeLessThanOrEqual(Math.min(...tables.t.rows.map((r) => r.count)));
              const without = withheld.length - 1;
              expect(without < 2 || sum - extra[extra.length - 1] < threshold).toBe(true);
            }
          } else {
            expect(tables.t.rows).toEqual([]);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('the case dashboard', () => {
  const cases = (n: number, facts: Partial<CaseFacts>): CaseFacts[] =>
    Array.from({ length: n }, () => ({
      districtCode: '2706',
      stage: 'screening',
      source: 'police',
      ageGroup: 'adult',
      status: 'open',
      ...facts,
    }));

  it('shows neither open nor closed when 22 of 23 cases are open: 23 − 22 would give the closed one away', () => {
    const dash = caseDashboard([...cases(22, {}), ...cases(1, { status: 'closed' })], 5);
    expect(dash.total).toEqual({ count: 23, suppressed: false });
    expect(dash.byStatus).toEqual({ rows: [], suppressedTotal: { count: 23, suppressed: false } });
    expect(dash.byDistrict.rows).toEqual([{ key: '2706', count: 23, suppressed: false }]);
  });

  it('says "fewer than 5" for three cases, and lists no key of any table', () => {
    const dash = caseDashboard(cases(3, { districtCode: '2701' }), 5);
    expect(dash.total).toEqual({
      count: null,
      suppressed: true,
      fewerThan: 5,
      label: { th: 'น้อยกว่า 5', en: 'fewer than 5' },
    });
    expect(JSON.stringify(dash)).not.toMatch(/2701|screening|police|adult|open/);
  });

  it('lets no withheld count be worked out from the total and the cells shown, in one table or across them', () => {
    fc.assert(
      fc.property(casePopulation, fc.integer({ min: 3, max: 10 }), ([population, districts], threshold) => {
        expect(attackCaseDashboard(population, districts, threshold)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('the attacker finds what the dashboards used to give away: a per-table total beside another table withholding one cell', () => {
    // The old publication of 23 cases, 22 open: byStatus withheld its total, but byDistrict showed 23.
    const old = {
      byDistrict: { rows: [{ key: '2706', count: 23 }], total: { count: 23, suppressed: false } as PublishedCount },
      byStatus: { rows: [{ key: 'open', count: 22 }], total: { count: null, suppressed: true } as PublishedCount },
    };
    const { bounds, sums } = tableSums(undefined, old, { byDistrict: ['2706'], byStatus: ['open', 'closed'] });
    expect(tighten(bounds, sums).get('byStatus:closed')).toEqual([1, 1]);
  });
});

describe('the referral dashboard', () => {
  const SERVICES = ['shelter', 'medical', 'legal_aid', 'interpreter'];
  const STATUSES = ['sent', 'accepted', 'in_progress', 'completed', 'declined', 'revoked'];
  const AGENCIES = ['HEALTH-SK', 'SHELTER-SK', 'POL-SK'];
  const NOW = '2019-06-01T00:00:00.000Z';
  const referral = fc
    .record({
      service: weighted(SERVICES),
      status: weighted(STATUSES),
      toAgency: weighted(AGENCIES),
      hours: fc.integer({ min: 1, max: 200 }),
      overdue: fc.boolean(),
    })
    .map(({ service, status, toAgency, hours, overdue }): ReferralFacts => {
      const accepted =
        ['accepted', 'in_progress', 'completed'].includes(status) || (status === 'revoked' && hours % 2 === 0);
      return {
        service,
        status,
        toAgency,
        sentAt: '2019-05-01T00:00:00.000Z',
        acceptedAt: accepted ? new Date(Date.parse('2019-05-01T00:00:00.000Z') + hours * 3600_000).toISOString() : null,
        dueAt: overdue ? '2019-05-20T00:00:00.000Z' : '2019-07-01T00:00:00.000Z',
      };
    });

  it('shows the overdue count only beside a shown count of sent referrals, and when neither it nor the rest are few', () => {
    const sent = (n: number, due: string): ReferralFacts[] =>
      Array.from({ length: n }, () => ({
        service: 'shelter',
        status: 'sent',
        toAgency: 'A',
        sentAt: NOW,
        acceptedAt: null,
        dueAt: due,
      }));
    expect(
      referralDashboard([...sent(6, '2019-05-20T00:00:00.000Z'), ...sent(3, '2019-07-01T00:00:00.000Z')], NOW, 3)
        .overdueUnanswered,
    ).toEqual({ count: 6, suppressed: false });
    expect(
      referralDashboard([...sent(8, '2019-05-20T00:00:00.000Z'), ...sent(1, '2019-07-01T00:00:00.000Z')], NOW, 3)
        .overdueUnanswered.suppressed,
    ).toBe(true);
  });

  it('lets no withheld count be worked out, nor a small number of sent referrals not yet due, nor from the agencies listed', () => {
    fc.assert(
      fc.property(fc.array(referral, { maxLength: 60 }), fc.integer({ min: 3, max: 8 }), (referrals, threshold) => {
        const dash = referralDashboard(referrals, NOW, threshold);
        const domains = { byService: SERVICES, byStatus: STATUSES };
        const { bounds, sums } = tableSums(dash.total, { byService: dash.byService, byStatus: dash.byStatus }, domains);
        // The overdue count is part of the sent cell; the rest of it is never published.
        bounds.set('overdue', boundsOf(dash.overdueUnanswered)).set('sentNotDue', [0, Infinity]);
        sums.push({
          terms: [
            ['byStatus:sent', 1],
            ['overdue', -1],
            ['sentNotDue', -1],
          ],
          lo: 0,
          hi: 0,
        });
        // Every agency listed accepted at least `threshold`; the accepted are accepted, in progress, completed or revoked.
        const accepted = ['accepted', 'in_progress', 'completed', 'revoked'].map((s) => [`byStatus:${s}`, 1] as const);
        sums.push({ terms: accepted, lo: threshold * dash.timeToAcceptHours.length, hi: Infinity });
        const truth = new Map<string, number>([['N', referrals.length]]);
        const withheld = new Set<string>();
        for (const [name, counts] of Object.entries(
          publishedTables(
            { byService: countRows(referrals, (r) => r.service), byStatus: countRows(referrals, (r) => r.status) },
            domains,
          ),
        )) {
          const table = name === 'byService' ? dash.byService : dash.byStatus;
          let hidden = 0;
          for (const [key, count] of counts) {
            truth.set(`${name}:${key}`, count);
            if (!table.rows.some((r) => r.key === key)) {
              withheld.add(`${name}:${key}`);
              hidden += count;
            }
          }
          truth.set(`${name}:withheld`, hidden);
        }
        const overdue = referrals.filter((r) => r.status === 'sent' && r.dueAt <= NOW).length;
        truth.set('overdue', overdue).set('sentNotDue', truth.get('byStatus:sent')! - overdue);
        if (dash.overdueUnanswered.suppressed) withheld.add('overdue');
        expect(disclosures(tighten(bounds, sums), truth, withheld, threshold)).toEqual([]);
        // An agency is listed only with enough acceptances, and with no count.
        for (const row of dash.timeToAcceptHours)
          expect(referrals.filter((r) => r.toAgency === row.agency && r.acceptedAt).length).toBeGreaterThanOrEqual(
            threshold,
          );
      }),
      { numRuns: 1000 },
    );
  });
});

const countRows = <T>(items: readonly T[], keyOf: (item: T) => string) =>
  [...new Set(items.map(keyOf))].map((key) => ({ key, count: items.filter((i) => keyOf(i) === key).length }));

describe('a percentile', () => {
  it('is the nearest-rank value', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([5, 1, 3, 2, 4], 90)).toBe(5);
    expect(percentile([7], 50)).toBe(7);
  });
});
