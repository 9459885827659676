import { mayReadCase } from '../../access/case-access';
import { CaseNotFound } from '../../case/case.errors';
import { CommitmentAlreadyExists, CommitmentTargetUnknown } from '../commitment.errors';
import type { CommitmentEvent } from '../commitment.events';
import { positive } from '../commitment.guards';
import type { CommitmentState } from '../commitment.state';
import type { PledgeCommitment } from './pledge-commitment.command';

export function decidePledgeCommitment(command: PledgeCommitment, state: CommitmentState): CommitmentEvent[] {
  const { commitmentId, target, resource, quantity, dueOn } = command.data;
  if (state.status !== 'none') throw new CommitmentAlreadyExists(commitmentId);
  if (target.kind === 'case') {
    // Pledging to a case needs need-to-know on it; without it the case is answered as unknown, so
    // a pledge cannot be used to learn that a case id exists.
    const access = command.facts.caseAccess;
    if (
      !command.facts.targetExists ||
      !access ||
      !mayReadCase(command.actor, access) ||
      command.actor.role === 'auditor'
    )
      throw new CaseNotFound(target.caseId);
  } else if (!command.facts.targetExists) throw new CommitmentTargetUnknown(target);
  return [
    {
      type: 'CommitmentPledged',
      data: {
        commitmentId,
        agency: command.actor.agency,
        target,
        resource,
        quantity: positive(quantity),
        dueOn,
        province: command.actor.province,
      },
    },
  ];
}
