import type { Actor } from '@ruamjai/kernel';
import type { AgencyCommand } from './agency.commands';
import type { AgencyEvent } from './agency.events';

/**
 * An agency of the directory, registered and deactivated: the specs of each directory command share
 * it. Test data only: the specs import it.
 */

export const actor: Actor = { id: 'somchai', agency: 'PSDHS-SK', role: 'coordinator', province: 'TH-27' };
export const at = new Date('2019-02-01T03:00:00Z');
export const cmd = (type: AgencyCommand['type'], data: object) =>
  ({ type, data: { code: 'IMM-SK', ...data }, actor, at, deploymentProvince: 'TH-27' }) as AgencyCommand;
export const registered: AgencyEvent = {
  type: 'AgencyRegistered',
  data: {
    code: 'IMM-SK',
    nameTh: 'ด่านตรวจคนเข้าเมืองจังหวัดสระแก้ว',
    nameEn: null,
    agencyType: 'immigration',
    districtCode: '2706',
    province: 'TH-27',
  },
};
export const deactivated: AgencyEvent = { type: 'AgencyDeactivated', data: { code: 'IMM-SK', reason: 'ยุบรวม' } };
