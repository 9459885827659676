import { deciderSpec } from '@ruamjai/testing';
import { planDecider } from '../plan.decider';
import type { PlanEvent } from '../plan.events';
import { FundAmountInvalid, FundRequestIllegalTransition, ReasonRequired } from '../plan.errors';
import { coordinator, leadOfficer, otherOfficer } from '../plan.fixtures';
import { planId, projectId, requestId, cmd, drafted, added, submitted, returned } from '../plan-fund.fixtures';
import { NotOwnAgencyProject } from '../plan-structure.errors';

const spec = deciderSpec(planDecider);

const revised: PlanEvent = {
  type: 'FundRequestRevised',
  data: { planId, projectId, requestId, amountSatang: 10_000_000, justification: 'ปรับตามคำแนะนำ' },
};
const revise = (data: object = {}, by = coordinator) =>
  cmd('ReviseFundRequest', { amountSatang: 10_000_000, justification: 'ปรับตามคำแนะนำ', ...data }, by);

describe('a submitted Fund request', () => {
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

describe('a Fund request returned for revision', () => {
  it('is revised with a new amount and justification', () => {
    spec.given([drafted, added, submitted, returned]).when(revise()).then([revised]);
  });
  it('cannot be revised to nothing', () => {
    spec
      .given([drafted, added, submitted, returned])
      .when(revise({ amountSatang: 0 }))
      .thenRefuses(FundAmountInvalid, 'FUND.AMOUNT_INVALID');
  });
  it('refuses a revision without a justification, or with one of spaces alone', () => {
    for (const justification of [undefined, '', '   ']) {
      spec
        .given([drafted, added, submitted, returned])
        .when(revise({ justification }))
        .thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
    }
  });
  it('stores the justification without its surrounding spaces', () => {
    spec
      .given([drafted, added, submitted, returned])
      .when(revise({ justification: '\n ปรับตามคำแนะนำ  ' }))
      .then([revised]);
  });
});

describe('who revises a returned Fund request', () => {
  it("lets the lead agency's officer revise its own project's request", () => {
    spec.given([drafted, added, submitted, returned]).when(revise({}, leadOfficer)).then([revised]);
  });
  it('refuses an officer of another agency', () => {
    spec
      .given([drafted, added, submitted, returned])
      .when(revise({}, otherOfficer))
      .thenRefuses(NotOwnAgencyProject, 'AUTH.NOT_OWN_AGENCY');
  });
  it("lets the secretariat revise any agency's request", () => {
    spec.given([drafted, added, submitted, returned]).when(revise({}, coordinator)).then([revised]);
  });
});
