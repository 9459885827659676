/* What the commitment specs share: actors, times and the events that make up a history. */
import type { Actor } from '@ruamjai/kernel';
import type { CommitmentCommand } from './commitment.commands';
import type { CommitmentEvent } from './commitment.events';

export const shelter: Actor = { id: 'malee.s', agency: 'SHELTER-SK', role: 'agency_officer', province: 'TH-27' };
export const police: Actor = { id: 'x', agency: 'POL-SK', role: 'agency_officer', province: 'TH-27' };
export const coordinator: Actor = { id: 'somchai', agency: 'PSDHS-SK', role: 'coordinator', province: 'TH-27' };
export const at = new Date('2019-05-02T03:00:00Z');
export const commitmentId = 'k-1';
export const caseAccess = { owningAgency: 'SHELTER-SK', province: 'TH-27', referrals: [] };
export const cmd = (type: CommitmentCommand['type'], data: object = {}, actor = shelter) =>
  ({
    type,
    data: { commitmentId, ...data },
    actor,
    at,
    facts: { targetExists: true, caseAccess },
  }) as unknown as CommitmentCommand;
export const pledged = {
  type: 'CommitmentPledged',
  data: {
    commitmentId,
    agency: 'SHELTER-SK',
    target: { kind: 'case', caseId: 'c-1' },
    resource: 'shelter_beds',
    quantity: 4,
    dueOn: '2019-06-30',
    province: 'TH-27',
  },
} satisfies CommitmentEvent;
export const part = {
  type: 'CommitmentFulfilled',
  data: { commitmentId, quantity: 1, fulfilledTotal: 1, fulfilledOn: '2019-05-10', complete: false },
} satisfies CommitmentEvent;
export const withdrawn = {
  type: 'CommitmentWithdrawn',
  data: { commitmentId, reason: 'งบถูกตัด' },
} satisfies CommitmentEvent;
