import { ROLES, type Role } from '@ruamjai/kernel';
import type { PlanCommand } from './plan.commands';
import { authorise, authoriseRead, NotPermitted, PLAN_COMMAND_ROLES, PLAN_READS, type PlanRead } from './plan.policy';

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

describe('a refusal by role', () => {
  it('names the role and the command it refused, in Thai and English', () => {
    let thrown: unknown;
    try {
      authorise({ id: 'u', agency: 'PSDHS-SK', role: 'viewer', province: 'TH-27' }, 'ApprovePlan');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(NotPermitted);
    const refusal = thrown as NotPermitted;
    expect(refusal.code).toBe('AUTH.NOT_PERMITTED');
    expect(refusal.details).toEqual({ role: 'viewer', command: 'ApprovePlan' });
    expect(refusal.text.th).toContain('ผู้ดูแดชบอร์ด');
    expect(refusal.text.th).toContain('ApprovePlan');
    expect(refusal.text.en).toBe('The Dashboard viewer role may not ApprovePlan');
  });
});

/** Who reads what, written out here rather than read back from the policy's own table. */
const MAY_READ: Readonly<Record<PlanRead, readonly Role[]>> = {
  ReadPlan: ['coordinator', 'chair', 'agency_officer', 'auditor', 'secretariat', 'national_auditor'],
  ReadPlanHistory: ['coordinator', 'chair', 'auditor', 'secretariat', 'national_auditor'],
  VerifyAuditChain: ['coordinator', 'chair', 'auditor', 'secretariat', 'national_auditor'],
  ReadDashboard: [
    'coordinator',
    'chair',
    'agency_officer',
    'auditor',
    'viewer',
    'secretariat',
    'national_auditor',
    'national_viewer',
  ],
  ReadAgencyDirectory: ['coordinator', 'chair', 'agency_officer', 'auditor', 'secretariat', 'national_auditor'],
};

describe('who may read a plan, its trail and the dashboards', () => {
  it.each(PLAN_READS.flatMap((read) => ROLES.map((role) => [read, role] as const)))('%s by a %s', (read, role) => {
    const act = () => authoriseRead({ id: 'u', agency: 'PSDHS-SK', role, province: 'TH-27' }, read);
    if (MAY_READ[read].includes(role)) expect(act).not.toThrow();
    else expect(act).toThrow(NotPermitted);
  });

  it('shows viewers the dashboards only', () => {
    for (const read of PLAN_READS) {
      const act = () => authoriseRead({ id: 'u', agency: 'PSDHS-SK', role: 'viewer', province: 'TH-27' }, read);
      if (read === 'ReadDashboard') expect(act).not.toThrow();
      else expect(act).toThrow(NotPermitted);
    }
  });

  it('keeps the trail, which names the officials who acted, from agency officers', () => {
    const officer = { id: 'u', agency: 'PSDHS-SK', role: 'agency_officer', province: 'TH-27' } as const;
    expect(() => authoriseRead(officer, 'ReadPlan')).not.toThrow();
    expect(() => authoriseRead(officer, 'ReadPlanHistory')).toThrow(NotPermitted);
  });

  it('refuses a read naming the role and the read', () => {
    expect(() => authoriseRead({ id: 'u', agency: 'PSDHS-SK', role: 'viewer', province: 'TH-27' }, 'ReadPlan')).toThrow(
      expect.objectContaining({ details: { role: 'viewer', command: 'ReadPlan' } }),
    );
  });
});

/**
 * Who moves a plan through its life and deals with the Fund, written out here: the table above
 * reads its expectations from the policy, so it could not see a role dropped from it.
 */
const LIFECYCLE_AND_FUND: Readonly<Partial<Record<PlanCommand['type'], readonly Role[]>>> = {
  DraftPlan: ['coordinator'],
  SubmitPlan: ['coordinator'],
  ReturnPlan: ['chair'],
  ApprovePlan: ['chair'],
  ClosePlan: ['chair'],
  SubmitFundRequest: ['coordinator', 'agency_officer'],
  ReviseFundRequest: ['coordinator', 'agency_officer'],
  // The national secretariat records the Fund's answers and payments, for any province.
  ReturnFundRequest: ['coordinator', 'chair', 'secretariat'],
  ApproveFundRequest: ['coordinator', 'chair', 'secretariat'],
  RejectFundRequest: ['coordinator', 'chair', 'secretariat'],
  RecordFundDisbursement: ['coordinator', 'secretariat'],
};

describe('who moves a plan through its life and deals with the Fund', () => {
  const rows = Object.entries(LIFECYCLE_AND_FUND) as [PlanCommand['type'], readonly Role[]][];
  it.each(
    rows.flatMap(([command, roles]) =>
      ROLES.map((role) => [command, role, roles.includes(role) ? 'allowed' : 'refused'] as const),
    ),
  )('%s by a %s is %s', (command, role, verdict) => {
    const act = () => authorise({ id: 'u', agency: 'PSDHS-SK', role, province: 'TH-27' }, command);
    if (verdict === 'allowed') expect(act).not.toThrow();
    else expect(act).toThrow(NotPermitted);
  });

  it('leaves no plan command unwritten in one of the explicit tables', () => {
    expect([...STRUCTURE, ...PROGRESS, ...Object.keys(LIFECYCLE_AND_FUND)].sort()).toEqual([...commands].sort());
  });
});
