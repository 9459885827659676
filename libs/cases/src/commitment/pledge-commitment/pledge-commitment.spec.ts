import type { Actor } from '@ruamjai/kernel';
import { deciderSpec } from '@ruamjai/testing';
import type { CommitmentCommand } from '../commitment.commands';
import { CommitmentAlreadyExists, CommitmentTargetUnknown, QuantityInvalid } from '../commitment.errors';
import { commitmentDecider } from '../commitment.decider';
import { CaseNotFound } from '../../case/case.errors';
import { shelter, police, coordinator, caseAccess, cmd, pledged } from '../commitment.fixtures';

const spec = deciderSpec(commitmentDecider);

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
      province: 'TH-27',
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
});
