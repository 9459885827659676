import { ROLES, type Role } from '@ruamjai/kernel';
import type { PlanCommand } from './plan.commands';
import { authorise, NotPermitted, PLAN_COMMAND_ROLES } from './plan.policy';

const commands = Object.keys(PLAN_COMMAND_ROLES) as PlanCommand['type'][];
const cells = commands.flatMap((command) => ROLES.map((role) => [command, role] as [PlanCommand['type'], Role]));

describe('who may change a plan', () => {
  it.each(cells)('%s by a %s', (command, role) => {
    const act = () => authorise({ id: 'u', agency: 'PSDHS-SK', role, province: 'TH-27' }, command);
    if (PLAN_COMMAND_ROLES[command].includes(role)) expect(act).not.toThrow();
    else expect(act).toThrow(NotPermitted);
  });

  it('walks every role against every plan command', () => {
    expect(new Set(cells.map(([command, role]) => `${command}/${role}`)).size).toBe(commands.length * ROLES.length);
  });

  it('lets auditors and viewers change nothing, national or provincial', () => {
    for (const command of commands) {
      for (const reader of ['auditor', 'viewer', 'national_auditor', 'national_viewer'] as const)
        expect(PLAN_COMMAND_ROLES[command]).not.toContain(reader);
    }
  });

  it("lets the national secretariat record only the Fund's answers and payments", () => {
    const secretariat = commands.filter((command) => PLAN_COMMAND_ROLES[command].includes('secretariat'));
    expect(secretariat.sort()).toEqual([
      'ApproveFundRequest',
      'RecordFundDisbursement',
      'RejectFundRequest',
      'ReturnFundRequest',
    ]);
  });
});

/** The commands that change a plan's structure: the secretariat edits, agency officers propose. */
const STRUCTURE: readonly PlanCommand['type'][] = [
  'AddProject',
  'ChangeProject',
  'ReassignProject',
  'WithdrawProject',
  'ReviseProjectBudget',
  'AddActivity',
  'ChangeActivity',
  'ReassignActivity',
  'WithdrawActivity',
  'AddKpi',
  'ChangeKpi',
  'WithdrawKpi',
  'AddBudgetLine',
  'ReviseBudgetLine',
  'ReassignBudgetLine',
  'WithdrawBudgetLine',
];
/** What agencies did: reported by their officers, or by the secretariat for them. */
const PROGRESS: readonly PlanCommand['type'][] = ['ReportActivityProgress', 'RecordKpiActual'];

describe("who may change a plan's structure", () => {
  it.each(STRUCTURE.flatMap((command) => ROLES.map((role) => [command, role] as const)))(
    '%s by a %s',
    (command, role) => {
      const act = () => authorise({ id: 'u', agency: 'PSDHS-SK', role, province: 'TH-27' }, command);
      if (role === 'coordinator' || role === 'agency_officer') expect(act).not.toThrow();
      else expect(act).toThrow(NotPermitted);
    },
  );
});

describe('who may report what agencies did', () => {
  it.each(PROGRESS.flatMap((command) => ROLES.map((role) => [command, role] as const)))(
    '%s by a %s',
    (command, role) => {
      const act = () => authorise({ id: 'u', agency: 'PSDHS-SK', role, province: 'TH-27' }, command);
      if (role === 'coordinator' || role === 'agency_officer') expect(act).not.toThrow();
      else expect(act).toThrow(NotPermitted);
    },
  );
});
