import { deciderSpec } from '@ruamjai/testing';
import { planDecider } from '../plan.decider';
import { FundAmountInvalid, FundRequestAlreadyExists, ProjectNotFound, ReasonRequired } from '../plan.errors';
import { coordinator, leadOfficer, otherOfficer } from '../plan.fixtures';
import { drafted, added, submitted, submit } from '../plan-fund.fixtures';
import { NotOwnAgencyProject } from '../plan-structure.errors';
import { MAX_SATANG } from '../guards';

const spec = deciderSpec(planDecider);

describe('a project without a Fund request', () => {
  it('asks the Fund for an amount, with a justification and an s.44 purpose', () => {
    spec.given([drafted, added]).when(submit()).then([submitted]);
  });
  it('cannot ask for nothing, for a fraction of a satang, or for more than the system takes', () => {
    spec.given([drafted, added]).when(submit(0)).thenRefuses(FundAmountInvalid, 'FUND.AMOUNT_INVALID');
    spec.given([drafted, added]).when(submit(1.5)).thenRefuses(FundAmountInvalid);
    spec.given([drafted, added]).when(submit(2_000_000_000_000)).thenRefuses(FundAmountInvalid);
  });
  it('may ask for the most the system takes, and for a single satang', () => {
    for (const amountSatang of [MAX_SATANG, 1]) {
      spec
        .given([drafted, added])
        .when(submit(amountSatang))
        .then([{ ...submitted, data: { ...submitted.data, amountSatang } } as typeof submitted]);
    }
  });
  it('must exist in the plan', () => {
    spec.given([drafted]).when(submit()).thenRefuses(ProjectNotFound);
  });
});

describe('the justification of a Fund request', () => {
  it('is required', () => {
    spec
      .given([drafted, added])
      .when(submit(undefined, { justification: undefined }))
      .thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
    spec
      .given([drafted, added])
      .when(submit(undefined, { justification: '' }))
      .thenRefuses(ReasonRequired);
  });
  it('refuses a justification of spaces alone', () => {
    spec
      .given([drafted, added])
      .when(submit(undefined, { justification: ' \t ' }))
      .thenRefuses(ReasonRequired);
  });
  it('stores the justification without its surrounding spaces', () => {
    spec
      .given([drafted, added])
      .when(submit(undefined, { justification: '  ช่วยเหลือผู้เสียหาย 40 คน \n' }))
      .then([submitted]);
  });
});

describe('who asks the Fund for a project', () => {
  it("lets the lead agency's officer submit for its own project", () => {
    spec
      .given([drafted, added])
      .when(submit(undefined, {}, leadOfficer))
      .then([submitted]);
  });
  it('refuses an officer of another agency', () => {
    spec
      .given([drafted, added])
      .when(submit(undefined, {}, otherOfficer))
      .thenRefuses(NotOwnAgencyProject, 'AUTH.NOT_OWN_AGENCY');
  });
  it("lets the secretariat submit for any agency's project", () => {
    spec
      .given([drafted, added])
      .when(submit(undefined, {}, coordinator))
      .then([submitted]);
  });
});

describe('a submitted Fund request', () => {
  it('cannot be submitted twice', () => {
    spec.given([drafted, added, submitted]).when(submit()).thenRefuses(FundRequestAlreadyExists);
  });
});
