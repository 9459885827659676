import type { AgencyCommandBase } from '../agency.command-base';
import { AgencyUnchanged } from '../agency.errors';
import type { AgencyEvent } from '../agency.events';
import type { AgencyState } from '../agency.state';
import { activeAgency } from '../guards';

export type RenameAgency = AgencyCommandBase<'RenameAgency', { code: string; nameTh: string; nameEn?: string }>;

export function decideRenameAgency({ data }: RenameAgency, state: AgencyState): AgencyEvent[] {
  const { code } = data;
  const agency = activeAgency(state, code);
  const nameTh = data.nameTh.trim();
  // An English name left out or of spaces alone is none.
  const nameEn = data.nameEn?.trim() || null;
  if (agency.nameTh === nameTh && (agency.nameEn ?? null) === nameEn) throw new AgencyUnchanged(code);
  return [{ type: 'AgencyRenamed', data: { code, nameTh, nameEn } }];
}
