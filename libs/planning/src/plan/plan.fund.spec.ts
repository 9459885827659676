import type { Actor } from '@ruamjai/kernel';
import { deciderSpec } from '@ruamjai/testing';
import type { PlanCommand } from './plan.commands';
import { planDecider } from './plan.decider';
import {
  FundAmountInvalid,
  FundRequestAlreadyExists,
  FundRequestIllegalTransition,
  FundRequestNotFound,
  PlanNotEditable,
  ProjectNotFound,
  ReasonRequired,
} from './plan.errors';
import type { PlanEvent } from './plan.events';

const spec = deciderSpec(planDecider);
const actor: Actor = { id: 'somchai', agency: 'PSDHS-SK', role: 'coordinator' };
const planId = '0d6f3f1e-0000-4000-8000-000000000001';
const projectId = '0d6f3f1e-0000-4000-8000-0000000000a1';
const requestId = '0d6f3f1e-0000-4000-8000-0000000000f1';
const cmd = (type: PlanCommand['type'], data: object) =>
  ({
    type,
    data: { planId, requestId, ...data },
    actor,
    at: new Date('2019-04-01T03:00:00Z'),
  }) as unknown as PlanCommand;

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
    requestedBudgetSatang: 15_000_000,
    fundingSource: 'anti_trafficking_fund',
  },
};
const submitted: PlanEvent = {
  type: 'FundRequestSubmitted',
  data: {
    planId,
    projectId,
    requestId,
    amountSatang: 15_000_000,
    justification: 'ช่วยเหลือผู้เสียหาย 40 คน',
    category: 'victim_assistance',
  },
};
const approved: PlanEvent = {
  type: 'FundRequestApproved',
  data: { planId, projectId, requestId, requestedSatang: 15_000_000, approvedSatang: 12_000_000 },
};
const submit = (amountSatang = 15_000_000) =>
  cmd('SubmitFundRequest', {
    projectId,
    amountSatang,
    justification: 'ช่วยเหลือผู้เสียหาย 40 คน',
    category: 'victim_assistance',
  });

describe('a project without a Fund request', () => {
  it('asks the Fund for an amount, with a justification and an s.44 purpose', () => {
    spec.given([drafted, added]).when(submit()).then([submitted]);
  });
  it('cannot ask for nothing, or for more than the system takes', () => {
    spec.given([drafted, added]).when(submit(0)).thenRefuses(FundAmountInvalid, 'FUND.AMOUNT_INVALID');
    spec.given([drafted, added]).when(submit(2_000_000_000_000)).thenRefuses(FundAmountInvalid);
  });
  it('must exist in the plan', () => {
    spec.given([drafted]).when(submit()).thenRefuses(ProjectNotFound);
  });
  it('has no request to approve', () => {
    spec
      .given([drafted, added])
      .when(cmd('ApproveFundRequest', { approvedAmountSatang: 1 }))
      .thenRefuses(FundRequestNotFound, 'FUND.REQUEST_NOT_FOUND');
  });
});

describe('a submitted Fund request', () => {
  it('cannot be submitted twice', () => {
    spec.given([drafted, added, submitted]).when(submit()).thenRefuses(FundRequestAlreadyExists);
  });
  it('is approved, possibly for less, never for more', () => {
    spec
      .given([drafted, added, submitted])
      .when(cmd('ApproveFundRequest', { approvedAmountSatang: 12_000_000 }))
      .then([approved]);
    spec
      .given([drafted, added, submitted])
      .when(cmd('ApproveFundRequest', { approvedAmountSatang: 15_000_001 }))
      .thenRefuses(FundAmountInvalid);
  });
  it('is rejected with a reason', () => {
    spec
      .given([drafted, added, submitted])
      .when(cmd('RejectFundRequest', { reason: 'ไม่ตรงวัตถุประสงค์' }))
      .then([{ type: 'FundRequestRejected', data: { planId, projectId, requestId, reason: 'ไม่ตรงวัตถุประสงค์' } }]);
    spec
      .given([drafted, added, submitted])
      .when(cmd('RejectFundRequest', { reason: '' }))
      .thenRefuses(ReasonRequired);
  });
  it('is returned for revision, revised, and submitted again', () => {
    const returned: PlanEvent = {
      type: 'FundRequestReturned',
      data: { planId, projectId, requestId, reason: 'แนบรายละเอียด' },
    };
    spec
      .given([drafted, added, submitted])
      .when(cmd('ReturnFundRequest', { reason: 'แนบรายละเอียด' }))
      .then([returned]);
    spec
      .given([drafted, added, submitted, returned])
      .when(cmd('ReviseFundRequest', { amountSatang: 10_000_000, justification: 'ปรับตามคำแนะนำ' }))
      .then([
        {
          type: 'FundRequestRevised',
          data: { planId, projectId, requestId, amountSatang: 10_000_000, justification: 'ปรับตามคำแนะนำ' },
        },
      ]);
  });
  it('cannot be revised unless it was returned, nor paid before approval', () => {
    spec
      .given([drafted, added, submitted])
      .when(cmd('ReviseFundRequest', { amountSatang: 1, justification: 'x' }))
      .thenRefuses(FundRequestIllegalTransition, 'FUND.ILLEGAL_TRANSITION');
    spec
      .given([drafted, added, submitted])
      .when(cmd('RecordFundDisbursement', { amountSatang: 1 }))
      .thenRefuses(FundRequestIllegalTransition);
  });
});

describe('an approved Fund request', () => {
  it('is paid in parts up to the approved amount', () => {
    const first: PlanEvent = {
      type: 'FundDisbursed',
      data: { planId, projectId, requestId, amountSatang: 5_000_000, disbursedSatang: 5_000_000 },
    };
    spec
      .given([drafted, added, submitted, approved])
      .when(cmd('RecordFundDisbursement', { amountSatang: 5_000_000 }))
      .then([first]);
    spec
      .given([drafted, added, submitted, approved, first])
      .when(cmd('RecordFundDisbursement', { amountSatang: 7_000_000 }))
      .then([
        {
          type: 'FundDisbursed',
          data: { planId, projectId, requestId, amountSatang: 7_000_000, disbursedSatang: 12_000_000 },
        },
      ]);
    spec
      .given([drafted, added, submitted, approved, first])
      .when(cmd('RecordFundDisbursement', { amountSatang: 7_000_001 }))
      .thenRefuses(FundAmountInvalid);
  });
  it('cannot be approved or rejected again', () => {
    spec
      .given([drafted, added, submitted, approved])
      .when(cmd('RejectFundRequest', { reason: 'x' }))
      .thenRefuses(FundRequestIllegalTransition);
  });
});

describe('a closed plan', () => {
  it('takes no more Fund business', () => {
    const closing: PlanEvent[] = [
      { type: 'PlanSubmitted', data: { planId } },
      {
        type: 'PlanApproved',
        data: { planId, edition: 1, meetingReference: 'ครั้งที่ 1/2562', meetingDate: '2019-03-15' },
      },
      { type: 'PlanClosed', data: { planId, resultsSummary: 'ครบ' } },
    ];
    spec
      .given([drafted, added, submitted, ...closing])
      .when(cmd('RecordFundDisbursement', { amountSatang: 1 }))
      .thenRefuses(PlanNotEditable);
  });
});
