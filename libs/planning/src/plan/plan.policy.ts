import { DomainError, isNationalRole, ROLE_LABELS, type Actor, type Role } from '@ruamjai/kernel';
import type { PlanCommand } from './plan.commands';

const EDITORS: readonly Role[] = ['coordinator', 'agency_officer'];

/**
 * Who may issue which plan command. Auditors and viewers read; they change nothing. The
 * secretariat (coordinator) edits the plan; agency officers propose changes to their own agency's
 * projects while the plan is drafted and report progress on projects their agency leads or takes
 * part in (the decider checks the agency, since that needs the plan); the chair approves and closes.
 */
export const PLAN_COMMAND_ROLES: Readonly<Record<PlanCommand['type'], readonly Role[]>> = {
  DraftPlan: ['coordinator'],
  AddProject: EDITORS,
  ReviseProjectBudget: EDITORS,
  ChangeProject: EDITORS,
  ReassignProject: EDITORS,
  WithdrawProject: EDITORS,
  AddActivity: EDITORS,
  ChangeActivity: EDITORS,
  ReassignActivity: EDITORS,
  WithdrawActivity: EDITORS,
  AddKpi: EDITORS,
  ChangeKpi: EDITORS,
  WithdrawKpi: EDITORS,
  AddBudgetLine: EDITORS,
  ReviseBudgetLine: EDITORS,
  ReassignBudgetLine: EDITORS,
  WithdrawBudgetLine: EDITORS,
  ReportActivityProgress: ['agency_officer', 'coordinator'],
  RecordKpiActual: ['agency_officer', 'coordinator'],
  SubmitPlan: ['coordinator'],
  ReturnPlan: ['chair'],
  ApprovePlan: ['chair'],
  ClosePlan: ['chair'],
  // The secretariat prepares requests; the Fund's decisions and payments are recorded as they arrive.
  SubmitFundRequest: ['coordinator', 'agency_officer'],
  ReviseFundRequest: ['coordinator', 'agency_officer'],
  // The national secretariat administers the Fund: it records the Fund's answers and payments for any
  // province. It changes nothing else in a province's plan; national auditors and viewers only read.
  ReturnFundRequest: ['coordinator', 'chair', 'secretariat'],
  ApproveFundRequest: ['coordinator', 'chair', 'secretariat'],
  RejectFundRequest: ['coordinator', 'chair', 'secretariat'],
  RecordFundDisbursement: ['coordinator', 'secretariat'],
};

export class NotPermitted extends DomainError {
  readonly code = 'AUTH.NOT_PERMITTED';
  readonly kind = 'forbidden';
  constructor(role: Role, command: string) {
    super(
      {
        th: `บทบาท ${ROLE_LABELS[role].th} ไม่มีสิทธิ์ทำรายการ ${command}`,
        en: `The ${ROLE_LABELS[role].en} role may not ${command}`,
      },
      { role, command },
    );
  }
}

/** A province's people asked for another province's list or numbers: only national roles read across provinces. */
export class ProvinceOutOfReach extends DomainError {
  readonly code = 'PROVINCE.OUT_OF_REACH';
  readonly kind = 'forbidden';
  constructor(own: string, asked: string) {
    super(
      {
        th: `อ่านข้อมูลได้เฉพาะจังหวัดของตนเอง (${own}) ไม่ใช่ ${asked}; เฉพาะบทบาทส่วนกลางอ่านข้ามจังหวัดได้`,
        en: `You read only your own province (${own}), not ${asked}; only national roles read across provinces`,
      },
      { province: own, asked },
    );
  }
}

/**
 * Which province a list or a sum covers: a national role's choice (every province when none), else
 * the actor's own; a province's people asking for another province are refused.
 */
export function provinceInReach(actor: Actor, asked: string | undefined): string | undefined {
  if (isNationalRole(actor.role)) return asked;
  if (asked !== undefined && asked !== actor.province) throw new ProvinceOutOfReach(actor.province, asked);
  return actor.province;
}

export function authorise(actor: Actor, command: PlanCommand['type']): void {
  if (!PLAN_COMMAND_ROLES[command].includes(actor.role)) throw new NotPermitted(actor.role, command);
}

/** What each role may read (in its province; national roles in every one). Viewers see dashboards only: de-identified numbers, no plan detail or trail. */
export const PLAN_READS = [
  'ReadPlan',
  'ReadPlanHistory',
  'VerifyAuditChain',
  'ReadDashboard',
  'ReadAgencyDirectory',
] as const;
export type PlanRead = (typeof PLAN_READS)[number];

export const PLAN_READ_ROLES: Readonly<Record<PlanRead, readonly Role[]>> = {
  ReadPlan: ['coordinator', 'chair', 'agency_officer', 'auditor', 'secretariat', 'national_auditor'],
  // The trail names the officials who acted: for the secretariat, the chair and auditors.
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
  // Viewers see dashboards only: the directory names the agencies' contacts and districts.
  ReadAgencyDirectory: ['coordinator', 'chair', 'agency_officer', 'auditor', 'secretariat', 'national_auditor'],
};

export function authoriseRead(actor: Actor, read: PlanRead): void {
  if (!PLAN_READ_ROLES[read].includes(actor.role)) throw new NotPermitted(actor.role, read);
}
