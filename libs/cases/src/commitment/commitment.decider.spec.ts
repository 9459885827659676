import type { Actor } from '@ruamjai/kernel';
import { deciderSpec } from '@ruamjai/testing';
import type { CommitmentCommand } from './commitment.commands';
import {
  CommitmentAlreadyExists,
  CommitmentClosed,
  CommitmentNotFound,
  CommitmentReasonRequired,
  CommitmentTargetUnknown,
  NotPledgingAgency,
  QuantityInvalid,
} from './commitment.errors';
import type { CommitmentEvent } from './commitment.events';
import { commitmentDecider } from './commitment.decider';
import { CaseNotFound } from '../case/case.errors';

const spec = deciderSpec(commitmentDecider);
const shelter: Actor = { id: 'malee.s', agency: 'SHELTER-SK', role: 'agency_officer' };
const police: Actor = { id: 'x', agency: 'POL-SK', role: 'agency_officer' };
const coordinator: Actor = { id: 'somchai', agency: 'PSDHS-SK', role: 'coordinator' };
const at = new Date('2019-05-02T03:00:00Z');
const commitmentId = 'k-1';
const caseAccess = { owningAgency: 'SHELTER-SK', referrals: [] };
const cmd = (type: CommitmentCommand['type'], data: object = {}, actor = shelter) =>
  ({
    type,
    data: { commitmentId, ...data },
    actor,
    at,
    facts: { targetExists: true, caseAccess },
  }) as unknown as CommitmentCommand;
const pledged: CommitmentEvent = {
  type: 'CommitmentPledged',
  data: {
    commitmentId,
    agency: 'SHELTER-SK',
    target: { kind: 'case', caseId: 'c-1' },
    resource: 'shelter_beds',
    quantity: 4,
    dueOn: '2019-06-30',
  },
};
const part: CommitmentEvent = {
  type: 'CommitmentFulfilled',
  data: { commitmentId, quantity: 1, fulfilledTotal: 1, fulfilledOn: '2019-05-10', complete: false },
};
const withdrawn: CommitmentEvent = { type: 'CommitmentWithdrawn', data: { commitmentId, reason: 'งบถูกตัด' } };

describe('a new pledge', () => {
  it("is made by the actor's agency for a case or a plan project", () => {
    spec
      .given([])
      .when(
        cmd('PledgeCommitment', {
          target: { kind: 'case', caseId: 'c-1' },
          resource: 'shelter_beds',
          quantity: 4,
          dueOn: '2019-06-30',
        }),
      )
      .then([pledged]);
  });
  it('needs a positive whole quantity', () => {
    spec
      .given([])
      .when(
        cmd('PledgeCommitment', {
          target: { kind: 'case', caseId: 'c-1' },
          resource: 'shelter_beds',
          quantity: 0,
          dueOn: '2019-06-30',
        }),
      )
      .thenRefuses(QuantityInvalid, 'COMMITMENT.QUANTITY_INVALID');
    spec
      .given([])
      .when(
        cmd('PledgeCommitment', {
          target: { kind: 'case', caseId: 'c-1' },
          resource: 'budget_satang',
          quantity: 1.5,
          dueOn: '2019-06-30',
        }),
      )
      .thenRefuses(QuantityInvalid);
  });
  it('needs a plan project or case that exists', () => {
    spec
      .given([])
      .when({
        ...cmd('PledgeCommitment', {
          target: { kind: 'project', planId: 'p', projectId: 'x' },
          resource: 'vehicles',
          quantity: 1,
          dueOn: '2019-06-30',
        }),
        facts: { targetExists: false },
      } as CommitmentCommand)
      .thenRefuses(CommitmentTargetUnknown, 'COMMITMENT.TARGET_UNKNOWN');
  });
  it('to a case needs need-to-know on it, and is otherwise answered as if the case did not exist', () => {
    const toCase = (actor: Actor, access: object | undefined, targetExists = true) =>
      ({
        ...cmd(
          'PledgeCommitment',
          { target: { kind: 'case', caseId: 'c-1' }, resource: 'shelter_beds', quantity: 1, dueOn: '2019-06-30' },
          actor,
        ),
        facts: { targetExists, caseAccess: access },
      }) as CommitmentCommand;
    const withReferral = (status: string) => ({
      owningAgency: 'SHELTER-SK',
      referrals: [{ toAgency: 'POL-SK', status, sharesPersonalData: false }],
    });
    // Another agency with no referral on the case: the same 404 as a case that does not exist.
    spec.given([]).when(toCase(police, caseAccess)).thenRefuses(CaseNotFound, 'CASE.NOT_FOUND');
    spec
      .given([])
      .when(toCase(shelter, undefined, false))
      .thenRefuses(CaseNotFound, 'CASE.NOT_FOUND');
    spec
      .given([])
      .when(toCase(police, withReferral('completed')))
      .thenRefuses(CaseNotFound);
    // An agency holding an active referral on it, and the coordinator, may.
    spec
      .given([])
      .when(toCase(police, withReferral('accepted')))
      .then([{ ...pledged, data: { ...pledged.data, agency: 'POL-SK', quantity: 1 } }]);
    spec
      .given([])
      .when(toCase(coordinator, caseAccess))
      .then([{ ...pledged, data: { ...pledged.data, agency: 'PSDHS-SK', quantity: 1 } }]);
  });
  it('cannot be made twice under one id', () => {
    spec
      .given([pledged])
      .when(
        cmd('PledgeCommitment', {
          target: { kind: 'case', caseId: 'c-1' },
          resource: 'shelter_beds',
          quantity: 4,
          dueOn: '2019-06-30',
        }),
      )
      .thenRefuses(CommitmentAlreadyExists);
  });
  it('does not exist to be fulfilled', () => {
    spec
      .given([])
      .when(cmd('RecordFulfilment', { quantity: 1, fulfilledOn: '2019-05-10' }))
      .thenRefuses(CommitmentNotFound, 'COMMITMENT.NOT_FOUND');
  });
});

describe('an open pledge', () => {
  it('is fulfilled in part, then in whole', () => {
    spec
      .given([pledged])
      .when(cmd('RecordFulfilment', { quantity: 1, fulfilledOn: '2019-05-10' }))
      .then([part]);
    spec
      .given([pledged, part])
      .when(cmd('RecordFulfilment', { quantity: 3, fulfilledOn: '2019-05-20' }))
      .then([
        {
          type: 'CommitmentFulfilled',
          data: { commitmentId, quantity: 3, fulfilledTotal: 4, fulfilledOn: '2019-05-20', complete: true },
        },
      ]);
  });
  it('is never fulfilled beyond what was pledged', () => {
    spec
      .given([pledged, part])
      .when(cmd('RecordFulfilment', { quantity: 4, fulfilledOn: '2019-05-20' }))
      .thenRefuses(QuantityInvalid);
  });
  it('is revised with a reason, never below what was delivered', () => {
    spec
      .given([pledged, part])
      .when(cmd('ReviseCommitment', { quantity: 2, dueOn: '2019-07-31', reason: 'ลดจำนวนเตียง' }))
      .then([
        {
          type: 'CommitmentRevised',
          data: {
            commitmentId,
            previousQuantity: 4,
            quantity: 2,
            previousDueOn: '2019-06-30',
            dueOn: '2019-07-31',
            reason: 'ลดจำนวนเตียง',
          },
        },
      ]);
    spec
      .given([pledged, part])
      .when(cmd('ReviseCommitment', { quantity: 0, dueOn: '2019-07-31', reason: 'x' }))
      .thenRefuses(QuantityInvalid);
    spec
      .given([pledged, { ...part, data: { ...part.data, quantity: 3, fulfilledTotal: 3 } }])
      .when(cmd('ReviseCommitment', { quantity: 2, dueOn: '2019-07-31', reason: 'x' }))
      .thenRefuses(QuantityInvalid);
    spec
      .given([pledged])
      .when(cmd('ReviseCommitment', { quantity: 2, dueOn: '2019-07-31', reason: '' }))
      .thenRefuses(CommitmentReasonRequired);
  });
  it('is withdrawn with a reason', () => {
    spec
      .given([pledged])
      .when(cmd('WithdrawCommitment', { reason: 'งบถูกตัด' }))
      .then([withdrawn]);
  });
  it('is changed only by the pledging agency or the coordinator', () => {
    const toProject: CommitmentEvent = {
      ...pledged,
      data: { ...pledged.data, target: { kind: 'project', planId: 'p-1', projectId: 'pr-1' } },
    };
    spec
      .given([toProject])
      .when(cmd('WithdrawCommitment', { reason: 'x' }, police))
      .thenRefuses(NotPledgingAgency, 'COMMITMENT.NOT_PLEDGING_AGENCY');
    spec
      .given([pledged])
      .when(cmd('RecordFulfilment', { quantity: 1, fulfilledOn: '2019-05-10' }, coordinator))
      .then([part]);
  });
  it('is, when made to a case, not confirmed to another agency, whatever its state', () => {
    spec
      .given([pledged])
      .when(cmd('WithdrawCommitment', { reason: 'x' }, police))
      .thenRefuses(CommitmentNotFound, 'COMMITMENT.NOT_FOUND');
    spec
      .given([pledged, withdrawn])
      .when(cmd('WithdrawCommitment', { reason: 'x' }, police))
      .thenRefuses(CommitmentNotFound, 'COMMITMENT.NOT_FOUND');
  });
});

describe('a fulfilled or withdrawn pledge', () => {
  const whole: CommitmentEvent = {
    type: 'CommitmentFulfilled',
    data: { commitmentId, quantity: 4, fulfilledTotal: 4, fulfilledOn: '2019-05-10', complete: true },
  };
  it.each([
    ['fulfilled', [pledged, whole]],
    ['withdrawn', [pledged, withdrawn]],
  ] as const)('%s takes no more changes', (_n, given) => {
    spec
      .given([...given])
      .when(cmd('RecordFulfilment', { quantity: 1, fulfilledOn: '2019-05-10' }))
      .thenRefuses(CommitmentClosed, 'COMMITMENT.CLOSED');
    spec
      .given([...given])
      .when(cmd('ReviseCommitment', { quantity: 5, dueOn: '2019-07-31', reason: 'x' }))
      .thenRefuses(CommitmentClosed);
    spec
      .given([...given])
      .when(cmd('WithdrawCommitment', { reason: 'x' }))
      .thenRefuses(CommitmentClosed);
  });
});
