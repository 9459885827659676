import type { Actor } from '@ruamjai/kernel';
import { deciderSpec } from '@ruamjai/testing';
import type { PlanCommand } from './plan.commands';
import { planDecider } from './plan.decider';
import {
  FiscalYearNotOver,
  IllegalTransition,
  MeetingReferenceInvalid,
  PlanHasNoProjects,
  PlanNotEditable,
  ReasonRequired,
} from './plan.errors';
import type { PlanEvent } from './plan.events';

const spec = deciderSpec(planDecider);
const chair: Actor = { id: 'governor', agency: 'PROV-SK', role: 'chair' };
const at = new Date('2019-03-15T03:00:00Z');
const planId = '0d6f3f1e-0000-4000-8000-000000000001';
const projectId = '0d6f3f1e-0000-4000-8000-0000000000a1';
const cmd = <T extends PlanCommand['type']>(type: T, data: object, when = at) =>
  ({ type, data: { planId, ...data }, actor: chair, at: when }) as unknown as PlanCommand;

const drafted: PlanEvent = {
  type: 'PlanDrafted',
  data: { planId, provinceCode: 'TH-27', fiscalYear: 2562, titleTh: 'แผน', titleEn: null },
};
const added: PlanEvent = {
  type: 'ProjectAdded',
  data: {
    planId,
    projectId,
    titleTh: 'โครงการ',
    titleEn: null,
    strategy: 'prevention',
    participatingAgencyCodes: [],
    targetGroups: [],
    objectives: [],
    leadAgencyCode: 'PSDHS-SK',
    districtCodes: ['2706'],
    requestedBudgetSatang: 100,
    fundingSource: 'provincial_budget',
  },
};
const submitted: PlanEvent = { type: 'PlanSubmitted', data: { planId } };
const approved: PlanEvent = {
  type: 'PlanApproved',
  data: { planId, edition: 1, meetingReference: 'ครั้งที่ 1/2562', meetingDate: '2019-03-15' },
};
const amended: PlanEvent = { type: 'PlanAmended', data: { planId, edition: 2, reason: 'เพิ่มงบ' } };
const closed: PlanEvent = { type: 'PlanClosed', data: { planId, resultsSummary: 'ครบ' } };
const revise = (amount: number, reason?: string) =>
  cmd('ReviseProjectBudget', { projectId, requestedBudgetSatang: amount, reason });
const approve = (meetingReference = 'ครั้งที่ 1/2562') =>
  cmd('ApprovePlan', { meetingReference, meetingDate: '2019-03-15' });

describe('a drafting plan', () => {
  it('is submitted for approval once it has a project', () => {
    spec.given([drafted, added]).when(cmd('SubmitPlan', {})).then([submitted]);
  });
  it('cannot be submitted without projects', () => {
    spec.given([drafted]).when(cmd('SubmitPlan', {})).thenRefuses(PlanHasNoProjects, 'PLAN.NO_PROJECTS');
  });
  it('cannot be approved before it is submitted', () => {
    spec.given([drafted, added]).when(approve()).thenRefuses(IllegalTransition, 'PLAN.ILLEGAL_TRANSITION');
  });
  it('cannot be closed', () => {
    spec
      .given([drafted, added])
      .when(cmd('ClosePlan', { resultsSummary: 'x' }, new Date('2020-01-01')))
      .thenRefuses(IllegalTransition);
  });
});

describe('a submitted plan', () => {
  it('is approved by the subcommittee as edition 1, naming the meeting', () => {
    spec.given([drafted, added, submitted]).when(approve()).then([approved]);
  });
  it('refuses a meeting reference not in the form ครั้งที่ N/ปี', () => {
    spec
      .given([drafted, added, submitted])
      .when(approve('meeting one'))
      .thenRefuses(MeetingReferenceInvalid, 'PLAN.MEETING_REFERENCE_INVALID');
  });
  it('is locked: no project can be added or revised until it is returned', () => {
    spec.given([drafted, added, submitted]).when(revise(200)).thenRefuses(PlanNotEditable, 'PLAN.NOT_EDITABLE');
  });
  it('is returned to drafting with a reason', () => {
    spec
      .given([drafted, added, submitted])
      .when(cmd('ReturnPlan', { reason: 'เพิ่มโครงการคุ้มครอง' }))
      .then([{ type: 'PlanReturned', data: { planId, reason: 'เพิ่มโครงการคุ้มครอง' } }]);
  });
  it('is not returned without a reason', () => {
    spec
      .given([drafted, added, submitted])
      .when(cmd('ReturnPlan', { reason: ' ' }))
      .thenRefuses(ReasonRequired);
  });
  it('cannot be submitted twice', () => {
    spec.given([drafted, added, submitted]).when(cmd('SubmitPlan', {})).thenRefuses(IllegalTransition);
  });
});

describe('an approved plan', () => {
  it('refuses a change without a reason', () => {
    spec
      .given([drafted, added, submitted, approved])
      .when(revise(200))
      .thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });
  it('takes a change with a reason as an amendment: edition 2', () => {
    spec
      .given([drafted, added, submitted, approved])
      .when(revise(200, 'เพิ่มงบ'))
      .then([
        {
          type: 'ProjectBudgetRevised',
          data: { planId, projectId, previousBudgetSatang: 100, requestedBudgetSatang: 200, reason: 'เพิ่มงบ' },
        },
        amended,
      ]);
  });
  it('counts every further change as the next edition', () => {
    spec
      .given([drafted, added, submitted, approved, amended])
      .when(revise(300, 'อีกครั้ง'))
      .then([
        {
          type: 'ProjectBudgetRevised',
          data: { planId, projectId, previousBudgetSatang: 100, requestedBudgetSatang: 300, reason: 'อีกครั้ง' },
        },
        { type: 'PlanAmended', data: { planId, edition: 3, reason: 'อีกครั้ง' } },
      ]);
  });
  it('cannot be approved again until it is amended', () => {
    spec.given([drafted, added, submitted, approved]).when(approve('ครั้งที่ 2/2562')).thenRefuses(IllegalTransition);
  });
  it('is closed only after its fiscal year ends', () => {
    spec
      .given([drafted, added, submitted, approved])
      .when(cmd('ClosePlan', { resultsSummary: 'ครบ' }, new Date('2019-09-30T12:00:00Z')))
      .thenRefuses(FiscalYearNotOver, 'PLAN.FISCAL_YEAR_NOT_OVER');
    spec
      .given([drafted, added, submitted, approved])
      .when(cmd('ClosePlan', { resultsSummary: 'ครบ' }, new Date('2019-10-01T00:00:00Z')))
      .then([closed]);
  });
});

describe('an amended plan', () => {
  it('is approved at the edition it reached', () => {
    spec
      .given([drafted, added, submitted, approved, amended])
      .when(approve('ครั้งที่ 3/2562'))
      .then([
        {
          type: 'PlanApproved',
          data: { planId, edition: 2, meetingReference: 'ครั้งที่ 3/2562', meetingDate: '2019-03-15' },
        },
      ]);
  });
});

describe('a closed plan', () => {
  it('takes no more changes, even with a reason', () => {
    spec.given([drafted, added, submitted, approved, closed]).when(revise(500, 'สาย')).thenRefuses(PlanNotEditable);
  });
  it('cannot be closed twice', () => {
    spec
      .given([drafted, added, submitted, approved, closed])
      .when(cmd('ClosePlan', { resultsSummary: 'x' }, new Date('2020-01-01')))
      .thenRefuses(IllegalTransition);
  });
});
