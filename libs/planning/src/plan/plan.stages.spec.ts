import { deciderSpec } from '@ruamjai/testing';
import { AgencyInactive, AgencyNotRegistered } from '../agency/agency.errors';
import type { PlanCommand } from './plan.commands';
import { PlanNotEditable, ReasonRequired } from './plan.errors';
import type { PlanEvent } from './plan.events';
import { AgencyStillResponsible, NothingChanged } from './plan-structure.errors';
import {
  changesToTheProject,
  planId,
  projectId,
  activityId,
  lineId,
  coordinator,
  otherOfficer,
  addProject,
  changeProject,
  reassignProject,
  withdrawProject,
  addActivity,
  changeActivity,
  reassignActivity,
  withdrawActivity,
  addKpi,
  changeKpi,
  withdrawKpi,
  addBudgetLine,
  reviseBudgetLine,
  reassignBudgetLine,
  withdrawBudgetLine,
  amendment,
  activityWithdrawn,
  drafting,
  inSubmission,
  inForce,
  amended,
  closedPlan,
} from './plan.fixtures';
import { planDecider } from './plan.decider';

/*
 * The structure of a provincial plan: projects, their activities, KPIs and budget lines, each added,
 * changed, reassigned and withdrawn by command. While the plan is drafted changes are just made; a
 * submitted or closed plan takes none; an approved plan takes each as an amendment with a reason.
 */

const spec = deciderSpec(planDecider);

/* ===== submitted and closed plans ===== */

/** Every structure command, each with a reason, each one that would be taken while drafting. */
const everyStructureChange: [string, PlanCommand][] = [
  ['add a project', addProject({ reason: 'r' })],
  ...changesToTheProject(coordinator),
];

describe('a submitted plan', () => {
  it.each(everyStructureChange)('is locked: refuses to %s, even with a reason', (_, cmd) => {
    spec.given(inSubmission).when(cmd).thenRefuses(PlanNotEditable, 'PLAN.NOT_EDITABLE');
  });

  it('is locked for agency officers too, before their agency is asked about', () => {
    spec
      .given(inSubmission)
      .when(changeProject({ titleTh: 'ใหม่' }, { by: otherOfficer }))
      .thenRefuses(PlanNotEditable, 'PLAN.NOT_EDITABLE');
  });

  it('takes changes again once the chair returns it', () => {
    spec
      .given([...inSubmission, { type: 'PlanReturned', data: { planId, reason: 'เพิ่มตัวชี้วัด' } }])
      .when(addKpi())
      .then([expect.objectContaining({ type: 'KpiAdded' })] as PlanEvent[]);
  });
});

describe('a closed plan', () => {
  it.each(everyStructureChange)('refuses to %s, even with a reason', (_, cmd) => {
    spec.given(closedPlan).when(cmd).thenRefuses(PlanNotEditable, 'PLAN.NOT_EDITABLE');
  });
});

/* ===== amendments ===== */

describe('an approved plan', () => {
  it.each(everyStructureChange)('takes the change to %s with a reason as an amendment: edition 2', (_, cmd) => {
    const events = planDecider.decide(cmd, inForce.reduce(planDecider.evolve, planDecider.initialState));
    expect(events).toHaveLength(2);
    expect(events[1]).toEqual(amendment(2, 'r'));
  });

  it('records the change itself, then the amendment with the trimmed reason', () => {
    spec
      .given(inForce)
      .when(changeProject({ titleTh: 'ใหม่', reason: '  มติที่ประชุมครั้งที่ 2/2562 ' }))
      .then([
        { type: 'ProjectChanged', data: { planId, projectId, changes: { titleTh: 'ใหม่' } } },
        amendment(2, 'มติที่ประชุมครั้งที่ 2/2562'),
      ]);
  });

  it('refuses to add a project without a reason', () => {
    spec.given(inForce).when(addProject()).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });
  it('refuses to change a project without a reason', () => {
    spec
      .given(inForce)
      .when(changeProject({ titleTh: 'ใหม่' }))
      .thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });
  it('refuses to reassign a project without a reason', () => {
    spec
      .given(inForce)
      .when(reassignProject({ leadAgencyCode: 'LAB-SK', reason: '  ' }))
      .thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });
  it('refuses to withdraw a project without a reason', () => {
    spec.given(inForce).when(withdrawProject(' ')).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });
  it('refuses to add an activity without a reason', () => {
    spec.given(inForce).when(addActivity()).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });
  it('refuses to change an activity without a reason', () => {
    spec
      .given(inForce)
      .when(changeActivity({ endDate: '2019-01-20' }))
      .thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });
  it('refuses to reassign an activity without a reason', () => {
    spec.given(inForce).when(reassignActivity('IMM-SK')).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });
  it('refuses to withdraw an activity without a reason', () => {
    spec.given(inForce).when(withdrawActivity('')).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });
  it('refuses to add a KPI without a reason', () => {
    spec.given(inForce).when(addKpi()).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });
  it('refuses to change a KPI without a reason', () => {
    spec
      .given(inForce)
      .when(changeKpi({ target: 70 }))
      .thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });
  it('refuses to withdraw a KPI without a reason', () => {
    spec.given(inForce).when(withdrawKpi('')).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });
  it('refuses to add a budget line without a reason', () => {
    spec.given(inForce).when(addBudgetLine()).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });
  it('refuses to revise a budget line without a reason', () => {
    spec
      .given(inForce)
      .when(reviseBudgetLine(1, { reason: '' }))
      .thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });
  it('refuses to reassign a budget line without a reason', () => {
    spec.given(inForce).when(reassignBudgetLine('agency_own')).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });
  it('refuses to withdraw a budget line without a reason', () => {
    spec.given(inForce).when(withdrawBudgetLine(' ')).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });

  it('refuses an amendment that changes nothing, reason or not', () => {
    spec
      .given(inForce)
      .when(changeKpi({ target: 50, reason: 'r' }))
      .thenRefuses(NothingChanged, 'PLAN.NOTHING_CHANGED');
  });

  it("records a revision of a project's first budget line as a project budget revision, then the amendment", () => {
    spec
      .given(inForce)
      .when(reviseBudgetLine(16_000_000, { lineId: projectId, reason: 'เพิ่มผู้เข้าร่วม' }))
      .then([
        {
          type: 'ProjectBudgetRevised',
          data: {
            planId,
            projectId,
            previousBudgetSatang: 15_000_000,
            requestedBudgetSatang: 16_000_000,
            reason: 'เพิ่มผู้เข้าร่วม',
          },
        },
        amendment(2, 'เพิ่มผู้เข้าร่วม'),
      ]);
  });

  it('still refuses a reassignment to an unknown or deactivated agency', () => {
    spec
      .given(inForce)
      .when(reassignProject({ leadAgencyCode: 'NGO-XX', reason: 'r' }))
      .thenRefuses(AgencyNotRegistered, 'AGENCY.NOT_REGISTERED');
    spec
      .given(inForce)
      .when(reassignProject({ leadAgencyCode: 'SHELTER-SK', reason: 'r' }))
      .thenRefuses(AgencyInactive, 'AGENCY.INACTIVE');
  });
});

describe('an amended plan', () => {
  it('makes its next change edition 3', () => {
    spec
      .given(amended)
      .when(withdrawActivity('ยกเลิก'))
      .then([activityWithdrawn, amendment(3, 'ยกเลิก')]);
  });

  it('counts every change after that as the next edition', () => {
    spec
      .given([...amended, amendment(3, 'x'), amendment(4, 'y')])
      .when(addKpi({ reason: 'เพิ่มตัวชี้วัด' }))
      .then([expect.objectContaining({ type: 'KpiAdded' }) as PlanEvent, amendment(5, 'เพิ่มตัวชี้วัด')]);
  });

  it('approved again at the edition it reached, makes its next change the edition after', () => {
    const reapproved: PlanEvent = {
      type: 'PlanApproved',
      data: { planId, edition: 2, meetingReference: 'ครั้งที่ 2/2562', meetingDate: '2019-06-01' },
    };
    spec
      .given([...amended, reapproved])
      .when(reassignBudgetLine('agency_own', { reason: 'ย้ายแหล่งงบ' }))
      .then([
        {
          type: 'BudgetLineReassigned',
          data: { planId, projectId, lineId, fundingSource: 'agency_own', previousFundingSource: 'provincial_budget' },
        },
        amendment(3, 'ย้ายแหล่งงบ'),
      ]);
  });

  it('refuses a change without a reason', () => {
    spec
      .given(amended)
      .when(changeActivity({ titleTh: 'ใหม่' }))
      .thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });
});

describe('a project whose partner runs one of its activities', () => {
  const handed: PlanEvent = {
    type: 'ActivityReassigned',
    data: { planId, projectId, activityId, responsibleAgencyCode: 'IMM-SK', previousAgencyCode: 'PSDHS-SK' },
  };

  it('keeps the partner until its activities are handed on', () => {
    spec
      .given([...drafting, handed])
      .when(reassignProject({ participatingAgencyCodes: [] }))
      .thenRefuses(AgencyStillResponsible, 'PLAN.AGENCY_STILL_RESPONSIBLE');
  });

  it('lets the partner go once its activity is withdrawn', () => {
    spec
      .given([...drafting, handed, activityWithdrawn])
      .when(reassignProject({ participatingAgencyCodes: [] }))
      .then([
        {
          type: 'ProjectReassigned',
          data: {
            planId,
            projectId,
            leadAgencyCode: 'PSDHS-SK',
            participatingAgencyCodes: [],
            previousLeadAgencyCode: 'PSDHS-SK',
            previousParticipatingAgencyCodes: ['IMM-SK'],
          },
        },
      ]);
  });

  it('takes districts in any order as the same set', () => {
    spec
      .given(drafting)
      .when(changeProject({ districtCodes: ['2703', '2706'] }))
      .thenRefuses(NothingChanged, 'PLAN.NOTHING_CHANGED');
  });
});
