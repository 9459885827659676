import { ROLES } from '@ruamjai/kernel';
import { NotPermitted } from '../plan/plan.policy';
import type { AgencyCommand } from './agency.commands';
import { authoriseAgencyCommand } from './agency.policy';

const commands: AgencyCommand['type'][] = [
  'RegisterAgency',
  'RenameAgency',
  'ChangeAgencyType',
  'ChangeAgencyDistrict',
  'DeactivateAgency',
];

describe('who may keep the agency directory', () => {
  it.each(commands.flatMap((command) => ROLES.map((role) => [command, role] as const)))(
    '%s by a %s',
    (command, role) => {
      const act = () => authoriseAgencyCommand({ id: 'u', agency: 'PSDHS-SK', role, province: 'TH-27' }, command);
      if (role === 'coordinator') expect(act).not.toThrow();
      else expect(act).toThrow(NotPermitted);
    },
  );
});
