import type { AgencyCommandBase } from '../agency.command-base';
import { AgencyReasonRequired } from '../agency.errors';
import type { AgencyEvent } from '../agency.events';
import type { AgencyState } from '../agency.state';
import { activeAgency } from '../guards';

export type DeactivateAgency = AgencyCommandBase<'DeactivateAgency', { code: string; reason: string }>;

export function decideDeactivateAgency({ data }: DeactivateAgency, state: AgencyState): AgencyEvent[] {
  const { code } = data;
  activeAgency(state, code);
  if (!data.reason?.trim()) throw new AgencyReasonRequired();
  return [{ type: 'AgencyDeactivated', data: { code, reason: data.reason.trim() } }];
}
