import { publish, publishPart, withheldCount, type PublishedCount } from './suppression';

/** One pledge, as the dashboard needs it. */
export interface PledgeFacts {
  readonly agency: string;
  readonly resource: string;
  readonly target:
    | { readonly kind: 'case'; readonly caseId: string }
    | { readonly kind: 'project'; readonly planId: string; readonly projectId: string };
  readonly quantity: number;
  readonly fulfilled: number;
  readonly status: string;
  readonly overdue: boolean;
}

export interface ProjectPledgeTotals {
  readonly agency: string;
  readonly resource: string;
  readonly pledged: number;
  readonly fulfilled: number;
  readonly overduePledges: number;
}

export interface CasePledgeTotals {
  readonly agency: string;
  readonly resource: string;
  /** How many cases the row's pledges go to: at least the threshold, or the row is not shown. */
  readonly cases: number;
  readonly pledges: number;
  readonly pledged: number;
  readonly fulfilled: number;
  /** Part of `pledges`: withheld when it, or the pledges not overdue, are small (either follows from the other). */
  readonly overduePledges: PublishedCount;
}

export interface CommitmentDashboard {
  readonly threshold: number;
  /** Pledges to plan projects: about agencies, not people, so shown whole. */
  readonly projects: readonly ProjectPledgeTotals[];
  readonly cases: {
    /** Per agency and resource, only where the pledges go to at least `threshold` cases. */
    readonly rows: readonly CasePledgeTotals[];
    /**
     * Pledges to cases in the rows left out; withheld (without "fewer than": there may be many pledges)
     * unless they go to at least `threshold` cases.
     */
    readonly withheldPledges: PublishedCount;
  };
}

const key = (p: PledgeFacts) => `${p.agency}\u0000${p.resource}`;
const byAgencyThenResource = (a: { agency: string; resource: string }, b: { agency: string; resource: string }) =>
  a.agency.localeCompare(b.agency) || a.resource.localeCompare(b.resource);

/**
 * Pledged against fulfilled per agency and resource (withdrawn pledges left out). A pledge to a case
 * is about a person: one shelter bed pledged to one case tells the chair that a case needs shelter,
 * and an amount tied to a single case reveals as much as a count. So a row of case pledges is shown
 * only when it spreads over at least `threshold` cases, its count of overdue pledges is withheld
 * when it or the rest of the row's pledges is small (the row's pledges are shown, so one gives the
 * other away by subtraction), and a row that would be withheld is left out whole (listing it would give its agency
 * and resource away); how many pledges were left out is given, itself withheld when small.
 */
export function commitmentDashboard(pledges: readonly PledgeFacts[], threshold: number): CommitmentDashboard {
  const live = pledges.filter((p) => p.status !== 'withdrawn');
  const projects = new Map<
    string,
    { agency: string; resource: string; pledged: number; fulfilled: number; overduePledges: number }
  >();
  const cases = new Map<
    string,
    {
      agency: string;
      resource: string;
      caseIds: Set<string>;
      pledges: number;
      pledged: number;
      fulfilled: number;
      overdue: number;
    }
  >();
  for (const p of live) {
    if (p.target.kind === 'project') {
      const t = projects.get(key(p)) ?? {
        agency: p.agency,
        resource: p.resource,
        pledged: 0,
        fulfilled: 0,
        overduePledges: 0,
      };
      t.pledged += p.quantity;
      t.fulfilled += p.fulfilled;
      if (p.overdue) t.overduePledges += 1;
      projects.set(key(p), t);
    } else {
      const t = cases.get(key(p)) ?? {
        agency: p.agency,
        resource: p.resource,
        caseIds: new Set<string>(),
        pledges: 0,
        pledged: 0,
        fulfilled: 0,
        overdue: 0,
      };
      t.caseIds.add(p.target.caseId);
      t.pledges += 1;
      t.pledged += p.quantity;
      t.fulfilled += p.fulfilled;
      if (p.overdue) t.overdue += 1;
      cases.set(key(p), t);
    }
  }
  const shown = [...cases.values()].filter((t) => t.caseIds.size >= threshold);
  const hidden = [...cases.values()].filter((t) => t.caseIds.size < threshold);
  const withheld = hidden.reduce((sum, t) => sum + t.pledges, 0);
  // Many pledges may all go to one person: the number is shown only when they spread over enough cases.
  const withheldCases = new Set(hidden.flatMap((t) => [...t.caseIds])).size;
  return {
    threshold,
    projects: [...projects.values()].sort(byAgencyThenResource),
    cases: {
      rows: shown
        .map((t) => ({
          agency: t.agency,
          resource: t.resource,
          cases: t.caseIds.size,
          pledges: t.pledges,
          pledged: t.pledged,
          fulfilled: t.fulfilled,
          overduePledges: publishPart(t.overdue, t.pledges, threshold),
        }))
        .sort(byAgencyThenResource),
      withheldPledges: withheld === 0 || withheldCases >= threshold ? publish(withheld, threshold) : withheldCount(),
    },
  };
}
