import { ROLES, type Role } from '@ruamjai/kernel';
import type { PlanCommand } from './plan.commands';
import { authorise, NotPermitted, PLAN_COMMAND_ROLES } from './plan.policy';

const commands = Object.keys(PLAN_COMMAND_ROLES) as PlanCommand['type'][];
const cells = commands.flatMap((command) => ROLES.map((role) => [command, role] as [PlanCommand['type'], Role]));

describe('who may change a plan', () => {
  it.each(cells)('%s by a %s', (command, role) => {
    const act = () => authorise({ id: 'u', agency: 'PSDHS-SK', role }, command);
    if (PLAN_COMMAND_ROLES[command].includes(role)) expect(act).not.toThrow();
    else expect(act).toThrow(NotPermitted);
  });

  it('lets auditors and viewers change nothing', () => {
    for (const command of commands) {
      expect(PLAN_COMMAND_ROLES[command]).not.toContain('auditor');
      expect(PLAN_COMMAND_ROLES[command]).not.toContain('viewer');
    }
  });
});
