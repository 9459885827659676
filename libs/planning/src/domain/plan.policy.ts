import { DomainError, type Actor, type Role } from '@ruamjai/kernel';
import type { PlanCommand } from './plan.commands';

/**
 * Who may issue which plan command. Auditors and viewers read; they change nothing. The plans
 * issue refines this (agency officers on their own agency's projects, the chair's approvals).
 */
export const PLAN_COMMAND_ROLES: Readonly<Record<PlanCommand['type'], readonly Role[]>> = {
  DraftPlan: ['coordinator'],
  AddProject: ['coordinator', 'agency_officer'],
  ReviseProjectBudget: ['coordinator'],
  SubmitPlan: ['coordinator'],
  ReturnPlan: ['chair'],
  ApprovePlan: ['chair'],
  ClosePlan: ['chair'],
  // The secretariat prepares requests; the Fund's decisions and payments are recorded as they arrive.
  SubmitFundRequest: ['coordinator', 'agency_officer'],
  ReviseFundRequest: ['coordinator', 'agency_officer'],
  ReturnFundRequest: ['coordinator', 'chair'],
  ApproveFundRequest: ['coordinator', 'chair'],
  RejectFundRequest: ['coordinator', 'chair'],
  RecordFundDisbursement: ['coordinator'],
};

export class NotPermitted extends DomainError {
  readonly code = 'AUTH.NOT_PERMITTED';
  readonly kind = 'forbidden';
  constructor(role: Role, command: string) {
    super(
      { th: `บทบาท ${role} ไม่มีสิทธิ์ทำรายการ ${command}`, en: `The ${role} role may not ${command}` },
      { role, command },
    );
  }
}

export function authorise(actor: Actor, command: PlanCommand['type']): void {
  if (!PLAN_COMMAND_ROLES[command].includes(actor.role)) throw new NotPermitted(actor.role, command);
}
