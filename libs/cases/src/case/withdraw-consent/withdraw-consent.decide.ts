import { NoConsentToWithdraw } from '../case.errors';
import type { CaseEvent } from '../case.events';
import { mustExist } from '../case.guards';
import type { CaseState } from '../case.state';
import type { WithdrawConsent } from './withdraw-consent.command';

export function decideWithdrawConsent(command: WithdrawConsent, state: CaseState): CaseEvent[] {
  const { caseId } = command.data;
  const c = mustExist(state, caseId);
  if (!c.consent) throw new NoConsentToWithdraw(caseId);
  return [{ type: 'ConsentWithdrawn', data: { caseId, withdrawnOn: command.data.withdrawnOn } }];
}
