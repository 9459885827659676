import { deciderSpec } from '@ruamjai/testing';
import { planDecider } from '../plan.decider';
import type { PlanState } from '../plan.state';
import { InvalidBudget } from '../plan.errors';
import type { PlanEvent } from '../plan.events';
import {
  ItemNotFound,
  ItemWithdrawn,
  NotOwnAgencyProject,
  ParticipantCountsInvalid,
  PlanNotInExecution,
  ReportDateInvalid,
} from '../plan-structure.errors';
import {
  planId,
  projectId,
  otherProjectId,
  activityId,
  lineId,
  coordinator,
  partnerOfficer,
  otherOfficer,
  report,
  progress,
  submitted,
  approved,
  closed,
  drafting,
  inForce,
} from '../plan-progress.fixtures';

const spec = deciderSpec(planDecider);

describe('an activity of an approved plan', () => {
  it("takes progress from an officer of the lead agency, against the project's first budget line", () => {
    spec.given(inForce).when(report()).then([progress()]);
  });

  it('takes progress against another budget line of the project', () => {
    spec
      .given(inForce)
      .when(report({ budgetLineId: lineId }))
      .then([progress({ budgetLineId: lineId })]);
  });

  it('takes progress from an officer of an agency taking part, recorded as theirs', () => {
    spec
      .given(inForce)
      .when(report({}, { by: partnerOfficer }))
      .then([progress({ agencyCode: 'IMM-SK' })]);
  });

  it('takes progress from the secretariat, recorded as its agency', () => {
    spec
      .given(inForce)
      .when(report({}, { by: coordinator }))
      .then([progress({ agencyCode: 'PROV-SK' })]);
  });

  it('is marked finished by a report, with a note', () => {
    spec
      .given(inForce)
      .when(report({ completed: true, note: '  ครบตามแผน ' }))
      .then([progress({ completed: true, note: 'ครบตามแผน' })]);
  });

  it('keeps only the target groups someone was reached in', () => {
    spec
      .given(inForce)
      .when(report({ participantsReached: { children: 35, women: 0, families: 4 } }))
      .then([progress({ participantsReached: { children: 35, families: 4 } })]);
  });

  it('reads a target group left out as absent, not invalid', () => {
    spec
      .given(inForce)
      .when(report({ participantsReached: { children: 35, women: undefined } }))
      .then([progress({ participantsReached: { children: 35 } })]);
  });

  it('takes a report that reached no one and spent nothing', () => {
    spec
      .given(inForce)
      .when(report({ participantsReached: {}, spendSatang: 0 }))
      .then([progress({ participantsReached: {}, spendSatang: 0 })]);
  });

  it('takes progress without it being an amendment: no reason, no new edition', () => {
    // One event only: no PlanAmended follows, and an officer may report after approval.
    spec.given(inForce).when(report()).then([progress()]);
    spec
      .given([...inForce, progress()])
      .when(report({ reportedOn: '2019-05-01' }))
      .then([progress({ reportedOn: '2019-05-01' })]);
  });

  it('refuses progress from an officer of an agency outside the project', () => {
    spec
      .given(inForce)
      .when(report({}, { by: otherOfficer }))
      .thenRefuses(NotOwnAgencyProject, 'AUTH.NOT_OWN_AGENCY');
  });

  it('refuses a report dated in the future', () => {
    spec
      .given(inForce)
      .when(report({ reportedOn: '2019-05-02' }))
      .thenRefuses(ReportDateInvalid, 'PLAN.REPORT_DATE_INVALID');
  });

  it('takes a report dated today in Bangkok while it is still yesterday in UTC', () => {
    // 20:00 UTC on 1 May is 03:00 on 2 May in Bangkok.
    spec
      .given(inForce)
      .when(report({ reportedOn: '2019-05-02' }, { at: new Date('2019-05-01T20:00:00Z') }))
      .then([progress({ reportedOn: '2019-05-02' })]);
  });

  it('refuses a report dated tomorrow in Bangkok, late in the evening', () => {
    // 16:59 UTC on 1 May is 23:59 on 1 May in Bangkok.
    spec
      .given(inForce)
      .when(report({ reportedOn: '2019-05-02' }, { at: new Date('2019-05-01T16:59:00Z') }))
      .thenRefuses(ReportDateInvalid, 'PLAN.REPORT_DATE_INVALID');
  });

  it('names today in Bangkok as the last day a report may carry', () => {
    const state = inForce.reduce<PlanState>(planDecider.evolve, planDecider.initialState);
    let refused: unknown;
    try {
      planDecider.decide(report({ reportedOn: '2019-05-02' }, { at: new Date('2019-05-01T16:59:00Z') }), state);
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({ details: { date: '2019-05-02', latest: '2019-05-01' } });
  });

  it('refuses a report dated before the fiscal year', () => {
    spec
      .given(inForce)
      .when(report({ reportedOn: '2018-09-30' }))
      .thenRefuses(ReportDateInvalid, 'PLAN.REPORT_DATE_INVALID');
  });

  it('takes a report dated on the first day of the fiscal year', () => {
    spec
      .given(inForce)
      .when(report({ reportedOn: '2018-10-01' }))
      .then([progress({ reportedOn: '2018-10-01' })]);
  });

  it('refuses a report dated after the fiscal year ended, while the plan is still open', () => {
    // FY2562 ended on 30 September 2019; the plan is not yet closed in November.
    spec
      .given(inForce)
      .when(report({ reportedOn: '2019-10-15' }, { at: new Date('2019-11-15T03:00:00Z') }))
      .thenRefuses(ReportDateInvalid, 'PLAN.REPORT_DATE_INVALID');
  });

  it('takes a report dated on the last day of the fiscal year, sent after it ended', () => {
    spec
      .given(inForce)
      .when(report({ reportedOn: '2019-09-30' }, { at: new Date('2019-11-15T03:00:00Z') }))
      .then([progress({ reportedOn: '2019-09-30' })]);
  });

  it('refuses a report date that is not a calendar date', () => {
    spec
      .given(inForce)
      .when(report({ reportedOn: '2019-02-29' }))
      .thenRefuses(ReportDateInvalid, 'PLAN.REPORT_DATE_INVALID');
    spec
      .given(inForce)
      .when(report({ reportedOn: '30/04/2562' }))
      .thenRefuses(ReportDateInvalid, 'PLAN.REPORT_DATE_INVALID');
  });

  it('refuses counts for an unknown target group', () => {
    spec
      .given(inForce)
      .when(report({ participantsReached: { children: 35, tourists: 3 } as never }))
      .thenRefuses(ParticipantCountsInvalid, 'PLAN.PARTICIPANTS_INVALID');
  });

  it('refuses a negative or fractional count', () => {
    spec
      .given(inForce)
      .when(report({ participantsReached: { children: -1 } }))
      .thenRefuses(ParticipantCountsInvalid, 'PLAN.PARTICIPANTS_INVALID');
    spec
      .given(inForce)
      .when(report({ participantsReached: { women: 1.5 } }))
      .thenRefuses(ParticipantCountsInvalid, 'PLAN.PARTICIPANTS_INVALID');
  });

  it('refuses a negative spend, or fractions of a satang', () => {
    spec
      .given(inForce)
      .when(report({ spendSatang: -100 }))
      .thenRefuses(InvalidBudget, 'PLAN.INVALID_BUDGET');
    spec
      .given(inForce)
      .when(report({ spendSatang: 99.5 }))
      .thenRefuses(InvalidBudget, 'PLAN.INVALID_BUDGET');
  });

  it('refuses spend against a budget line of another project', () => {
    spec
      .given(inForce)
      .when(report({ budgetLineId: otherProjectId }))
      .thenRefuses(ItemNotFound, 'PLAN.BUDGET_LINE_NOT_FOUND');
  });

  it('refuses spend against a budget line the plan does not have', () => {
    spec
      .given(inForce)
      .when(report({ budgetLineId: '0d6f3f1e-0000-4000-8000-0000000000ff' }))
      .thenRefuses(ItemNotFound, 'PLAN.BUDGET_LINE_NOT_FOUND');
  });

  it('refuses spend against a withdrawn budget line', () => {
    const lineWithdrawn: PlanEvent = {
      type: 'BudgetLineWithdrawn',
      data: { planId, projectId, lineId, reason: 'ยกเลิก' },
    };
    spec
      .given([...inForce, lineWithdrawn])
      .when(report({ budgetLineId: lineId }))
      .thenRefuses(ItemWithdrawn, 'PLAN.BUDGET_LINE_WITHDRAWN');
  });

  it('refuses progress on an activity the plan does not have', () => {
    spec
      .given(inForce)
      .when(report({ activityId: '0d6f3f1e-0000-4000-8000-0000000000bf' }))
      .thenRefuses(ItemNotFound, 'PLAN.ACTIVITY_NOT_FOUND');
  });
});

describe('a withdrawn activity of an approved plan', () => {
  it('takes no progress', () => {
    const withdrawn: PlanEvent[] = [
      { type: 'ActivityWithdrawn', data: { planId, projectId, activityId, reason: 'ยกเลิก' } },
      { type: 'PlanAmended', data: { planId, edition: 2, reason: 'ยกเลิก' } },
    ];
    spec
      .given([...inForce, ...withdrawn])
      .when(report())
      .thenRefuses(ItemWithdrawn, 'PLAN.ACTIVITY_WITHDRAWN');
  });
});

describe('an activity of a withdrawn project', () => {
  it('takes no progress', () => {
    const withdrawn: PlanEvent[] = [
      { type: 'ProjectWithdrawn', data: { planId, projectId, reason: 'ยกเลิก' } },
      { type: 'PlanAmended', data: { planId, edition: 2, reason: 'ยกเลิก' } },
    ];
    spec
      .given([...inForce, ...withdrawn])
      .when(report())
      .thenRefuses(ItemWithdrawn, 'PLAN.PROJECT_WITHDRAWN');
  });
});

describe('an activity handed to another agency', () => {
  it('takes progress from the lead agency still, as the project is theirs', () => {
    const handed: PlanEvent = {
      type: 'ActivityReassigned',
      data: { planId, projectId, activityId, responsibleAgencyCode: 'IMM-SK', previousAgencyCode: 'PSDHS-SK' },
    };
    spec
      .given([...drafting, handed, submitted, approved])
      .when(report())
      .then([progress()]);
  });
});

describe('a project handed to another lead agency', () => {
  const handed: PlanEvent = {
    type: 'ProjectReassigned',
    data: {
      planId,
      projectId,
      leadAgencyCode: 'POL-SK',
      participatingAgencyCodes: [],
      previousLeadAgencyCode: 'PSDHS-SK',
      previousParticipatingAgencyCodes: ['IMM-SK'],
    },
  };

  it('takes progress from officers of the new lead', () => {
    spec
      .given([...drafting, handed, submitted, approved])
      .when(report({}, { by: otherOfficer }))
      .then([progress({ agencyCode: 'POL-SK' })]);
  });

  it('refuses progress from officers of agencies no longer in it', () => {
    spec
      .given([...drafting, handed, submitted, approved])
      .when(report())
      .thenRefuses(NotOwnAgencyProject, 'AUTH.NOT_OWN_AGENCY');
    spec
      .given([...drafting, handed, submitted, approved])
      .when(report({}, { by: partnerOfficer }))
      .thenRefuses(NotOwnAgencyProject, 'AUTH.NOT_OWN_AGENCY');
  });
});

describe('a plan not in execution', () => {
  it.each([
    ['a drafting', drafting],
    ['a submitted', [...drafting, submitted]],
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- tsc widens the literal without it
    ['a returned', [...drafting, submitted, { type: 'PlanReturned', data: { planId, reason: 'แก้ไข' } } as PlanEvent]],
    ['a closed', [...inForce, closed]],
  ])('%s plan takes no progress report', (_, given) => {
    spec
      .given(given)
      .when(report({}, { by: coordinator }))
      .thenRefuses(PlanNotInExecution, 'PLAN.NOT_IN_EXECUTION');
  });

  it('says it is not in execution before anything about the activity', () => {
    spec
      .given(drafting)
      .when(report({ activityId: '0d6f3f1e-0000-4000-8000-0000000000bf' }))
      .thenRefuses(PlanNotInExecution, 'PLAN.NOT_IN_EXECUTION');
  });
});
