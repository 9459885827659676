import type { Actor } from '@ruamjai/kernel';
import { NotPermitted } from '../plan/plan.policy';
import type { AgencyCommand } from './agency.commands';

/** The secretariat keeps the agency directory. */
export function authoriseAgencyCommand(actor: Actor, command: AgencyCommand['type']): void {
  if (actor.role !== 'coordinator') throw new NotPermitted(actor.role, command);
}
